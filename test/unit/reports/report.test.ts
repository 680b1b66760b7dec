import { describe, expect, it } from "vitest";
import { parseStoredReport, type Report, reportSchema, StoredReportError } from "#src/reports/report.js";
import { sampleDraft } from "./fixtures.js";

const stored: Report = {
  ...sampleDraft(),
  schemaVersion: 1,
  id: "K7QM-4T2X",
  createdAt: "2025-06-01T08:00:00.000Z",
  updatedAt: "2025-06-01T08:00:00.000Z",
  status: "received",
  statusVersion: 1,
  history: [{ status: "received", at: "2025-06-01T08:00:00.000Z", actor: "reporter" }],
  reporterRef: "ref",
  additions: [],
};

describe("stored reports", () => {
  it("parse back to what was stored", () => {
    expect(parseStoredReport(JSON.stringify(stored))).toEqual(stored);
  });

  it("are refused with a reason when they are not a valid report", () => {
    const cases: Array<[string, RegExp]> = [
      ["{", /not JSON/],
      ["[]", /not an object/],
      [JSON.stringify({ ...stored, schemaVersion: undefined }), /no valid schemaVersion/],
      [JSON.stringify({ ...stored, schemaVersion: 2 }), /newer than this build/],
      [JSON.stringify({ ...stored, status: "deleted" }), /invalid at status/],
      [
        JSON.stringify({ ...stored, history: [{ ...stored.history[0], actor: "officer:alice" }] }),
        /history\.0\.actor/,
      ],
      [JSON.stringify({ ...stored, id: "K7QM-4T2O" }), /invalid at id/],
    ];
    for (const [json, reason] of cases) {
      expect(() => parseStoredReport(json)).toThrow(StoredReportError);
      expect(() => parseStoredReport(json)).toThrow(reason);
    }
  });

  it("drop fields this build does not know", () => {
    const parsed = parseStoredReport(JSON.stringify({ ...stored, injected: "<b>x</b>" }));
    expect(parsed).not.toHaveProperty("injected");
  });

  it("bound what users type", () => {
    const tooMany = { ...stored, offer: { ...stored.offer, media: Array(11).fill(stored.offer.media[0]) } };
    expect(reportSchema.safeParse(tooMany).success).toBe(false);
    const location = {
      ...stored,
      departed: {
        relationship: "kakak",
        canCommunicate: "no",
        passportTaken: "yes",
        location: { latitude: 91, longitude: 0 },
      },
    };
    expect(reportSchema.safeParse(location).success).toBe(false);
  });
});
