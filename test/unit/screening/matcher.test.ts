import { describe, expect, it } from "vitest";
import { compilePatterns, expandPattern, type PatternEntry } from "#src/screening/matcher.js";
import { normalise, spanToOriginal } from "#src/screening/normalise.js";

function matcherOf(entries: PatternEntry[]) {
  const m = compilePatterns(entries, normalise);
  return (text: string) => {
    const n = normalise(text);
    return m.scan(n).matches.map((x) => {
      const span = spanToOriginal(n, x.start, x.end);
      return { id: x.id, quote: text.slice(span.start, span.end) };
    });
  };
}

describe("expandPattern", () => {
  it("expands alternatives and optional parts", () => {
    expect(expandPattern("(ga|tidak) perlu [pengalaman] kerja").sort()).toEqual(
      [
        "ga perlu kerja",
        "ga perlu pengalaman kerja",
        "tidak perlu kerja",
        "tidak perlu pengalaman kerja",
      ].sort(),
    );
  });
  it("rejects unbalanced brackets", () => {
    expect(() => expandPattern("(ga|tidak perlu")).toThrow(/Unclosed/);
    expect(() => expandPattern("ga) perlu")).toThrow(/Unexpected/);
  });
  it("refuses a regular expression's optional group, which would silently match nothing", () => {
    expect(() => expandPattern("penempatan (di )?medan")).toThrow(/\[x\]/);
  });
});

describe("compiled matcher", () => {
  const scan = matcherOf([
    { id: "visa", pattern: "visa (turis|wisata)" },
    { id: "fee", pattern: "biaya {num}*" },
    { id: "prefix", pattern: "ditanggung*" },
    { id: "passport", pattern: "paspor* ~ dipegang" },
    { id: "cs", pattern: "cs" },
    { id: "thai", pattern: "ตอบแชท" },
  ]);

  it("matches whole words only", () => {
    expect(scan("pakai visa turis dulu")).toEqual([{ id: "visa", quote: "visa turis" }]);
    expect(scan("visaturis")).toEqual([]);
    expect(scan("ecs online").map((m) => m.id)).toEqual([]);
  });

  it("ignores punctuation and case between words, and quotes the original", () => {
    expect(scan("VISA - Wisata!!")).toEqual([{ id: "visa", quote: "VISA - Wisata" }]);
  });

  it("reads look-alikes the way the normaliser folds them", () => {
    expect(scan("v1sa tur1s").map((m) => m.id)).toEqual(["visa"]);
  });

  it("treats any number as {num}, glued to a unit too", () => {
    expect(scan("Biaya 2,5jt ya")).toEqual([{ id: "fee", quote: "Biaya 2,5jt" }]);
    expect(scan("biaya Rp 3.500.000").map((m) => m.id)).toEqual([]);
  });

  it("lets a word go on after a prefix pattern", () => {
    expect(scan("tiket ditanggungnya")).toEqual([{ id: "prefix", quote: "ditanggungnya" }]);
  });

  it("pairs proximity halves within a sentence only", () => {
    expect(scan("Paspornya nanti dipegang HR")).toEqual([
      { id: "passport", quote: "Paspornya nanti dipegang" },
    ]);
    expect(scan("Paspor aman. Uang dipegang bos")).toEqual([]);
  });

  it("needs no word boundary inside Thai script", () => {
    expect(scan("รับสมัครแอดมินตอบแชทลูกค้า").map((m) => m.id)).toEqual(["thai"]);
  });

  it("does not grow its states with text length and finds every occurrence", () => {
    expect(scan("cs, CS dan C.S").filter((m) => m.id === "cs")).toHaveLength(3);
  });
});

describe("scripts written without spaces", () => {
  const scan = matcherOf([
    { id: "salary", pattern: "ប្រាក់ខែ" },
    { id: "work", pattern: "ធ្វើការ" },
    { id: "casino", pattern: "ကာစီနို" },
  ]);
  it("reads a phrasing written with a space between two such words as the text is read", () => {
    const spaced = matcherOf([{ id: "easy", pattern: "งานง่าย รายได้ดี" }]);
    expect(spaced("งานง่ายรายได้ดี สนใจทักมา").map((m) => m.id)).toEqual(["easy"]);
    expect(spaced("งานง่าย รายได้ดี").map((m) => m.id)).toEqual(["easy"]);
  });

  it("reads through spaces, dots and dashes that split a word", () => {
    expect(scan("ប្រា.ក់.ខែ ៨០០").map((m) => m.id)).toEqual(["salary"]);
    expect(scan("ត្រូវការ អ្ន ក ធ្វើ ការ").map((m) => m.id)).toEqual(["work"]);
    expect(scan("ကာစ ီန ို ဝန ်ထမ ်း").map((m) => m.quote)).toEqual(["ကာစ ီန ို"]);
  });
  it("does not read across a line break", () => {
    expect(scan("ធ្វើ\nការ")).toEqual([]);
  });
});
