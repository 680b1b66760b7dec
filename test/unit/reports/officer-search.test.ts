import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { findProfile, linkedReports, parseSearchQuery } from "#src/reports/officer-search.js";
import type { ReporterInput } from "#src/reports/store.js";
import type { TestRedis } from "../../harness/redis.js";
import {
  confirmedSenderDraft,
  countRoundTrips,
  createStore,
  RECRUITER_PHONE,
  sampleDraft,
  useReportRedis,
} from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

const reporter = (n: number): ReporterInput => ({
  ref: `ref-${n}`,
  chatId: 5_550_000_000 + n,
  locale: "id",
  contactConsent: false,
});

/** A store whose clock moves one minute per report, so "newest first" is well defined. */
function clockedStore() {
  let t = Date.parse("2025-06-01T08:00:00Z");
  return createStore(redis, {
    now: () => {
      t += 60_000;
      return new Date(t);
    },
  });
}

describe("reading what an officer typed", () => {
  it.each([
    ["0812-3456-7890", "phone", RECRUITER_PHONE],
    ["+62 812 3456 7890", "phone", RECRUITER_PHONE],
    ["6281234567890", "phone", RECRUITER_PHONE],
    ["@HRD_Kamboja", "telegram_handle", "hrd_kamboja"],
    ["https://t.me/HRD_Kamboja", "telegram_handle", "hrd_kamboja"],
    ["t.me/HRD_Kamboja", "telegram_handle", "hrd_kamboja"],
    ["HRD_Kamboja", "telegram_handle", "hrd_kamboja"],
    ["https://kerja-kamboja.com/lowongan?id=3", "domain", "kerja-kamboja.com"],
    ["kerja-kamboja.com", "domain", "kerja-kamboja.com"],
    ["PT. Maju  Jaya", "agency", "pt maju jaya"],
    // Copied from a card, where links are defanged.
    ["kerja-kamboja[.]com", "domain", "kerja-kamboja.com"],
    ["hxxps://kerja-kamboja[.]com/daftar", "domain", "kerja-kamboja.com"],
    ["777000111", "telegram_user_id", "777000111"],
  ])("reads %s as %s %s", (query, kind, value) => {
    expect(parseSearchQuery(query)[0]).toEqual({ kind, value });
  });

  it("cannot read punctuation, an empty query or a pasted essay", () => {
    expect(parseSearchQuery("  ")).toEqual([]);
    expect(parseSearchQuery("?!…")).toEqual([]);
    expect(parseSearchQuery("x".repeat(5_000))).toEqual([]);
  });
});

describe("/find", () => {
  it("finds a case by its number typed loosely, with the other reports of its recruiter", async () => {
    const { store } = clockedStore();
    const a = (await store.createOnce("c:1", confirmedSenderDraft(), reporter(1))).report;
    const b = (await store.createOnce("c:2", confirmedSenderDraft(), reporter(2))).report;
    const other = (
      await store.createOnce(
        "c:3",
        sampleDraft({
          recruiter: { identifiers: [{ kind: "phone", value: "+855 12 345 678", source: "reporter" }] },
          offer: { texts: [{ text: "lain" }], media: [] },
        }),
        reporter(3),
      )
    ).report;

    const result = await findProfile(store, ` #${b.id.toLowerCase().replace("-", " ")} `);
    expect(result.kind).toBe("case");
    if (result.kind !== "case") return;
    expect(result.report.id).toBe(b.id);
    const phone = result.linked.find((l) => l.identifier.kind === "phone")!;
    expect(phone).toEqual({ identifier: { kind: "phone", value: RECRUITER_PHONE }, otherReportIds: [a.id] });
    expect(result.linked.map((l) => l.identifier.kind).sort()).toEqual([
      "agency",
      "phone",
      "telegram_handle",
      "telegram_user_id",
    ]);
    expect(result.linked.flatMap((l) => l.otherReportIds)).not.toContain(other.id);
  });

  it("gives a case's links in one round trip", async () => {
    const { store } = clockedStore();
    const { report } = await store.createOnce("c:1", sampleDraft(), reporter(1));
    const { roundTrips } = await countRoundTrips(redis, () => linkedReports(store, report));
    expect(roundTrips).toBe(1);
  });

  it("lists every report of a phone newest first, also where it was given as a WhatsApp link", async () => {
    const { store } = clockedStore();
    const first = (await store.createOnce("c:1", sampleDraft(), reporter(1))).report;
    const viaWhatsapp = (
      await store.createOnce(
        "c:2",
        sampleDraft({
          urgent: true,
          recruiter: { identifiers: [{ kind: "whatsapp", value: RECRUITER_PHONE, source: "extracted" }] },
          offer: { texts: [{ text: "wa.me/6281234567890" }], media: [] },
          destination: { country: "MM" },
        }),
        reporter(2),
      )
    ).report;
    await store.setStatus(first.id, "in_review", "officer:42");

    const result = await findProfile(store, "0812 3456 7890");
    expect(result).toEqual({
      kind: "identifier",
      identifier: { kind: "phone", value: RECRUITER_PHONE },
      total: 2,
      reports: [
        {
          id: viaWhatsapp.id,
          level: "high",
          status: "received",
          urgent: true,
          createdAt: viaWhatsapp.createdAt,
          destination: { country: "MM" },
        },
        {
          id: first.id,
          level: "high",
          status: "in_review",
          urgent: false,
          createdAt: first.createdAt,
          destination: { country: "KH", city: "Sihanoukville" },
        },
      ],
    });
  });

  it("shows an officer's verdict and a licence number with the profile", async () => {
    const { store } = clockedStore();
    await store.createOnce("c:1", confirmedSenderDraft(), reporter(1));
    await store.markIdentifier("telegram_handle", "@HRD_Kamboja", "known_recruiter", "42");
    await store.markIdentifier("agency", "PT Resmi Terdaftar", "licensed_agency", "system", {
      licence: "B.123/2024",
    });
    expect(await findProfile(store, "@hrd_kamboja")).toMatchObject({
      kind: "identifier",
      verdict: "known_recruiter",
      total: 1,
    });
    // Known only from the list, never reported.
    expect(await findProfile(store, "pt resmi terdaftar")).toEqual({
      kind: "identifier",
      identifier: { kind: "agency", value: "pt resmi terdaftar" },
      verdict: "licensed_agency",
      licence: "B.123/2024",
      reports: [],
      total: 0,
    });
  });

  it("finds an agency by name however it is written", async () => {
    const { store } = clockedStore();
    const { report } = await store.createOnce("c:1", sampleDraft(), reporter(1));
    for (const query of ["PT Maju Jaya", "pt. maju jaya", "PT MAJU-JAYA"]) {
      const result = await findProfile(store, query);
      expect(result.kind === "identifier" && result.reports.map((r) => r.id)).toEqual([report.id]);
    }
  });

  it("says not found for an unknown identifier or case number, and unparseable for noise", async () => {
    const { store } = clockedStore();
    await store.createOnce("c:1", sampleDraft(), reporter(1));
    expect(await findProfile(store, "+62 811 0000 9999")).toEqual({ kind: "not_found" });
    expect(await findProfile(store, "ZZZZ-ZZZZ")).toEqual({ kind: "not_found" });
    expect(await findProfile(store, "@nobody_here")).toEqual({ kind: "not_found" });
    expect(await findProfile(store, "!!!")).toEqual({ kind: "unparseable" });
    expect(await findProfile(store, "")).toEqual({ kind: "unparseable" });
  });
});
