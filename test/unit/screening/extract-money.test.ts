import { describe, expect, it } from "vitest";
import { extractMoney, toUsd } from "#src/screening/extract/money.js";
import { normalise } from "#src/screening/normalise.js";
import type { MoneyMention } from "#src/screening/types.js";

const money = (text: string): MoneyMention[] => extractMoney(normalise(text));
const one = (text: string): MoneyMention => {
  const found = money(text);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0]!;
};

describe("extractMoney reads amounts in every common form", () => {
  it.each([
    ["gaji 15jt", 15_000_000, "IDR"],
    ["15 juta", 15_000_000, "IDR"],
    ["Rp15.000.000", 15_000_000, "IDR"],
    ["Rp 8,5 juta", 8_500_000, "IDR"],
    ["Rp. 9.000.000", 9_000_000, "IDR"],
    ["IDR 12.000.000", 12_000_000, "IDR"],
    ["100rb", 100_000, "IDR"],
    ["Rp 6,9jt", 6_900_000, "IDR"],
    ["$1,200", 1200, "USD"],
    ["US$1,200", 1200, "USD"],
    ["1.2k USD", 1200, "USD"],
    ["1.2k$", 1200, "USD"],
    ["$1k++", 1000, "USD"],
    ["1000$", 1000, "USD"],
    ["1.000$", 1000, "USD"],
    ["USD 1000", 1000, "USD"],
    ["1.000 USD", 1000, "USD"],
    ["1,000.50 USD", 1000.5, "USD"],
    ["1.000,50 USD", 1000.5, "USD"],
    ["1000 dolar", 1000, "USD"],
    ["10 ribu dolar", 10_000, "USD"],
    ["2.500 dolar Singapura", 2500, "SGD"],
    ["฿30,000", 30_000, "THB"],
    ["30.000 baht", 30_000, "THB"],
    ["20rb baht", 20_000, "THB"],
    ["30,000 บาท", 30_000, "THB"],
    ["₱48,000", 48_000, "PHP"],
    ["48k php", 48_000, "PHP"],
    ["50rb peso", 50_000, "PHP"],
    ["15 triệu", 15_000_000, "VND"],
    ["RM 3,500", 3500, "MYR"],
    ["3500 ringgit", 3500, "MYR"],
    ["¥120,000", 120_000, "JPY"],
    ["12.000 yuan", 12_000, "CNY"],
    ["NT$20.000", 20_000, "TWD"],
    ["NT$20rb", 20_000, "TWD"],
    ["HK$4.990", 4990, "HKD"],
    ["SGD 6,000", 6000, "SGD"],
    ["3.500 AED", 3500, "AED"],
    ["3.500 dirham", 3500, "AED"],
    ["40000 riel", 40_000, "KHR"],
    ["500000 kyat", 500_000, "MMK"],
    ["IDR 5.3m", 5_300_000, "IDR"],
    ["gaji 5.000.000", 5_000_000, "IDR"],
    ["เงินเดือน 15,000", 15_000, "THB"],
    ["ค่าแรง: 500", 500, "THB"],
  ])("%j → %d %s", (text, amount, currency) => {
    const m = one(text);
    expect(m.amount).toBeCloseTo(amount, 6);
    expect(m.currency).toBe(currency);
  });

  it.each([
    ["25-30jt", 25_000_000, 30_000_000, "IDR"],
    ["800-1500 USD", 800, 1500, "USD"],
    ["$1,000–1,500", 1000, 1500, "USD"],
    ["800$ - 1000$", 800, 1000, "USD"],
    ["RM 4.000 - 5.000", 4000, 5000, "MYR"],
    ["USD 2.000 – 3.000", 2000, 3000, "USD"],
    ["50rb–500rb", 50_000, 500_000, "IDR"],
    ["30k–50k pesos", 30_000, 50_000, "PHP"],
    ["500.000 – 1 triệu", 500_000, 1_000_000, "VND"],
    ["10 sampai 15 juta", 10_000_000, 15_000_000, "IDR"],
  ])("a range %j is one mention from %d to %d %s", (text, low, high, currency) => {
    const m = one(text);
    expect([m.amount, m.amountMax, m.currency]).toEqual([low, high, currency]);
    expect(m.raw).toBe(text);
  });

  it.each([
    ["15jt/bln", "month"],
    ["15jt per bulan", "month"],
    ["15jt sebulan", "month"],
    ["$900/month", "month"],
    ["$900 a month", "month"],
    ["$1,200/mo", "month"],
    ["₱50k/buwan", "month"],
    ["800 USD/tháng", "month"],
    ["30,000 บาท/เดือน", "month"],
    ["1.000$ cash tiap bulan", "month"],
    ["monthly salary of $900", "month"],
    ["Rp 150.000/hari", "day"],
    ["$50 per day", "day"],
    ["1 triệu/ngày", "day"],
    ["Rp 40.000 per jam", "hour"],
    ["$10 hourly", "hour"],
    ["$300/minggu", "week"],
    ["$300 weekly", "week"],
    ["Rp 120 juta per tahun", "year"],
    ["$24,000 yearly", "year"],
    ["USD 1000", null],
    ["Rp 150.000 per artikel", null],
  ])("%j is paid per %s", (text, period) => {
    expect(one(text).period).toBe(period);
  });

  it.each([
    ["gaji 15jt", "salary"],
    ["Salary: USD 1,200", "salary"],
    ["upah harian Rp 150.000", "salary"],
    ["lương cứng 15 triệu", "salary"],
    ["เงินเดือน 30,000 บาท", "salary"],
    ["bonus 200 USD", "salary"],
    ["biaya proses 2,5jt", "fee"],
    ["DP 5jt dulu", "fee"],
    ["transfer 500rb buat ongkos", "fee"],
    ["denda 100$ kalau telat", "fee"],
    ["ganti rugi 2.000 USD", "fee"],
    ["pay the USD 150 visa processing fee", "fee"],
    ["USD 150 processing fee", "fee"],
    ["kirim ortu 10jt", "unknown"],
  ])("%j is a %s", (text, context) => {
    expect(one(text).context).toBe(context);
  });

  it("marks a fee with no period as paid once", () => {
    const m = one("Biaya 25jt");
    expect([m.period, m.context, m.usdPerMonth]).toEqual(["once", "fee", null]);
    expect(m.usdAmount).toBeCloseTo(toUsd(25_000_000, "IDR")!, 2);
  });

  it("converts to USD per month with the dated table", () => {
    expect(one("gaji 1000 USD").usdPerMonth).toBe(1000);
    expect(one("$10/jam").usdPerMonth).toBe(10 * 8 * 26);
    expect(one("$50/hari").usdPerMonth).toBe(50 * 26);
    expect(one("$100/minggu").usdPerMonth).toBeCloseTo(433, 5);
    expect(one("$24,000/year").usdPerMonth).toBe(2000);
    expect(one("15jt/bln").usdPerMonth).toBeCloseTo(toUsd(15_000_000, "IDR")!, 1);
    const range = one("$1,000–1,500/month");
    expect([range.usdPerMonth, range.usdPerMonthMax]).toEqual([1000, 1500]);
  });

  it("keeps the salary and the fee of one offer apart", () => {
    const found = money("Gaji 1.000 USD + komisi. Kalau resign wajib ganti rugi 2.000 USD");
    expect(found.map((m) => [m.amount, m.context])).toEqual([
      [1000, "salary"],
      [2000, "fee"],
    ]);
  });

  it("quotes each amount exactly as written", () => {
    const text = "✅gaji 15jt/bln + bonus 🔥 biaya  Rp 2,5 juta";
    for (const m of money(text)) expect(text.slice(m.start, m.end)).toBe(m.raw);
    expect(money(text).map((m) => m.raw)).toEqual(["15jt/bln", "Rp 2,5 juta"]);
  });

  it.each([
    ["usia 18-35 tahun"],
    ["tahun 2024"],
    ["0812-3456-7890"],
    ["+855 12 813 282"],
    ["kuota 4.000 peserta"],
    ["3 x 4 = 12"],
    ["IPK min. 3,00"],
    ["kerja 12 jam, libur 2 hari"],
    ["10m dari pantai"],
    ["5k langkah"],
    ["10 toString"],
    ["5 constructor"],
    ["belasan juta"],
    ["08.00–16.00"],
  ])("%j holds no money", (text) => {
    expect(money(text)).toEqual([]);
  });
});
