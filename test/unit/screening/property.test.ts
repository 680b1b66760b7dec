import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { screenOffer } from "#src/screening/index.js";
import type { ScreeningResult } from "#src/screening/types.js";

/** Every quoted span lies inside the text and is exactly the text at that place. */
function expectHonestEvidence(text: string, r: ScreeningResult): void {
  for (const hit of r.indicators) {
    for (const e of hit.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
      expect(e.start).toBeLessThanOrEqual(e.end);
      expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
  }
}

const pieces = [
  "Kamboja",
  "K4mb0j4",
  "k a m b o j a",
  "gaji 1.000 USD",
  "15jt",
  "tanpa pengalaman",
  "visa turis",
  "paspor dipegang HR",
  "WA 0812-3456-7890",
  "@rekrut_kerja",
  "https://wa.me/6281234567890",
  "🇰🇭",
  "\u200b",
  "\u202e",
  "\ud800",
  "\udfff",
  "مرحبا",
  "ตอบแชท",
  "việc nhẹ lương cao",
  "\n",
  ". ",
  "  ",
];
const offerLike = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string(), fc.string({ unit: "binary" })), { maxLength: 25 })
  .map((a) => a.join(" "));

describe("screenOffer properties", () => {
  it("never throws, quotes evidence exactly and is deterministic on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), offerLike), (text) => {
        const r = screenOffer(text);
        expectHonestEvidence(text, r);
        expect(screenOffer(text)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it("handles lone surrogates, RTL and zero-width characters around keywords", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expectHonestEvidence(text, screenOffer(text));
      }),
      { numRuns: 200 },
    );
  });

  it("screens 1 MB of text without throwing", () => {
    const unit =
      "Loker K4mb0j4 gaji 1.000 USD tanpa pengalaman, paspor dipegang HR \u200b\ud800 مرحبا ตอบแชท. ";
    const text = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
    const r = screenOffer(text);
    expect(["high", "critical"]).toContain(r.level);
    expectHonestEvidence(text, r);
  });
});
