import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCallbackData } from "#src/callback-data/pack.js";
import { reportStepData } from "#src/callback-data/report-step.js";

const caseAction = defineCallbackData(
  "case",
  ["id", "action"],
  z.object({ id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/), action: z.enum(["take", "close"]) }),
);

describe("callback data", () => {
  it("round-trips and matches its own prefix only", () => {
    const data = caseAction.pack({ id: "K7QM-4T2X", action: "take" });
    expect(data).toBe("case:K7QM-4T2X:take");
    expect(caseAction.unpack(data)).toEqual({ id: "K7QM-4T2X", action: "take" });
    expect(caseAction.filter.test(data)).toBe(true);
    expect(caseAction.filter.test("cases:x")).toBe(false);
  });

  it("rejects forged or malformed data", () => {
    for (const forged of [
      "case:K7QM-4T2X:delete",
      "case:../../x:take",
      "case:K7QM-4T2X",
      "lang:id",
      "case:K7QM-4T2X:take:1",
    ]) {
      expect(caseAction.unpack(forged)).toBeUndefined();
    }
  });

  it("refuses to build data over Telegram's 64-byte limit", () => {
    const long = defineCallbackData("long", ["v"], z.object({ v: z.string() }));
    expect(() => long.pack({ v: "é".repeat(40) })).toThrow(/64 bytes/);
  });
});

describe("report step buttons", () => {
  it("keep the whole value, colons included, and tell their report and step", () => {
    const data = reportStepData.pack({ sid: "a1b2", step: "city", value: "KH:Sihanoukville" });
    expect(data).toBe("rp:a1b2:city:KH:Sihanoukville");
    expect(reportStepData.unpack(data)).toEqual({ sid: "a1b2", step: "city", value: "KH:Sihanoukville" });
    expect(reportStepData.filter.test(data)).toBe(true);
  });

  it("read forged or cut data as no report's button, and other kinds as none", () => {
    expect(reportStepData.unpack("rp")).toEqual({ sid: "", step: "", value: "" });
    expect(reportStepData.unpack("rply:AB12-CD34")).toBeUndefined();
    expect(reportStepData.filter.test("rply:AB12-CD34")).toBe(false);
  });
});
