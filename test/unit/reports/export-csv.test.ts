import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_COLUMNS, csvField, exportReportsCsv } from "#src/reports/export-csv.js";
import type { ReporterInput } from "#src/reports/store.js";
import type { TestRedis } from "../../harness/redis.js";
import { createStore, RECRUITER_PHONE, sampleDraft, useReportRedis } from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

const CONTACT = "+6285700001111";
const reporter = (n: number): ReporterInput => ({
  ref: `reporter-ref-${n}`,
  chatId: 5_550_000_000 + n,
  locale: "id",
  contactConsent: true,
  contactPhone: CONTACT,
});

/** RFC 4180 reader, to check the document as a spreadsheet would read it. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

function clocked(start: string) {
  let now = new Date(start);
  const { store } = createStore(redis, { now: () => now });
  return { store, at: (iso: string) => (now = new Date(iso)) };
}

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Rp 5.000.000, dibayar")).toBe('"Rp 5.000.000, dibayar"');
    expect(csvField('kata "bos"')).toBe('"kata ""bos"""');
    expect(csvField("baris 1\nbaris 2")).toBe('"baris 1\nbaris 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+62812")).toBe("'+62812");
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField("gaji = 1000")).toBe("gaji = 1000");
  });

  it("defuses a formula after any separator a spreadsheet may split on, not only at the start", () => {
    // Excel with a ";" list separator (Indonesian locale) would cut "x;=cmd" into two cells.
    expect(csvField('PT Maju;=HYPERLINK("http://evil.example","klik")')).toBe(
      '"PT Maju;\'=HYPERLINK(""http://evil.example"",""klik"")"',
    );
    expect(csvField("a, =1+1")).toBe('"a, \'=1+1"');
    expect(csvField("baris\n@SUM(A1)")).toBe('"baris\n\'@SUM(A1)"');
    expect(csvField("a|-2+3")).toBe("a|'-2+3");
    expect(csvField("satu;dua")).toBe('"satu;dua"');
  });
});

describe("/export", () => {
  it("writes one row per report of the window, with a BOM, a header and CRLF lines", async () => {
    const { store, at } = clocked("2025-05-31T23:59:59.999Z");
    await store.createOnce("before", sampleDraft(), reporter(0));
    at("2025-06-01T00:00:00.000Z");
    const first = (await store.createOnce("first", sampleDraft(), reporter(1))).report;
    at("2025-06-15T10:00:00.000Z");
    const second = (
      await store.createOnce(
        "second",
        sampleDraft({
          urgent: true,
          reporterKind: "abroad",
          jobTitle: "=cmd|' /C calc'!A0",
          salary: 'USD 1,000 "bersih"',
          money: { asked: "Rp 5.000.000\nlalu 2 juta lagi", paid: "paid" },
          departed: {
            relationship: "adik",
            whereabouts: "Compound KK Park, Myawaddy",
            canCommunicate: "no",
            passportTaken: "yes",
            location: { latitude: 16.69, longitude: 98.5 },
          },
          documents: { passportHandedOver: "yes" },
        }),
        reporter(2),
      )
    ).report;
    await store.addInformation(second.id, { media: [{ kind: "photo", fileId: "F2", fileUniqueId: "U2" }] });
    at("2025-07-01T00:00:00.000Z");
    await store.createOnce("after", sampleDraft(), reporter(3));

    const csv = await exportReportsCsv(store, {
      from: new Date("2025-06-01T00:00:00.000Z"),
      to: new Date("2025-07-01T00:00:00.000Z"),
    });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([first.id, second.id]);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[2]![i]]));
    expect(row).toEqual({
      id: second.id,
      created: "2025-06-15T10:00:00.000Z",
      status: "received",
      level: "high",
      urgent: "yes",
      reporter_kind: "abroad",
      destination_country: "KH",
      destination_city: "Sihanoukville",
      job: "'=cmd|' /C calc'!A0",
      salary: 'USD 1,000 "bersih"',
      fees: "Rp 5.000.000\nlalu 2 juta lagi",
      paid: "paid",
      passport_handed_over: "yes",
      someone_departed: "yes",
      recruiter_identifiers: `phone:${RECRUITER_PHONE}; agency:PT. Maju  Jaya`,
      indicators: "dest_cambodia; job_customer_service",
      screenshots: "2",
    });
    expect(rows[1]![CSV_COLUMNS.indexOf("reporter_kind")]).toBe("relative");
  });

  it("carries nothing that identifies the reporter or where a departed person is", async () => {
    const { store } = clocked("2025-06-10T00:00:00.000Z");
    await store.createOnce(
      "c",
      sampleDraft({
        departed: {
          relationship: "kakak",
          whereabouts: "Shwe Kokko gedung 7",
          canCommunicate: "unknown",
          passportTaken: "unknown",
          location: { latitude: 16.8123, longitude: 98.5123 },
        },
      }),
      reporter(9),
    );
    const csv = await exportReportsCsv(store, { from: new Date("2025-06-01"), to: new Date("2025-07-01") });
    for (const secret of [
      "reporter-ref-9",
      CONTACT,
      "5550000009",
      "Shwe Kokko",
      "16.8123",
      "98.5123",
      "kakak",
      "777000111",
      "HRD Kamboja",
    ]) {
      expect(csv).not.toContain(secret);
    }
  });

  it("is only a header for an empty or reversed window", async () => {
    const { store } = clocked("2025-06-10T00:00:00.000Z");
    await store.createOnce("c", sampleDraft(), reporter(1));
    const header = `${CSV_BOM}${CSV_COLUMNS.join(",")}\r\n`;
    expect(await exportReportsCsv(store, { from: new Date("2025-07-01"), to: new Date("2025-08-01") })).toBe(
      header,
    );
    expect(await exportReportsCsv(store, { from: new Date("2025-07-01"), to: new Date("2025-06-01") })).toBe(
      header,
    );
  });
});
