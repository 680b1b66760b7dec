/**
 * `/find`: what officers type (a phone in any common form, @handle, t.me link, a link or domain,
 * an agency name, a case number) → one case, or the recruiter profile behind an identifier.
 * Identifiers are read with the screening extractor, so the search finds exactly what reports
 * were indexed under (phones in E.164, handles lower case, registrable domains).
 */
import { canonicalIdentifier } from "#src/reports/identifiers.js";
import type { Report } from "#src/reports/report.js";
import { reportBatches } from "#src/reports/report-batches.js";
import { normaliseReportId } from "#src/reports/report-id.js";
import type { ReportStatus } from "#src/reports/status.js";
import {
  type IdentifierDetails,
  type IdentifierVerdict,
  indexedIdentifiers,
  type ReportStore,
} from "#src/reports/store.js";
import { extractIdentifiers } from "#src/screening/extract/index.js";
import type { IdentifierKind, Level } from "#src/screening/types.js";

/** A query longer than this is a pasted message, not a search. */
export const MAX_QUERY_LENGTH = 300;
/** A profile lists at most this many reports (newest first); `total` says how many there are. */
export const MAX_PROFILE_REPORTS = 100;

export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

/** One line of a recruiter profile. */
export interface CaseSummary {
  id: string;
  level: Level;
  status: ReportStatus;
  urgent: boolean;
  createdAt: string;
  destination: Report["destination"];
}

/** An identifier of a case and the other cases that mention it ("seen in N other reports"). */
export interface LinkedIdentifier {
  identifier: Identifier;
  verdict?: IdentifierVerdict;
  licence?: string;
  /** Sorted; never includes the case itself. */
  otherReportIds: string[];
}

export type FindResult =
  | { kind: "case"; report: Report; linked: LinkedIdentifier[] }
  | {
      kind: "identifier";
      identifier: Identifier;
      verdict?: IdentifierVerdict;
      licence?: string;
      /** Newest first, at most MAX_PROFILE_REPORTS. */
      reports: CaseSummary[];
      /** Every report that mentions the identifier (also under its sibling kind, see below). */
      total: number;
    }
  | { kind: "not_found" }
  | { kind: "unparseable" };

/** When a query holds several identifiers, the one people most likely meant comes first. */
const KIND_PRIORITY: readonly IdentifierKind[] = [
  "phone",
  "whatsapp",
  "telegram_handle",
  "telegram_user_id",
  "email",
  "bank_account",
  "domain",
  "url",
  "agency",
];

/**
 * A number is indexed as `phone` in one report and `whatsapp` in another (a wa.me link): for an
 * officer they are the same recruiter, so a search looks under both.
 */
function siblings(identifier: Identifier): Identifier[] {
  if (identifier.kind === "phone") return [identifier, { kind: "whatsapp", value: identifier.value }];
  if (identifier.kind === "whatsapp") return [identifier, { kind: "phone", value: identifier.value }];
  return [identifier];
}

/** What the query could mean, most likely first; each is canonical. */
export function parseSearchQuery(query: string): Identifier[] {
  // Officers copy identifiers from cards, where links are defanged: read them back as links.
  const text = query
    .normalize("NFKC")
    .replace(/\[\.\]/g, ".")
    .replace(/\bhxxp(s?):\/\//gi, "http$1://")
    .trim();
  if (text === "" || text.length > MAX_QUERY_LENGTH) return [];
  const found: Identifier[] = extractIdentifiers(text)
    .map(({ kind, value }) => ({ kind, value: canonicalIdentifier(kind, value) }))
    .filter((id): id is Identifier => id.value !== undefined)
    .sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind));
  if (found.length === 0) {
    // Forms the extractor does not read from a bare word: a handle without "@", a numeric
    // Telegram id of a forwarded sender, an agency named without "PT".
    for (const kind of ["telegram_handle", "telegram_user_id", "agency"] as const) {
      const value = canonicalIdentifier(kind, text);
      if (value !== undefined) found.push({ kind, value });
    }
  }
  const seen = new Set<string>();
  return found.filter(({ kind, value }) => {
    const key = `${kind}\u0000${value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The case or the recruiter profile an officer asked for. A case number wins when such a case
 * exists; otherwise the first reading of the query that any report or verdict knows.
 */
export async function findProfile(store: ReportStore, query: string): Promise<FindResult> {
  const caseId = normaliseReportId(query.slice(0, MAX_QUERY_LENGTH));
  if (caseId !== undefined) {
    const report = await store.get(caseId);
    if (report) return { kind: "case", report, linked: await linkedReports(store, report) };
  }
  const candidates = parseSearchQuery(query);
  if (candidates.length === 0) return caseId !== undefined ? { kind: "not_found" } : { kind: "unparseable" };

  const groups = candidates.map(siblings);
  const details = await store.identifierDetails(groups.flat());
  const byKey = new Map(details.map((d) => [`${d.kind}\u0000${d.value}`, d]));
  for (const group of groups) {
    const known = group
      .map(({ kind, value }) => byKey.get(`${kind}\u0000${value}`))
      .filter((d): d is IdentifierDetails => d !== undefined);
    if (!known.some((d) => d.reportIds.length > 0 || d.verdict !== undefined)) continue;
    const ids = [...new Set(known.flatMap((d) => d.reportIds))];
    const reports: Report[] = [];
    for await (const batch of reportBatches(store, ids)) reports.push(...batch);
    reports.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : 1));
    const primary = known[0]!;
    // The verdict on the identifier as typed wins over its sibling's.
    const judged = known.find((d) => d.verdict !== undefined);
    return {
      kind: "identifier",
      identifier: group[0]!,
      ...(judged?.verdict ? { verdict: judged.verdict } : {}),
      ...(primary.licence ? { licence: primary.licence } : {}),
      reports: reports.slice(0, MAX_PROFILE_REPORTS).map(caseSummary),
      total: ids.length,
    };
  }
  return { kind: "not_found" };
}

/**
 * Every identifier of a case with the other cases that mention it, for the case card and /find.
 * One round trip.
 */
export async function linkedReports(store: ReportStore, report: Report): Promise<LinkedIdentifier[]> {
  const details = await store.identifierDetails(indexedIdentifiers(report));
  return details.map((d) => ({
    identifier: { kind: d.kind, value: d.value },
    ...(d.verdict ? { verdict: d.verdict } : {}),
    ...(d.licence ? { licence: d.licence } : {}),
    otherReportIds: d.reportIds.filter((id) => id !== report.id),
  }));
}

export function caseSummary(report: Report): CaseSummary {
  return {
    id: report.id,
    level: report.screening.level,
    status: report.status,
    urgent: report.urgent,
    createdAt: report.createdAt,
    destination: report.destination,
  };
}
