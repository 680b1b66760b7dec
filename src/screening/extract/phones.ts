/**
 * Phone numbers in the original text. A cheap scan finds runs of digits and phone punctuation
 * that look like a phone (start with "+", "0" or "62", 8–15 digits, not an amount); only those
 * reach libphonenumber, the slow part. Numbers are returned in E.164 with their country.
 */
import { findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js";
import type { ExtractedIdentifier } from "#src/screening/types.js";

const DEFAULT_COUNTRY = "ID";

/**
 * At most this many candidates reach libphonenumber per text (tens of microseconds each): a real
 * offer has a handful of numbers, and a pasted megabyte of digits must not take seconds.
 */
const MAX_CANDIDATES = 64;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters that may appear inside a written phone number. */
function isPhonePunctuation(c: number): boolean {
  return c === 0x2d || c === 0x2e || c === 0x28 || c === 0x29 || c === 0x2f || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f;
}

function isWordChar(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** "Rp", "$", "USD" just before, or "jt"/"rb"/"k" just after: an amount, not a phone. */
const CURRENCY_BEFORE = /(?:rp\.?|idr|usd|us\$|\$|rm|₱|฿|thb|php|sgd|aed|nt\$|hk\$)\s?$/i;
const MULTIPLIER_AFTER = /^\s?(?:jt|juta|rb|ribu|k|usd|dolar|dollar|baht|peso|ringgit|triệu|trieu)\b/i;
const THOUSANDS_GROUPING = /^\d{1,3}(?:[.,]\d{3})+$/;

interface Candidate {
  start: number;
  end: number;
  raw: string;
  digits: string;
}

/** Characters that can start a number `dialable` accepts; the regex engine finds them fast. */
const PHONE_START = /[+(06]/g;

function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const n = text.length;
  PHONE_START.lastIndex = 0;
  for (let m = PHONE_START.exec(text); m !== null; m = PHONE_START.exec(text)) {
    const start = m.index;
    const c = text.charCodeAt(start);
    if ((c === 0x2b || c === 0x28) && !isDigit(text.charCodeAt(start + 1) || 0)) continue;
    // Not inside a longer run of digits, words or "1.000.000"/"2020-2024" punctuation.
    const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
    if (isWordChar(before) || before === 0x2d || before === 0x2e || before === 0x2f) continue;
    let end = start + 1;
    let lastDigitEnd = isDigit(c) ? end : start;
    let digits = isDigit(c) ? 1 : 0;
    while (end < n && end - start < 40) {
      const d = text.charCodeAt(end);
      if (isDigit(d)) {
        digits++;
        lastDigitEnd = end + 1;
      } else if (!isPhonePunctuation(d) && !(isSpace(d) && isDigit(text.charCodeAt(end + 1) || 0))) {
        break;
      }
      end++;
    }
    PHONE_START.lastIndex = end;
    if (digits < 8 || (lastDigitEnd < n && isWordChar(text.charCodeAt(lastDigitEnd)))) continue;
    const raw = text.slice(start, lastDigitEnd);
    found.push({ start, end: lastDigitEnd, raw, digits: raw.replace(/\D/g, "") });
  }
  return found;
}

function looksLikeAmount(text: string, cand: Candidate): boolean {
  if (THOUSANDS_GROUPING.test(cand.raw)) return true;
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, cand.start - 5), cand.start))) return true;
  return MULTIPLIER_AFTER.test(text.slice(cand.end, cand.end + 10));
}

/** The number as libphonenumber should read it, or null when it does not start like a phone. */
function dialable(cand: Candidate): string | null {
  const first = cand.raw.replace(/^\(/, "");
  if (first.startsWith("+")) return `+${cand.digits}`;
  if (cand.digits.startsWith("0")) return cand.digits;
  // "62812…" is an Indonesian number written without the plus.
  if (cand.digits.startsWith("62") && cand.digits.length >= 10) return `+${cand.digits}`;
  return null;
}

function phoneIdentifier(
  value: string,
  country: string | undefined,
  raw: string,
  start: number,
): ExtractedIdentifier {
  const id: ExtractedIdentifier = { kind: "phone", value, raw, start, end: start + raw.length };
  if (country !== undefined) id.country = country;
  return id;
}

/** Splits a run of digits and spaces into consecutive valid numbers, or returns [] if it cannot. */
function splitRun(cand: Candidate): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  const raw = cand.raw;
  let from = 0;
  while (from < raw.length) {
    let cut = -1;
    for (let gap = raw.indexOf(" ", from); gap >= 0; gap = raw.indexOf(" ", gap + 1)) {
      const next = raw[gap + 1];
      if (next !== "0" && next !== "+") continue;
      const piece: Candidate = {
        start: cand.start + from,
        end: cand.start + gap,
        raw: raw.slice(from, gap),
        digits: "",
      };
      piece.digits = piece.raw.replace(/\D/g, "");
      const dial = dialable(piece);
      const parsed = dial === null ? undefined : parsePhoneNumberFromString(dial, DEFAULT_COUNTRY);
      if (parsed?.isValid()) {
        found.push(phoneIdentifier(parsed.number, parsed.country, piece.raw, piece.start));
        cut = gap + 1;
        break;
      }
    }
    if (cut < 0) {
      const rest: Candidate = { start: cand.start + from, end: cand.end, raw: raw.slice(from), digits: "" };
      rest.digits = rest.raw.replace(/\D/g, "");
      const dial = dialable(rest);
      const parsed = dial === null ? undefined : parsePhoneNumberFromString(dial, DEFAULT_COUNTRY);
      if (!parsed?.isValid()) return [];
      found.push(phoneIdentifier(parsed.number, parsed.country, rest.raw, rest.start));
      break;
    }
    from = cut;
  }
  return found;
}

/** Phone numbers in `text`, skipping positions `skip` says are taken (links, e-mails). */
export function extractPhones(
  text: string,
  skip: (start: number) => boolean = () => false,
): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  let budget = MAX_CANDIDATES;
  for (const cand of candidates(text)) {
    if (skip(cand.start) || looksLikeAmount(text, cand)) continue;
    const dial = dialable(cand);
    if (dial === null) continue;
    if (budget-- <= 0) break;
    if (cand.digits.length <= 15) {
      const parsed = parsePhoneNumberFromString(dial, DEFAULT_COUNTRY);
      if (parsed?.isValid()) {
        found.push(phoneIdentifier(parsed.number, parsed.country, cand.raw, cand.start));
      }
      continue;
    }
    // Several numbers in one run ("0812 3456 7890 0813 1111 2222"): cut where a valid number ends
    // and the next part starts like a new one; the library's own text scan is the fallback.
    const parts = splitRun(cand);
    if (parts.length > 0) {
      found.push(...parts);
      continue;
    }
    for (const hit of findPhoneNumbersInText(cand.raw, DEFAULT_COUNTRY)) {
      const raw = cand.raw.slice(hit.startsAt, hit.endsAt);
      found.push(phoneIdentifier(hit.number.number, hit.number.country, raw, cand.start + hit.startsAt));
    }
  }
  return found;
}
