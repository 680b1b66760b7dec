import { describe, expect, it } from "vitest";
import { extractPhones } from "#src/screening/extract/phones.js";

const phones = (text: string) => extractPhones(text).map((p) => [p.value, p.country, p.raw]);

describe("extractPhones", () => {
  it.each([
    ["WA 0812-3456-7890 ya", "+6281234567890", "ID", "0812-3456-7890"],
    ["hubungi 081234567890", "+6281234567890", "ID", "081234567890"],
    ["+62 812-3456-7890", "+6281234567890", "ID", "+62 812-3456-7890"],
    ["+62 812 3456 7890", "+6281234567890", "ID", "+62 812 3456 7890"],
    ["6281234567890", "+6281234567890", "ID", "6281234567890"],
    ["0812.3456.7890", "+6281234567890", "ID", "0812.3456.7890"],
    ["(021) 555-1234", "+62215551234", "ID", "(021) 555-1234"],
    ["(+62 812 3456 7890)", "+6281234567890", "ID", "+62 812 3456 7890"],
    ["Hotline KBRI: +855 12 813 282.", "+85512813282", "KH", "+855 12 813 282"],
    ["+95 9 123 456 789", "+959123456789", "MM", "+95 9 123 456 789"],
    ["+856 20 5555 1234", "+8562055551234", "LA", "+856 20 5555 1234"],
    ["+66 81 234 5678", "+66812345678", "TH", "+66 81 234 5678"],
    ["+63 917 123 4567", "+639171234567", "PH", "+63 917 123 4567"],
  ])("%j → %s", (text, value, country, raw) => {
    expect(phones(text)).toEqual([[value, country, raw]]);
  });

  it("gives each number its original span", () => {
    const text = "Kontak: 0812-3456-7890 / +855 12 813 282";
    for (const p of extractPhones(text)) expect(text.slice(p.start, p.end)).toBe(p.raw);
    expect(extractPhones(text)).toHaveLength(2);
  });

  it("splits several numbers written in one run", () => {
    expect(phones("0812 3456 7890 0813 1111 2222").map(([v]) => v)).toEqual([
      "+6281234567890",
      "+6281311112222",
    ]);
  });

  it.each([
    ["Gaji Rp 15.000.000"],
    ["gaji 15.000.000 per bulan"],
    ["Rp 62.000.000"],
    ["$62,000,000"],
    ["tahun 2024"],
    ["periode 2020-2024"],
    ["usia 18-35"],
    ["kode 12345678"],
    ["WA 08xx-xxxx-xxxx"],
    ["Nomor: PENG. 2062/04.04/PP.02.04/V/2025"],
    ["08.00–16.00"],
    ["rek 1234567890"],
    ["08123456789012345678901234"],
    ["62812xxxxxxx"],
  ])("%j holds no phone number", (text) => {
    expect(extractPhones(text)).toEqual([]);
  });

  it("skips positions the caller says are taken", () => {
    expect(extractPhones("wa.me/6281234567890", () => true)).toEqual([]);
  });
});
