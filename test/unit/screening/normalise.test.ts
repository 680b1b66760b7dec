import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalise, spanToOriginal } from "#src/screening/normalise.js";
import type { NormalisedText } from "#src/screening/types.js";

const folded = (s: string): string => normalise(s).text;

/** The quote a span of the normalised text maps back to. */
function quoteOf(n: NormalisedText, needle: string): string {
  const at = n.text.indexOf(needle);
  expect(at, `"${needle}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const span = spanToOriginal(n, at, at + needle.length);
  return n.original.slice(span.start, span.end);
}

function expectValidMap(n: NormalisedText): void {
  expect(n.toOriginal.length).toBe(n.text.length + 1);
  expect(n.toOriginal[n.text.length]).toBe(n.original.length);
  for (let i = 0; i < n.text.length; i++) {
    expect(n.toOriginal[i]).toBeGreaterThanOrEqual(0);
    expect(n.toOriginal[i]).toBeLessThan(n.original.length);
    if (i > 0) expect(n.toOriginal[i]).toBeGreaterThanOrEqual(n.toOriginal[i - 1]!);
  }
}

describe("normalise folds what people write to dodge keyword filters", () => {
  it.each([
    ["K4mb0j4", "kamboja"],
    ["g@ji besar", "gaji besar"],
    ["1ndonesia", "indonesia"],
    ["u$d", "usd"],
    ["k!rim", "kirim"],
    ["g4j1", "gaji"],
    ["k a m b o j a", "kamboja"],
    ["k 4 m b 0 j 4", "kamboja"],
    ["C.S online", "cs online"],
    ["v.i.s.a turis", "visa turis"],
    ["k-a-m-b-o-j-a", "kamboja"],
    ["gajiii bangettt", "gaji banget"],
    ["LOKERRRR", "loker"],
    ["ｋａｍｂｏｊａ", "kamboja"],
    ["𝐊𝐚𝐦𝐛𝐨𝐣𝐚", "kamboja"],
    ["Kаmboja", "kamboja"], // Cyrillic а
    ["ze\u200bro wi\u200dd\ufeffth", "zero width"],
    ["triệu", "trieu"],
    ["Mộc Bài", "moc bai"],
    ["đồng", "dong"],
    ["straße", "strasse"],
    ["İstanbul", "istanbul"],
    ["🔥🔥LOKER THAILAND🔥🔥", "loker thailand"],
    ["✅gaji 15jt/bln", "gaji 15jt/bln"],
    ["a  \n\t b", "a b"],
    ["Rp 8,5 juta – Rp 10 juta", "rp 8,5 juta - rp 10 juta"],
    ["“Kamboja”", '"kamboja"'],
    ["• admin • CS", "admin cs"],
  ])("%j → %j", (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it.each([
    ["15jt", "15jt"],
    ["Rp15.000.000", "rp15.000.000"],
    ["1.000 USD", "1.000 usd"],
    ["0812-3456-7890", "0812-3456-7890"],
    ["$1,200", "$1,200"],
    ["1000$", "1000$"],
    ["NT$20.000", "nt$20.000"],
    ["1.2k", "1.2k"],
    ["5juta 3bulan 100rb", "5juta 3bulan 100rb"],
    ["3 x 4, 1.5", "3 x 4, 1.5"],
    ["P3MI BP3MI SISKOP2MI", "p3mi bp3mi siskop2mi"],
    ["4D3N", "4d3n"],
    ["covid19 ssw1 rp1", "covid19 ssw1 rp1"],
    ["@rekrut_kerja88", "@rekrut_kerja88"],
    ["nama@gmail.com", "nama@gmail.com"],
    ["chat2 tipu2", "chat2 tipu2"],
    ["Кембридж", "кембридж"],
    ["maaf", "maaf"],
  ])("leaves numbers and codes alone: %j → %j", (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it("keeps Thai text usable: vowel signs stay", () => {
    expect(folded("กัมพูชา เงินเดือน 30,000 บาท")).toBe("กัมพูชา เงินเดือน 30,000 บาท");
  });

  it("keeps Arabic and Hebrew letters", () => {
    expect(folded("مرحبا שלום")).toBe("مرحبا שלום");
  });
});

describe("normalise reads OCR's look-alike digits inside numbers", () => {
  it.each([
    ["Amount: 45O USD", "amount: 450 usd"],
    ["Gaji 4,5OO,OOO per bulan", "gaji 4,500,000 per bulan"],
    ["Salary USD l,OOO", "salary usd 1,000"],
    ["ค่าตัว l,2OO / วัน", "ค่าตัว 1,200 / วัน"],
    ["WA O812 3456 789O", "wa 0812 3456 7890"],
  ])("%s", (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it.each([
    ["lol", "lol"],
    ["Oo ya", "oo ya"],
    ["K4mb0j4", "kamboja"],
    ["Ill be there", "ill be there"],
  ])("leaves words alone: %s", (input, expected) => {
    expect(folded(input)).toBe(expected);
  });

  it("quotes what the person sent, not the digits it read", () => {
    const n = normalise("Gaji 4,5OO,OOO per bulan");
    expect(quoteOf(n, "4,500,000")).toBe("4,5OO,OOO");
    expectValidMap(n);
  });
});

describe("normalise maps every output character back to the original", () => {
  it.each([
    ["Kerja di  K a m b o j a 🇰🇭, gajiii!", "kamboja", "K a m b o j a"],
    ["Kerja di  K a m b o j a 🇰🇭, gajiii!", "gaji", "gajiii"],
    ["café au lait", "cafe", "café"],
    ["cafe\u0301 noir", "cafe", "cafe\u0301"],
    ["groß", "gross", "groß"],
    ["𝐊𝐚𝐦𝐛𝐨𝐣𝐚 ok", "kamboja", "𝐊𝐚𝐦𝐛𝐨𝐣𝐚"],
    ["lokasi: K4mb0j4!!", "kamboja", "K4mb0j4"],
    ["C.S online", "cs online", "C.S online"],
    ["a\u200b\u200bb c", "ab c", "a\u200b\u200bb c"],
    ["🔥 Mộc Bài 🔥", "moc bai", "Mộc Bài"],
  ])("in %j, %j quotes %j", (input, needle, quote) => {
    const n = normalise(input);
    expectValidMap(n);
    expect(quoteOf(n, needle)).toBe(quote);
  });

  it("trims whitespace around a quote", () => {
    const n = normalise("x \n  gaji  \t y");
    expect(n.text).toBe("x gaji y");
    const span = spanToOriginal(n, 1, 7);
    expect(n.original.slice(span.start, span.end)).toBe("gaji");
  });

  it("maps an empty or out-of-range span without throwing", () => {
    const n = normalise("abc");
    expect(spanToOriginal(n, 2, 2)).toEqual({ start: 2, end: 2 });
    expect(spanToOriginal(n, -5, 99)).toEqual({ start: 0, end: 3 });
    expect(spanToOriginal(normalise(""), 0, 0)).toEqual({ start: 0, end: 0 });
  });

  it("returns an empty text with only the end sentinel for blank input", () => {
    const n = normalise(" \u200b🔥 ");
    expect(n.text).toBe("");
    expect(Array.from(n.toOriginal)).toEqual([n.original.length]);
  });
});

const tricky = [
  "K4mb0j4",
  "k a m b o j a",
  "C.S",
  "g@ji",
  "15jt",
  "Rp 1.000.000",
  "nama@gmail.com",
  "🇰🇭",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u202e",
  "\ud800",
  "\udfff",
  "\ud83d",
  "e\u0301",
  "مرحبا",
  "שלום",
  "ตอบแชท",
  "triệu",
  "ß",
  "İ",
  "ﷺ",
  "\n",
  ". ",
  "  ",
  "aaaa",
];
const messy = fc
  .array(fc.oneof(fc.constantFrom(...tricky), fc.string(), fc.string({ unit: "binary" })), { maxLength: 30 })
  .map((a) => a.join(""));
const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
});
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  loneSurrogates,
  messy,
);

describe("normalise on any input", () => {
  it("never throws, keeps a valid map, quotes exactly and is deterministic", () => {
    fc.assert(
      fc.property(anyString, fc.nat(), fc.nat(), (text, a, b) => {
        const n = normalise(text);
        expectValidMap(n);
        expect(normalise(text)).toEqual(n);
        const start = Math.min(a, b) % (n.text.length + 1);
        const end = Math.max(a, b) % (n.text.length + 1);
        const span = spanToOriginal(n, Math.min(start, end), Math.max(start, end));
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(text.length);
        expect(span.start).toBeLessThanOrEqual(span.end);
      }),
      { numRuns: 400 },
    );
  });

  it("is idempotent on catalogue-like phrases, so patterns can be normalised ahead of time", () => {
    const words = [
      "gaji",
      "tanpa",
      "pengalaman",
      "visa",
      "kamboja",
      "cs",
      "online",
      "15jt",
      "usd",
      "1.000",
      "k4mb0j4",
    ];
    const phrase = fc
      .array(fc.constantFrom(...words, "g@ji", "Mộc", "ตอบแชท"), { maxLength: 8 })
      .map((a) => a.join(" "));
    fc.assert(
      fc.property(phrase, (text) => {
        const once = normalise(text).text;
        expect(normalise(once).text).toBe(once);
      }),
    );
  });

  it("handles 1 MB of mixed text in linear time", () => {
    const chunk = "Kerja di K4mb0j4 gaji 15jt 🔥 k a m b o j a \u200b مرحبا ตอบแชท \ud800 ";
    const big = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const small = big.slice(0, 100_000);
    const t0 = performance.now();
    normalise(small);
    const tSmall = performance.now() - t0;
    const t1 = performance.now();
    const n = normalise(big);
    const tBig = performance.now() - t1;
    expect(n.toOriginal.length).toBe(n.text.length + 1);
    // Ten times the input must not take anywhere near a hundred times as long.
    expect(tBig).toBeLessThan(Math.max(50, tSmall) * 40);
  });

  it("handles a megabyte of one repeated letter, digit or separator", () => {
    for (const unit of ["a", "1", " ", "a ", "a.", "\u200b", "🔥", "4a"]) {
      const n = normalise(unit.repeat(1_000_000 / unit.length));
      expect(n.toOriginal.length).toBe(n.text.length + 1);
    }
  });
});
