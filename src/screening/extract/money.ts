/**
 * Money amounts in the many ways offers write them ("15jt/bln", "Rp 8,5 juta", "$1,200",
 * "1.2k USD", "800-1500 USD", "฿30,000", "15 triệu", "NT$20rb"), read from the normalised text
 * (lower case, diacritics gone, dashes folded) with a hand-written scanner: no regular expression
 * runs over the whole text, so a pasted megabyte of digits stays linear.
 *
 * A range ("25-30jt", "$1,000–1,500") is one mention whose `amount` is the lower bound and whose
 * `amountMax` is the upper one: the lower bound is what a plausibility rule may safely rely on.
 */
import { z } from "zod";
import { readDataFile } from "#src/screening/data-files.js";
import { spanToOriginal } from "#src/screening/normalise.js";
import type { MoneyContext, MoneyMention, NormalisedText, PayPeriod } from "#src/screening/types.js";

const RatesSchema = z.object({
  asOf: z.iso.date(),
  source: z.string().min(1),
  usdPer: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
});

const rates = RatesSchema.parse(readDataFile("currency-rates.json"));

/** Date and source of the conversion table, for explanations ("about USD 900 at 2025-11 rates"). */
export const CURRENCY_RATES_AS_OF = rates.asOf;
export const CURRENCY_RATES_SOURCE = rates.source;

/** USD value of `amount` in `currency`, or null when the table has no rate for it. */
export function toUsd(amount: number, currency: string): number | null {
  const rate = Object.hasOwn(rates.usdPer, currency) ? rates.usdPer[currency] : undefined;
  return rate === undefined ? null : amount * rate;
}

/** Working days and hours used to turn hourly/daily pay into a monthly figure. */
const PER_MONTH: Record<PayPeriod, number | null> = {
  hour: 8 * 26,
  day: 26,
  week: 4.33,
  month: 1,
  year: 1 / 12,
  once: null,
};

const code = z.string().regex(/^[A-Z]{3}$/);
const words = z.array(z.string().min(1));
const periods = z.record(z.string().min(1), z.enum(["hour", "day", "week", "month", "year", "once"]));
const MoneyWordsSchema = z.object({
  currencySymbols: z.record(z.string().min(1), code),
  prefixCurrencies: z.record(z.string().min(1), code),
  suffixCurrencies: z.record(z.string().min(1), code),
  dollarQualifiers: z.record(z.string().min(1), code),
  multipliers: z.record(
    z.string().min(1),
    z.object({
      factor: z.number().positive(),
      implies: code.optional(),
      needsCurrency: z.boolean().optional(),
    }),
  ),
  periodUnits: periods,
  periodWords: periods,
  perWords: words,
  rangeWords: words,
  skippableWords: words,
  salaryWords: words,
  feeWords: words,
  scriptSalaryWords: words,
  scriptFeeWords: words,
});

/** The word lists, with their sources, in data/money-words.json. */
const moneyWords = MoneyWordsSchema.parse(readDataFile("money-words.json"));

/** Symbols name their currency written before or after the number. */
const CURRENCY_SYMBOLS = Object.entries(moneyWords.currencySymbols);
/** Currency codes and symbols written before the number, longest first. */
const PREFIX_CURRENCIES: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(moneyWords.prefixCurrencies),
  ...CURRENCY_SYMBOLS,
];
/** Currency words and codes written after the number. */
const SUFFIX_CURRENCIES = new Map([...Object.entries(moneyWords.suffixCurrencies), ...CURRENCY_SYMBOLS]);
/** "dolar Singapura", "dollar HK": the word after a dollar names which dollar. */
const DOLLAR_QUALIFIERS = new Map(Object.entries(moneyWords.dollarQualifiers));
interface Multiplier {
  factor: number;
  /** The currency a bare multiplier implies: "jt" is Indonesian, "triệu" Vietnamese. */
  implies?: string;
  /** "m" is only money with a currency ("IDR 5.3m"); "10m" alone could be metres. */
  needsCurrency?: boolean;
}
const MULTIPLIERS = new Map<string, Multiplier>(Object.entries(moneyWords.multipliers));
/** Period words after "/" or "per" ("/bln", "per day", "/tháng", "/buwan"). */
const PERIOD_UNITS = new Map<string, PayPeriod>(Object.entries(moneyWords.periodUnits));
/** Words that are a period on their own ("sebulan", "monthly", "hàng tháng" → "hang thang"). */
const PERIOD_WORDS = new Map<string, PayPeriod>(Object.entries(moneyWords.periodWords));
/** Words that may stand between "per"/"a" and nothing else: "per bulan", "a month", "mỗi tháng". */
const PER_WORDS = new Set(moneyWords.perWords);
/** "sampai", "to" between the two amounts of a range. */
const RANGE_WORDS = new Set(moneyWords.rangeWords);
/** Words between an amount and its period that do not change it: "1.000$ cash tiap bulan". */
const SKIPPABLE_WORDS = new Set(moneyWords.skippableWords);
const SALARY_WORDS = new Set(moneyWords.salaryWords);
const FEE_WORDS = new Set(moneyWords.feeWords);
/** Pay and cost words of scripts without spaces (Thai, Khmer, Myanmar), found as substrings. */
const SCRIPT_SALARY_WORDS = moneyWords.scriptSalaryWords;
const SCRIPT_FEE_WORDS = moneyWords.scriptFeeWords;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x0e00 && c <= 0x0e7f);
const isThai = (c: number): boolean => c >= 0x0e00 && c <= 0x0e7f;

interface ParsedNumber {
  value: number;
  end: number;
}

/**
 * Reads "15.000.000", "1,200", "8,5", "1.2", "1,000.50". One separator kind repeated ⇒ thousands;
 * one separator followed by exactly three digits ⇒ thousands; otherwise ⇒ decimal.
 */
function parseNumber(text: string, start: number): ParsedNumber | null {
  const groups: string[] = [];
  const seps: string[] = [];
  let i = start;
  let groupStart = i;
  const limit = Math.min(text.length, start + 32);
  while (i < limit && isDigit(text.charCodeAt(i))) i++;
  groups.push(text.slice(groupStart, i));
  while (i + 1 < limit) {
    const sep = text[i]!;
    if ((sep !== "." && sep !== ",") || !isDigit(text.charCodeAt(i + 1))) break;
    i++;
    groupStart = i;
    while (i < limit && isDigit(text.charCodeAt(i))) i++;
    seps.push(sep);
    groups.push(text.slice(groupStart, i));
  }
  if (i < text.length && isDigit(text.charCodeAt(i))) return null; // absurdly long digit run
  const head = groups[0]!;
  if (seps.length === 0) return { value: Number(head), end: i };
  const last = seps[seps.length - 1]!;
  const mixed = seps.some((s) => s !== last);
  let integerGroups: string[];
  let fraction = "";
  if (mixed) {
    // "1.000.000,50" / "1,000.50": the last separator is the decimal point.
    integerGroups = groups.slice(0, -1);
    fraction = groups[groups.length - 1]!;
    if (seps.slice(0, -1).some((s) => s === last)) return null;
  } else if (seps.length > 1 || groups[1]!.length === 3) {
    integerGroups = groups;
  } else {
    integerGroups = [head];
    fraction = groups[1]!;
  }
  if (integerGroups.length > 1) {
    if (head.length > 3 || head.length === 0) return null;
    for (let g = 1; g < integerGroups.length; g++) if (integerGroups[g]!.length !== 3) return null;
  }
  const value = Number(integerGroups.join("") + (fraction ? `.${fraction}` : ""));
  return Number.isFinite(value) ? { value, end: i } : null;
}

/** The run of letters (ASCII or Thai) or the single currency sign at `at`. */
function wordAt(text: string, at: number): { word: string; end: number } | null {
  if (at >= text.length) return null;
  const c = text.charCodeAt(at);
  if (!isLetter(c)) {
    const ch = text[at]!;
    return SUFFIX_CURRENCIES.has(ch) ? { word: ch, end: at + 1 } : null;
  }
  const thai = isThai(c);
  let end = at;
  while (end < text.length && end - at < 24) {
    const d = text.charCodeAt(end);
    if (thai ? !isThai(d) : !(d >= 0x61 && d <= 0x7a)) break;
    end++;
  }
  return { word: text.slice(at, end), end };
}

function skipSpace(text: string, at: number): number {
  return text.charCodeAt(at) === 0x20 ? at + 1 : at;
}

/** Thai words have no spaces: "30,000 บาทต่อเดือน" — take the longest known prefix. */
function thaiPrefix(word: string, table: ReadonlyMap<string, unknown>): string | undefined {
  for (const key of table.keys()) if (isThai(key.charCodeAt(0)) && word.startsWith(key)) return key;
  return undefined;
}

interface AmountPart {
  value: number;
  end: number;
  multiplier?: Multiplier;
  currency?: string;
}

/** A number with its optional multiplier and currency after it: "15jt", "1.2k$", "10 ribu dolar". */
function readAmount(text: string, start: number): AmountPart | null {
  const parsed = parseNumber(text, start);
  if (parsed === null) return null;
  const part: AmountPart = { value: parsed.value, end: parsed.end };
  let at = skipSpace(text, parsed.end);
  const first = wordAt(text, at);
  if (first !== null) {
    const multiplier = MULTIPLIERS.get(first.word);
    if (multiplier !== undefined) {
      part.multiplier = multiplier;
      part.end = first.end;
      at = skipSpace(text, first.end);
    }
  }
  const next = wordAt(text, at);
  if (next !== null) {
    const thaiKey = isThai(next.word.charCodeAt(0)) ? thaiPrefix(next.word, SUFFIX_CURRENCIES) : next.word;
    const currency = thaiKey === undefined ? undefined : SUFFIX_CURRENCIES.get(thaiKey);
    if (currency !== undefined) {
      part.currency = currency;
      part.end = at + (thaiKey?.length ?? next.word.length);
      if (currency === "USD" && next.word.startsWith("dol")) {
        const qualifier = wordAt(text, skipSpace(text, part.end));
        const other = qualifier === null ? undefined : DOLLAR_QUALIFIERS.get(qualifier.word);
        if (other !== undefined && qualifier !== null) {
          part.currency = other;
          part.end = qualifier.end;
        }
      }
    }
  }
  return part;
}

/** Currency written right before the number ("Rp 15.000.000", "US$1,200", "₱48,000"). */
function readPrefixCurrency(text: string, numberStart: number): { currency: string; start: number } | null {
  let end = numberStart;
  if (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  // Every code ends in a letter, "$", "." ("rp.") or a currency sign.
  const last = end > 0 ? text.charCodeAt(end - 1) : 0;
  if (!((last >= 0x61 && last <= 0x7a) || last === 0x24 || last === 0x2e || last >= 0xa0)) return null;
  for (const [code, currency] of PREFIX_CURRENCIES) {
    const start = end - code.length;
    if (start < 0 || !text.startsWith(code, start)) continue;
    // A code made of letters must be a whole word: "farm 4" is not "rm 4".
    if (isLetter(code.charCodeAt(0)) && start > 0 && isLetter(text.charCodeAt(start - 1))) continue;
    return { currency, start };
  }
  return null;
}

/** "-", "~", "s/d", "sampai", "to" between two amounts; returns where the second amount starts. */
function readRangeJoiner(text: string, at: number): number | null {
  let k = skipSpace(text, at);
  const c = text[k];
  if (c === "-" || c === "~") k++;
  else if (text.startsWith("s/d", k)) k += 3;
  else {
    const w = wordAt(text, k);
    if (w === null || !RANGE_WORDS.has(w.word)) return null;
    k = w.end;
  }
  k = skipSpace(text, k);
  const prefix = text[k];
  if (prefix === "$" || prefix === "₱" || prefix === "฿" || prefix === "€" || prefix === "£") k++;
  return isDigit(text.charCodeAt(k)) ? k : null;
}

/** "/bln", "per bulan", "a month", "sebulan", "/tháng", "ต่อเดือน" right after the amount. */
function readPeriodAfter(text: string, at: number): { period: PayPeriod; end: number } | null {
  let k = skipSpace(text, at);
  let w = wordAt(text, k);
  if (w !== null && SKIPPABLE_WORDS.has(w.word)) {
    k = skipSpace(text, w.end);
    w = wordAt(text, k);
  }
  if (text[k] === "/") {
    const unit = wordAt(text, skipSpace(text, k + 1));
    if (unit === null) return null;
    const key = isThai(unit.word.charCodeAt(0)) ? thaiPrefix(unit.word, PERIOD_UNITS) : unit.word;
    const period = key === undefined ? undefined : PERIOD_UNITS.get(key);
    return period === undefined ? null : { period, end: unit.end };
  }
  if (w === null) return null;
  const single = PERIOD_WORDS.get(w.word);
  if (single !== undefined) return { period: single, end: w.end };
  if (w.word.startsWith("ต่อ")) {
    const key = thaiPrefix(w.word.slice(3), PERIOD_UNITS);
    const period = key === undefined ? undefined : PERIOD_UNITS.get(key);
    if (period !== undefined) return { period, end: k + 3 + key!.length };
  }
  if (PER_WORDS.has(w.word)) {
    const unit = wordAt(text, skipSpace(text, w.end));
    const period = unit === null ? undefined : PERIOD_UNITS.get(unit.word);
    if (unit !== null && period !== undefined) return { period, end: unit.end };
  }
  return null;
}

/** Start of the clause that holds `at`: back to a sentence mark or a line break of the original. */
function clauseStart(n: NormalisedText, at: number, maxBack: number): number {
  const floor = Math.max(0, at - maxBack);
  for (let k = at - 1; k >= floor; k--) {
    const c = n.text[k];
    if ((c === "." || c === "!" || c === "?" || c === ";") && n.text.charCodeAt(k + 1) === 0x20) return k + 1;
    if (c === " ") {
      // Whitespace runs were collapsed; a line break in the original still ends the clause.
      const from = n.toOriginal[k]!;
      const to = n.toOriginal[k + 1]!;
      if (n.original.slice(from, to).includes("\n")) return k + 1;
    }
  }
  return floor;
}

function clauseEnd(n: NormalisedText, at: number, maxForward: number): number {
  const ceiling = Math.min(n.text.length, at + maxForward);
  for (let k = at; k < ceiling; k++) {
    const c = n.text[k];
    if ((c === "." || c === "!" || c === "?" || c === ";") && n.text.charCodeAt(k + 1) === 0x20) return k;
    if (c === " ") {
      const from = n.toOriginal[k]!;
      const to = n.toOriginal[k + 1]!;
      if (n.original.slice(from, to).includes("\n")) return k;
    }
  }
  return ceiling;
}

function wordsOf(window: string): string[] {
  return window.split(/[^a-z]+/).filter((w) => w.length > 0);
}

/** Salary or fee, from the nearest telling word before the amount, else shortly after it. */
function readContext(n: NormalisedText, start: number, end: number): MoneyContext {
  const before = n.text.slice(clauseStart(n, start, 48), start);
  const words = wordsOf(before);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    if (SALARY_WORDS.has(w)) return "salary";
    if (FEE_WORDS.has(w)) return "fee";
  }
  const scriptSalary = SCRIPT_SALARY_WORDS.some((t) => before.includes(t));
  const scriptFee = SCRIPT_FEE_WORDS.some((t) => before.includes(t));
  if (scriptSalary !== scriptFee) return scriptSalary ? "salary" : "fee";
  const after = n.text.slice(end, clauseEnd(n, end, 32));
  for (const w of wordsOf(after)) {
    if (FEE_WORDS.has(w)) return "fee";
    if (SALARY_WORDS.has(w)) return "salary";
  }
  return "unknown";
}

/** "gaji per bulan Rp 5 juta", "monthly salary $900": a period named just before the amount. */
function readPeriodBefore(n: NormalisedText, start: number): PayPeriod | null {
  const before = n.text.slice(clauseStart(n, start, 28), start);
  const words = wordsOf(before);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    const single = PERIOD_WORDS.get(w);
    if (single !== undefined) return single;
    const unit = PERIOD_UNITS.get(w);
    if (unit !== undefined && k > 0 && PER_WORDS.has(words[k - 1]!)) return unit;
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const DIGIT_RUN = /\d+/g;

/** Every money amount in the text, in text order. */
export function extractMoney(n: NormalisedText): MoneyMention[] {
  const text = n.text;
  const mentions: MoneyMention[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
    const i = m.index;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const prevPrev = i > 1 ? text.charCodeAt(i - 2) : 0x20;
    // Start only at the beginning of a number, not inside "1.000".
    if ((prev === 0x2e || prev === 0x2c) && isDigit(prevPrev)) continue;
    const mention = readMention(n, i);
    if (mention === null) continue;
    mentions.push(mention.mention);
    DIGIT_RUN.lastIndex = Math.max(mention.endInText, DIGIT_RUN.lastIndex);
  }
  return mentions;
}

function readMention(
  n: NormalisedText,
  numberStart: number,
): { mention: MoneyMention; endInText: number } | null {
  const text = n.text;
  const low = readAmount(text, numberStart);
  if (low === null) return null;
  const prefix = readPrefixCurrency(text, numberStart);
  let end = low.end;
  let high: AmountPart | null = null;
  const secondStart = readRangeJoiner(text, low.end);
  if (secondStart !== null) {
    high = readAmount(text, secondStart);
    if (high !== null) end = high.end;
  }
  // In "25-30jt" the multiplier after the upper bound applies to the lower one too.
  let lowValue = low.value;
  let lowMultiplier = low.multiplier;
  if (lowMultiplier === undefined && high?.multiplier !== undefined && low.value <= high.value) {
    lowMultiplier = high.multiplier;
  }
  const currency =
    prefix?.currency ??
    low.currency ??
    high?.currency ??
    lowMultiplier?.implies ??
    high?.multiplier?.implies ??
    bareRupiah(n, numberStart, low, lowMultiplier) ??
    bareBaht(n, numberStart, low, lowMultiplier);
  if (currency === undefined) return null;
  lowValue *= lowMultiplier?.factor ?? 1;
  let highValue = high === null ? undefined : high.value * (high.multiplier?.factor ?? 1);
  if (highValue !== undefined && highValue <= lowValue) {
    // "15jt - 20 orang" is not a range.
    highValue = undefined;
    end = low.end;
  }
  if (lowValue <= 0) return null;

  const start = prefix?.start ?? numberStart;
  const after = readPeriodAfter(text, end);
  let period: PayPeriod | null = after?.period ?? null;
  if (after !== null) end = after.end;
  period ??= readPeriodBefore(n, start);
  const context = readContext(n, start, end);
  if (period === null && context === "fee") period = "once";

  const span = spanToOriginal(n, start, end);
  const usd = toUsd(lowValue, currency);
  const factor = period === null ? 1 : PER_MONTH[period];
  const mention: MoneyMention = {
    start: span.start,
    end: span.end,
    raw: n.original.slice(span.start, span.end),
    amount: lowValue,
    currency,
    period,
    usdPerMonth: usd === null || factor === null ? null : round(usd * factor),
    context,
    usdAmount: usd === null ? null : round(usd),
  };
  if (highValue !== undefined) {
    mention.amountMax = highValue;
    const usdMax = toUsd(highValue, currency);
    mention.usdPerMonthMax = usdMax === null || factor === null ? null : round(usdMax * factor);
  }
  return { mention, endInText: end };
}

/** "gaji 5.000.000" with no currency: rupiah, when a pay or fee word is right before it. */
function bareRupiah(
  n: NormalisedText,
  numberStart: number,
  low: AmountPart,
  multiplier: Multiplier | undefined,
): string | undefined {
  if (multiplier !== undefined || low.value < 100_000) return undefined;
  const words = wordsOf(n.text.slice(Math.max(0, numberStart - 16), numberStart));
  const last = words[words.length - 1];
  return last !== undefined && (SALARY_WORDS.has(last) || FEE_WORDS.has(last)) ? "IDR" : undefined;
}

/** The pay and fee words written in Thai letters. */
const THAI_PAY_OR_FEE_WORDS = [...SCRIPT_SALARY_WORDS, ...SCRIPT_FEE_WORDS].filter((w) =>
  /[\u0e00-\u0e7f]/u.test(w),
);

/**
 * "เงินเดือน 15,000", "ค่าแรง 500/วัน" with no currency: baht, when a Thai pay or fee word ends right
 * before the number (Thai job posts rarely write the currency after a salary word).
 */
function bareBaht(
  n: NormalisedText,
  numberStart: number,
  low: AmountPart,
  multiplier: Multiplier | undefined,
): string | undefined {
  if (multiplier !== undefined || low.value < 100) return undefined;
  const before = n.text.slice(Math.max(0, numberStart - 16), numberStart).replace(/[\s:：]+$/u, "");
  return THAI_PAY_OR_FEE_WORDS.some((w) => before.endsWith(w)) ? "THB" : undefined;
}
