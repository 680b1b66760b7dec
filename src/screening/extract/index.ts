/**
 * Everything the matcher reads as facts rather than phrases: identifiers of the recruiter, money,
 * places and job titles. Identifiers are read from the original text (case and punctuation
 * matter there); money, places and jobs from the normalised text. All spans are original offsets.
 */
import { extractAgencies } from "#src/screening/extract/agencies.js";
import { extractBankAccounts } from "#src/screening/extract/bank-accounts.js";
import { extractJobs } from "#src/screening/extract/jobs.js";
import { extractLinks } from "#src/screening/extract/links.js";
import { extractMoney } from "#src/screening/extract/money.js";
import { extractPhones } from "#src/screening/extract/phones.js";
import { extractPlaces } from "#src/screening/extract/places.js";
import type { ExtractedIdentifier, Extraction, NormalisedText } from "#src/screening/types.js";

export { extractAgencies } from "#src/screening/extract/agencies.js";
export { extractBankAccounts } from "#src/screening/extract/bank-accounts.js";
export { extractJobs, JOBS, JOBS_VERSION } from "#src/screening/extract/jobs.js";
export { extractLinks } from "#src/screening/extract/links.js";
export {
  CURRENCY_RATES_AS_OF,
  CURRENCY_RATES_SOURCE,
  extractMoney,
  toUsd,
} from "#src/screening/extract/money.js";
export { extractPhones } from "#src/screening/extract/phones.js";
export { extractPlaces, getPlace, PLACES, PLACES_VERSION } from "#src/screening/extract/places.js";

/** Whether a position falls inside one of `spans`; a binary search, so many links stay cheap. */
function spanLookup(spans: ReadonlyArray<{ start: number; end: number }>): (pos: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // Running maximum of ends, so overlapping spans are handled by one search.
  const maxEnd: number[] = [];
  for (const s of sorted) maxEnd.push(Math.max(s.end, maxEnd[maxEnd.length - 1] ?? 0));
  return (pos) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= pos) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && maxEnd[last]! > pos;
  };
}

/** Recruiter identifiers of every kind, in text order, each (kind, value, span) once. */
export function extractIdentifiers(original: string): ExtractedIdentifier[] {
  const links = extractLinks(original);
  // A number inside a wa.me link or an e-mail is already the identifier of that link.
  const insideLink = spanLookup(links);
  const all = [
    ...links,
    ...extractPhones(original, insideLink),
    ...extractAgencies(original),
    ...extractBankAccounts(original),
  ];
  all.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  const seen = new Set<string>();
  return all.filter((id) => {
    const key = `${id.kind}\u0000${id.value}\u0000${id.start}\u0000${id.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Identifiers, money, places and job titles of one message. */
export function extract(n: NormalisedText): Extraction {
  return {
    identifiers: extractIdentifiers(n.original),
    money: extractMoney(n),
    places: extractPlaces(n),
    jobs: extractJobs(n),
  };
}
