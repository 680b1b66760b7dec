import { describe, expect, it } from "vitest";
import { extractAgencies } from "#src/screening/extract/agencies.js";
import { extractBankAccounts } from "#src/screening/extract/bank-accounts.js";

describe("extractAgencies", () => {
  it.each([
    ["PT Cahaya Global Karir (berizin, ada SIUP)", "pt cahaya global karir", "PT Cahaya Global Karir"],
    ["P3MI PT Borneo Karya Sejati membuka penempatan", "pt borneo karya sejati", "PT Borneo Karya Sejati"],
    [
      "lewat P3MI berizin PT Samudra Insan Mandiri (cek",
      "pt samudra insan mandiri",
      "PT Samudra Insan Mandiri",
    ],
    ["LPK Mirai Karya Mandiri (terdaftar di Disnaker)", "lpk mirai karya mandiri", "LPK Mirai Karya Mandiri"],
    ["PT. Maju Jaya, Jakarta", "pt maju jaya", "PT. Maju Jaya"],
    ["CV Sumber  Rejeki", "cv sumber rejeki", "CV Sumber  Rejeki"],
    ["PT SINAR JAYA LOGISTIK: Sdr. Andi", "pt sinar jaya logistik", "PT SINAR JAYA LOGISTIK"],
    ["PT Satu Dua Tiga Empat Lima Enam Tujuh", "pt satu dua tiga empat lima", "PT Satu Dua Tiga Empat Lima"],
    ["P3MI Harapan Bangsa", "p3mi harapan bangsa", "P3MI Harapan Bangsa"],
    [
      "Restoran Selera Nusantara Sdn Bhd. Pengalaman",
      "restoran selera nusantara sdn bhd",
      "Restoran Selera Nusantara Sdn Bhd.",
    ],
  ])("%j → %s", (text, value, raw) => {
    const found = extractAgencies(text);
    expect(found.map((a) => a.value)).toEqual([value]);
    expect(found[0]?.raw).toBe(raw);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(raw);
  });

  it.each([
    ["Kami P3MI RESMI, kantor di Jakarta"],
    ["Kirim CV ke WA"],
    ["Kirim CV Anda"],
    ["berangkat lewat PT resmi"],
    ["cek dulu PT-nya di SISKOP2MI"],
    ["P3MI/BP3MI setempat"],
    ["bayar ke PT. Kontrak 2 tahun"],
    ["SCRIPT Kamboja"],
  ])("%j names no agency", (text) => {
    expect(extractAgencies(text)).toEqual([]);
  });
});

describe("extractBankAccounts", () => {
  it.each([
    ["Transfer ke BCA 1234567890 a.n. Budi", "bca:1234567890", "BCA 1234567890"],
    ["rek BRI 0123-01-000123-50-1", "bri:012301000123501", "BRI 0123-01-000123-50-1"],
    ["Mandiri a/n Siti 123 000 4567", "mandiri:1230004567", "Mandiri a/n Siti 123 000 4567"],
    ["bank bni no rek: 0987654321", "bni:0987654321", "bank bni no rek: 0987654321"],
    ["CIMB Niaga 7012345678", "cimb:7012345678", "CIMB Niaga 7012345678"],
    ["DANA 081234567890", "dana:081234567890", "DANA 081234567890"],
  ])("%j → %s", (text, value, raw) => {
    const found = extractBankAccounts(text);
    expect(found.map((b) => b.value)).toEqual([value]);
    expect(found[0]?.raw).toBe(raw);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(raw);
  });

  it.each([["BCA 1.500.000"], ["BRI 123"], ["bukti dana 2 juta"], ["abca 1234567890"], ["BCA Rp 5.000.000"]])(
    "%j holds no account",
    (text) => {
      expect(extractBankAccounts(text)).toEqual([]);
    },
  );
});
