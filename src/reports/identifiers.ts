/**
 * The one canonical form of a recruiter identifier, used for the report, the index keys and every
 * lookup, so "+62 812-3456-7890" typed by a relative and "+6281234567890" found in a screenshot
 * caption count as the same recruiter.
 */
import type { IdentifierKind } from "#src/screening/types.js";

/** Every kind, checked against the screening engine's type so a new kind is not silently dropped. */
const KINDS: Record<IdentifierKind, true> = {
  phone: true,
  whatsapp: true,
  telegram_handle: true,
  telegram_user_id: true,
  domain: true,
  url: true,
  email: true,
  agency: true,
  bank_account: true,
};
export const IDENTIFIER_KINDS = Object.keys(KINDS) as [IdentifierKind, ...IdentifierKind[]];

/** Longer values are not identifiers anyone will look up again, and they bloat key names. */
const MAX_VALUE_LENGTH = 200;

function canonicalPhone(input: string): string | undefined {
  // The extractor gives E.164; people type separators and a 00 international prefix.
  const compact = input.replace(/[\s().\-‐–]/g, "").replace(/^00/, "+");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

function canonicalAgency(input: string): string | undefined {
  const name = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return name.length >= 2 ? name : undefined;
}

function canonicalDomain(input: string): string | undefined {
  if (!/^[^\s/:@?#]+$/.test(input)) return undefined;
  try {
    // The URL parser lower-cases, converts IDN to punycode and rejects what is not a host name.
    const host = new URL(`http://${input}`).hostname.replace(/\.$/, "");
    return host.includes(".") ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The canonical value of an identifier, or undefined when the input cannot be one of that kind
 * (then it is kept in the report as written but not indexed).
 */
export function canonicalIdentifier(kind: IdentifierKind, input: string): string | undefined {
  const value = canonicalValue(kind, input.trim());
  return value !== undefined && value.length > 0 && value.length <= MAX_VALUE_LENGTH ? value : undefined;
}

function canonicalValue(kind: IdentifierKind, input: string): string | undefined {
  switch (kind) {
    case "phone":
    case "whatsapp":
      return canonicalPhone(input);
    case "telegram_handle": {
      const handle = input.replace(/^(?:https?:\/\/)?(?:t\.me|telegram\.me)\//i, "").replace(/^@/, "");
      return /^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(handle) ? handle.toLowerCase() : undefined;
    }
    case "telegram_user_id":
      return /^[1-9]\d{0,19}$/.test(input) ? input : undefined;
    case "domain":
      return canonicalDomain(input);
    case "url":
      try {
        const url = new URL(input);
        return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
      } catch {
        return undefined;
      }
    case "email": {
      const email = input.toLowerCase();
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
    }
    case "agency":
      return canonicalAgency(input);
    case "bank_account": {
      // "BCA: 123-456 7890" → "bca:1234567890"; the bank part is optional.
      const m = /^(?:([\p{L}\p{N} .&-]{1,40}?)\s*[:/]\s*)?([\d\s.-]{5,40})$/u.exec(input);
      if (!m) return undefined;
      const digits = m[2]!.replace(/\D/g, "");
      if (digits.length < 5 || digits.length > 30) return undefined;
      const bank = (m[1] ?? "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
      return bank ? `${bank}:${digits}` : digits;
    }
  }
}
