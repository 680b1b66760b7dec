import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import {
  AgencyListFormatError,
  importLicensedAgencies,
  parseLicensedAgenciesCsv,
} from "#src/reports/licensed-agencies.js";
import type { TestRedis } from "../../harness/redis.js";
import { createStore, useReportRedis } from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

describe("reading the list", () => {
  it("reads a semicolon export from Excel: BOM, CRLF, quoted fields, Indonesian headers", () => {
    const parsed = parseLicensedAgenciesCsv(
      '\uFEFFNama P3MI;No. SIP2MI;Kota/Kabupaten;Provinsi\r\n"PT Contoh; Sejahtera";"B.12/34";Bekasi;Jawa Barat\r\nPT Lain;B.99;;\r\n',
    );
    expect(parsed.delimiter).toBe(";");
    expect(parsed.agencies).toEqual([
      {
        line: 2,
        name: "PT Contoh; Sejahtera",
        canonical: "pt contoh sejahtera",
        licence: "B.12/34",
        city: "Bekasi",
        province: "Jawa Barat",
      },
      { line: 3, name: "PT Lain", canonical: "pt lain", licence: "B.99" },
    ]);
    expect(parsed.skipped).toEqual([]);
  });

  it("reads a comma file with English headers, doubled quotes and a line break in a quoted name", () => {
    const parsed = parseLicensedAgenciesCsv(
      'name,licence number,city\n"PT ""Maju"" Jaya, Tbk",B-1,Jakarta\n"PT Dua\nBaris",B-2,\n',
    );
    expect(parsed.delimiter).toBe(",");
    expect(parsed.agencies.map((a) => [a.line, a.name, a.licence])).toEqual([
      [2, 'PT "Maju" Jaya, Tbk', "B-1"],
      [3, "PT Dua Baris", "B-2"],
    ]);
  });

  it("skips rows it cannot use and says why, and counts repeats once", () => {
    const parsed = parseLicensedAgenciesCsv(
      [
        "# from the ministry's registry",
        "name;sip2mi",
        "PT Baik;B-1",
        ";B-2",
        "PT Tanpa Izin;",
        "PT Terlalu;Banyak;Kolom",
        "pt. baik;B-1",
        "PT  BAIK;B-9",
        "",
        "!;B-3",
      ].join("\n"),
    );
    expect(parsed.agencies.map((a) => a.name)).toEqual(["PT Baik"]);
    expect(parsed.skipped).toEqual([
      { line: 4, reason: "no agency name" },
      { line: 5, name: "PT Tanpa Izin", reason: "no licence number" },
      { line: 6, name: "PT Terlalu", reason: expect.stringContaining("3 fields where the header has 2") },
      { line: 10, name: "!", reason: expect.stringContaining("not usable") },
    ]);
    expect(parsed.duplicates).toEqual([
      { line: 7, name: "pt. baik", firstLine: 3, sameLicence: true },
      { line: 8, name: "PT BAIK", firstLine: 3, sameLicence: false },
    ]);
  });

  it("refuses a file without a usable header, an empty file, and an unclosed quote", () => {
    expect(() => parseLicensedAgenciesCsv("PT Baik;B-1\nPT Lain;B-2\n")).toThrow(AgencyListFormatError);
    expect(() => parseLicensedAgenciesCsv("PT Baik;B-1\n")).toThrow(
      /header must name a name column and a licence/,
    );
    expect(() => parseLicensedAgenciesCsv("\uFEFF\n  \n")).toThrow(/empty/);
    expect(() => parseLicensedAgenciesCsv('name;licence\n"PT Baik;B-1\nPT Lain;B-2\n')).toThrow(
      /line 2: a quoted field is never closed/,
    );
  });

  it("reads the example file shipped in data/", () => {
    const text = readFileSync(
      join(import.meta.dirname, "..", "..", "..", "data", "licensed-agencies.example.csv"),
      "utf8",
    );
    const parsed = parseLicensedAgenciesCsv(text);
    expect(parsed.agencies).toHaveLength(3);
    expect(parsed.skipped).toEqual([]);
  });
});

describe("importing the list", () => {
  const list = () => parseLicensedAgenciesCsv("name;licence\nPT Resmi Satu;B-1\nPT Resmi Dua;B-2\n").agencies;

  it("marks each agency licensed with its licence number, and screening's lookup sees it", async () => {
    const { store, keys } = createStore(redis);
    const summary = await importLicensedAgencies(store, list(), { dryRun: false });
    expect(summary).toEqual({ dryRun: false, imported: 2, unchanged: 0, keptOfficerVerdict: [] });
    expect(await store.lookup.lookup([{ kind: "agency", value: "PT. RESMI SATU" }])).toEqual([
      { kind: "agency", value: "pt resmi satu", reports: 0, verdict: "licensed_agency" },
    ]);
    expect(
      await redis.hgetall(keys.entity("agency", store.identifierDigest("agency", "pt resmi dua"))),
    ).toMatchObject({
      verdict: "licensed_agency",
      verdictBy: "system",
      licence: "B-2",
    });
    const audit = await store.readAudit(10);
    expect(audit.filter((e) => e.action === "identifier.mark" && e.actor === "system")).toHaveLength(2);
    // The audit names identifiers only by digest.
    expect(JSON.stringify(audit)).not.toContain("resmi");
  });

  it("writes nothing on a second run of the same list, and updates a changed licence", async () => {
    const { store } = createStore(redis);
    await importLicensedAgencies(store, list(), { dryRun: false });
    const auditBefore = (await store.readAudit(100)).length;
    expect(await importLicensedAgencies(store, list(), { dryRun: false })).toMatchObject({
      imported: 0,
      unchanged: 2,
    });
    expect((await store.readAudit(100)).length).toBe(auditBefore);
    const changed = parseLicensedAgenciesCsv("name;licence\nPT Resmi Satu;B-1-baru\n").agencies;
    expect(await importLicensedAgencies(store, changed, { dryRun: false })).toMatchObject({ imported: 1 });
    const [details] = await store.identifierDetails([{ kind: "agency", value: "pt resmi satu" }]);
    expect(details).toMatchObject({ verdict: "licensed_agency", licence: "B-1-baru" });
  });

  it("leaves an officer's known-recruiter verdict alone", async () => {
    const { store } = createStore(redis);
    await store.markIdentifier("agency", "PT Resmi Dua", "known_recruiter", "42");
    const summary = await importLicensedAgencies(store, list(), { dryRun: false });
    expect(summary.imported).toBe(1);
    expect(summary.keptOfficerVerdict).toEqual([
      { line: 3, name: "PT Resmi Dua", reason: expect.stringContaining("known recruiter") },
    ]);
    const [dua] = await store.lookup.lookup([{ kind: "agency", value: "PT Resmi Dua" }]);
    expect(dua?.verdict).toBe("known_recruiter");
  });

  it("writes nothing in a dry run", async () => {
    const { store } = createStore(redis);
    expect(await importLicensedAgencies(store, list(), { dryRun: true })).toMatchObject({
      dryRun: true,
      imported: 2,
    });
    expect(await redis.dbsize()).toBe(0);
  });

  it("drops the licence when an officer overrules the list", async () => {
    const { store } = createStore(redis);
    await importLicensedAgencies(store, list(), { dryRun: false });
    await store.markIdentifier("agency", "PT Resmi Satu", "known_recruiter", "42");
    const [satu] = await store.identifierDetails([{ kind: "agency", value: "PT Resmi Satu" }]);
    expect(satu).toEqual({
      kind: "agency",
      value: "pt resmi satu",
      reportIds: [],
      verdict: "known_recruiter",
    });
  });
});
