/**
 * Links and handles, read from the original text (paths and handles keep their case there):
 * URLs with or without a scheme and their registrable domain, e-mail addresses, Telegram handles
 * (@name, t.me/name) and WhatsApp numbers (wa.me/62…, api.whatsapp.com/send?phone=…).
 */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { parse as parseDomain } from "tldts";
import type { ExtractedIdentifier } from "#src/screening/types.js";

/**
 * Platforms whose domain says nothing about the recruiter: indexing "facebook.com" or "bit.ly"
 * would link every report that mentions them. Their URLs are still extracted.
 */
const SHARED_PLATFORM_DOMAINS = new Set([
  "t.me",
  "telegram.me",
  "telegram.dog",
  "telegram.org",
  "wa.me",
  "whatsapp.com",
  "facebook.com",
  "fb.com",
  "fb.me",
  "fb.watch",
  "instagram.com",
  "tiktok.com",
  "youtube.com",
  "youtu.be",
  "twitter.com",
  "x.com",
  "google.com",
  "forms.gle",
  "goo.gl",
  "bit.ly",
  "s.id",
  "tinyurl.com",
  "linktr.ee",
  "line.me",
  "wechat.com",
  "gmail.com",
]);

const TELEGRAM_HOSTS = new Set(["t.me", "telegram.me", "telegram.dog"]);
const TELEGRAM_NAME = /^[a-z][a-z0-9_]{3,31}$/i;
/** Paths of t.me that are not a user or channel name. */
const TELEGRAM_RESERVED = new Set([
  "joinchat",
  "addstickers",
  "share",
  "proxy",
  "socks",
  "iv",
  "s",
  "c",
  "addlist",
]);

/** Longest token we look inside; longer whitespace-free runs are not links a person pasted. */
const MAX_TOKEN = 2048;

/** Bounded repetitions everywhere: "a.a.a.a…" must not make the engine backtrack for seconds. */
const URL_IN_TOKEN =
  /(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24}(?::\d{1,5})?(?:[/?#][^\s<>"'`]{0,2000})?/gi;
const EMAIL_IN_TOKEN = /[a-z0-9._%+-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24}/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»”’]+$/;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * The whitespace-delimited tokens that hold a dot between a letter or digit and a letter:
 * every URL and e-mail address has one, and most of the text has none, so it is skipped quickly.
 */
function linkTokens(text: string): Array<{ token: string; start: number }> {
  const found: Array<{ token: string; start: number }> = [];
  const n = text.length;
  let coveredUpTo = -1;
  for (let dot = text.indexOf("."); dot >= 0; dot = text.indexOf(".", dot + 1)) {
    if (dot < coveredUpTo) continue;
    if (dot === 0 || !isAsciiAlnum(text.charCodeAt(dot - 1)) || !isAsciiLetter(text.charCodeAt(dot + 1)))
      continue;
    let start = dot;
    while (start > coveredUpTo && start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < n && !isSpace(text.charCodeAt(end))) end++;
    coveredUpTo = end;
    // A whitespace-free run this long is not a link someone pasted; skip all of it.
    if (end - start <= MAX_TOKEN) found.push({ token: text.slice(start, end), start });
  }
  return found;
}

function identifier(
  kind: ExtractedIdentifier["kind"],
  value: string,
  raw: string,
  start: number,
  country?: string,
): ExtractedIdentifier {
  const id: ExtractedIdentifier = { kind, value, raw, start, end: start + raw.length };
  if (country !== undefined) id.country = country;
  return id;
}

/** E.164 for a number written in a WhatsApp link (always international, "62812…" or "+62812…"). */
function whatsappNumber(digits: string): { value: string; country?: string } | null {
  const clean = digits.replace(/\D/g, "");
  if (clean.length < 8 || clean.length > 15) return null;
  const international = clean.startsWith("0") ? `+62${clean.slice(1)}` : `+${clean}`;
  const parsed = parsePhoneNumberFromString(international);
  if (parsed?.isValid()) return { value: parsed.number, country: parsed.country };
  return { value: international };
}

function urlIdentifiers(raw: string, start: number): ExtractedIdentifier[] {
  const schemeMatch = /^(https?):\/\//i.exec(raw);
  const rest = schemeMatch ? raw.slice(schemeMatch[0].length) : raw;
  const hostEnd = rest.search(/[/?#:]/);
  const host = (hostEnd < 0 ? rest : rest.slice(0, hostEnd)).toLowerCase();
  const path = hostEnd < 0 ? "" : rest.slice(hostEnd);
  const parsed = parseDomain(host);
  if (!parsed.isIcann || parsed.domain === null) return [];
  // Without a scheme, accept only what reads as an address: www., a path, or a common TLD.
  if (
    !schemeMatch &&
    !host.startsWith("www.") &&
    path.length === 0 &&
    !COMMON_TLDS.has(parsed.publicSuffix ?? "")
  ) {
    return [];
  }
  const bareHost = host.startsWith("www.") ? host.slice(4) : host;
  if (TELEGRAM_HOSTS.has(bareHost)) {
    const name = path.replace(/^\/(?:s\/)?/, "").split(/[/?#]/)[0] ?? "";
    if (TELEGRAM_NAME.test(name) && !TELEGRAM_RESERVED.has(name.toLowerCase())) {
      return [identifier("telegram_handle", name.toLowerCase(), raw, start)];
    }
  }
  if (bareHost === "wa.me") {
    const number = whatsappNumber(path.slice(1).split(/[/?#]/)[0] ?? "");
    if (number !== null) return [identifier("whatsapp", number.value, raw, start, number.country)];
  }
  if (bareHost === "api.whatsapp.com" || bareHost === "whatsapp.com" || bareHost === "web.whatsapp.com") {
    const phone = /[?&]phone=\+?([\d\s-]{8,20})/.exec(path);
    const number = phone?.[1] === undefined ? null : whatsappNumber(phone[1]);
    if (number !== null) return [identifier("whatsapp", number.value, raw, start, number.country)];
  }
  const value = `${schemeMatch ? `${schemeMatch[1]!.toLowerCase()}://` : ""}${host}${path}`;
  const found = [identifier("url", value, raw, start)];
  if (!SHARED_PLATFORM_DOMAINS.has(parsed.domain))
    found.push(identifier("domain", parsed.domain, raw, start));
  return found;
}

/** Suffixes that make "name.tld" read as a web address even without www. or a path. */
const COMMON_TLDS = new Set([
  "com",
  "net",
  "org",
  "info",
  "biz",
  "io",
  "co",
  "me",
  "ly",
  "id",
  "co.id",
  "or.id",
  "web.id",
  "my.id",
  "go.id",
  "ac.id",
  "asia",
  "xyz",
  "top",
  "site",
  "online",
  "store",
  "shop",
  "app",
  "link",
  "club",
  "vip",
  "work",
  "jobs",
  "career",
  "careers",
  "kh",
  "com.kh",
  "la",
  "com.la",
  "mm",
  "com.mm",
  "th",
  "co.th",
  "ph",
  "com.ph",
  "vn",
  "com.vn",
  "my",
  "com.my",
  "sg",
  "com.sg",
  "ae",
  "gle",
  "ee",
  "be",
  "gl",
  "cc",
  "tk",
  "ml",
  "ga",
  "cf",
  "gq",
]);

/** @handles: 5–32 letters, digits or underscores, not part of an e-mail address or a domain. */
function telegramMentions(text: string, emailAts: ReadonlySet<number>): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    if (emailAts.has(at)) continue;
    const prev = at > 0 ? text.charCodeAt(at - 1) : 0x20;
    if (isAsciiAlnum(prev) || prev === 0x5f || prev === 0x2e || prev === 0x40) continue;
    let end = at + 1;
    while (end < text.length && end - at <= 33 && isHandleChar(text.charCodeAt(end))) end++;
    if (end < text.length && isHandleChar(text.charCodeAt(end))) continue; // longer than 32
    const nextIsDomain = text[end] === "." && isAsciiLetter(text.charCodeAt(end + 1));
    const name = text.slice(at + 1, end);
    if (!nextIsDomain && name.length >= 5 && TELEGRAM_NAME.test(name)) {
      found.push(identifier("telegram_handle", name.toLowerCase(), text.slice(at, end), at));
    }
  }
  return found;
}

function isHandleChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x5f;
}

/** URLs, domains, e-mail addresses, Telegram handles and WhatsApp links in the original text. */
export function extractLinks(text: string): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  const emailAts = new Set<number>();
  const hasAt = text.includes("@");
  for (const { token, start } of linkTokens(text)) {
    const emailSpans: Array<[number, number]> = [];
    if (hasAt && token.includes("@")) {
      EMAIL_IN_TOKEN.lastIndex = 0;
      for (const m of token.matchAll(EMAIL_IN_TOKEN)) {
        const raw = m[0].replace(TRAILING_PUNCTUATION, "");
        const domain = parseDomain(raw.slice(raw.indexOf("@") + 1));
        if (!domain.isIcann || domain.domain === null) continue;
        found.push(identifier("email", raw.toLowerCase(), raw, start + m.index));
        emailSpans.push([m.index, m.index + raw.length]);
        emailAts.add(start + m.index + raw.indexOf("@"));
      }
    }
    URL_IN_TOKEN.lastIndex = 0;
    for (const m of token.matchAll(URL_IN_TOKEN)) {
      const before = token[m.index - 1];
      // Part of an e-mail ("nama@gmail.com") or of a longer word: not a link of its own.
      if (before === "@" || (before !== undefined && /[\w-]/.test(before))) continue;
      if (emailSpans.some(([s, e]) => m.index >= s && m.index < e)) continue;
      const raw = m[0].replace(TRAILING_PUNCTUATION, "");
      if (!raw.includes(".")) continue;
      found.push(...urlIdentifiers(raw, start + m.index));
    }
  }
  if (hasAt) found.push(...telegramMentions(text, emailAts));
  return found;
}
