import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataFilePath } from "#src/screening/data-files.js";
import { extract } from "#src/screening/extract/index.js";
import { normalise } from "#src/screening/normalise.js";
import type { Extraction } from "#src/screening/types.js";

/** Every mention lies inside the text and quotes it exactly. */
function expectHonestSpans(text: string, x: Extraction): void {
  for (const m of [...x.identifiers, ...x.money, ...x.places, ...x.jobs]) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.start).toBeLessThanOrEqual(m.end);
    expect(text.slice(m.start, m.end)).toBe(m.raw);
  }
}

const pieces = [
  "Kamboja",
  "K4mb0j4",
  "k a m b o j a",
  "Sihanoukville",
  "di PP",
  "CS online",
  "gaji 1.000 USD",
  "15jt/bln",
  "25-30jt",
  "$1,000–1,500/month",
  "biaya 2,5jt",
  "₱48,000",
  "15 triệu",
  "WA 0812-3456-7890",
  "+855 12 813 282",
  "@rekrut_kerja",
  "t.me/LokerAsia",
  "https://wa.me/6281234567890",
  "bit.ly/abc",
  "nama@gmail.com",
  "PT Maju Jaya",
  "BCA 1234567890",
  "🇰🇭",
  "\u200b",
  "\u202e",
  "\ud800",
  "\udfff",
  "مرحبا",
  "ตอบแชท",
  "กัมพูชา",
  "việc nhẹ lương cao",
  "\n",
  ". ",
  "-",
  "/",
];
const offerLike = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string(), fc.string({ unit: "binary" })), { maxLength: 25 })
  .map((a) => a.join(" "));
const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
});
const digitsAndPunctuation = fc.string({ unit: fc.constantFrom(..."0123456789 .,-+()$/"), maxLength: 80 });
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  loneSurrogates,
  digitsAndPunctuation,
  offerLike,
);

describe("extract on any input", () => {
  it("never throws, quotes every span exactly and is deterministic", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const x = extract(normalise(text));
        expectHonestSpans(text, x);
        expect(extract(normalise(text))).toEqual(x);
      }),
      { numRuns: 500 },
    );
  });

  it("quotes every span exactly on the labelled dev offers", () => {
    for (const file of ["dev-scam.jsonl", "dev-legit.jsonl"]) {
      let path: string;
      try {
        path = dataFilePath(file);
        readFileSync(path);
      } catch {
        path = `/work/shared/data/${file}`;
      }
      let lines: string[];
      try {
        lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
      } catch {
        continue; // the dev set is not shipped with the package
      }
      for (const line of lines) {
        const { text } = JSON.parse(line) as { text: string };
        expectHonestSpans(text, extract(normalise(text)));
      }
    }
  });

  it.each([
    ["digits", "0812 3456 7890 ".repeat(70_000)],
    ["amounts", "Rp 15.000.000 gaji 25-30jt/bln $1,000 ".repeat(27_000)],
    ["links", "www.x.com @rekrut_asia a@b.co ".repeat(35_000)],
    ["words", "kerja di Kamboja CS online PT Maju Jaya BCA 123 ".repeat(21_000)],
    ["one long token", "a.".repeat(500_000)],
    ["one long number", "1".repeat(1_000_000)],
  ])("handles a megabyte of %s", (_name, text) => {
    const x = extract(normalise(text));
    expect(x.identifiers.length + x.money.length + x.places.length + x.jobs.length).toBeGreaterThanOrEqual(0);
  });
});
