/**
 * `/list [status]`: the open cases that have waited longest, so nothing old is forgotten behind
 * the new ones.
 */
import type { Report } from "#src/reports/report.js";
import { isOpenStatus, type ReportStatus, STATUSES } from "#src/reports/status.js";
import type { ReportStore } from "#src/reports/store.js";

export type OpenStatus = Exclude<ReportStatus, "closed">;
export const OPEN_STATUSES = STATUSES.filter(isOpenStatus) as OpenStatus[];
export const MAX_OPEN_CASES = 100;

/**
 * The status an officer typed after /list (`needs_info`, `needs-info`, `Needs Info`), or undefined
 * when it is not an open status.
 */
export function parseOpenStatus(input: string): OpenStatus | undefined {
  const folded = input
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return OPEN_STATUSES.find((s) => s === folded);
}

function fold(input: string): string {
  return input
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

/**
 * The status an officer typed after /list: the code (`needs_info`) or any of the words given for
 * it (labels and synonyms in the officers' languages: "perlu info", "diproses", "ditutup").
 */
export function parseStatus(
  input: string,
  words: Partial<Record<ReportStatus, readonly string[]>>,
): ReportStatus | undefined {
  const folded = fold(input);
  if (folded === "") return undefined;
  return STATUSES.find(
    (status) => fold(status) === folded || (words[status] ?? []).some((word) => fold(word) === folded),
  );
}

/** Open cases (of one status, or all open ones), oldest first, and how many there are in all. */
export async function listOpenCases(
  store: ReportStore,
  options: { status?: OpenStatus; limit: number },
): Promise<{ reports: Report[]; total: number }> {
  if (options.status !== undefined && !isOpenStatus(options.status)) return { reports: [], total: 0 };
  return listCases(store, options);
}

/** Cases of one status (closed ones too), or all open ones, oldest first, and how many in all. */
export async function listCases(
  store: ReportStore,
  options: { status?: ReportStatus; limit: number },
): Promise<{ reports: Report[]; total: number }> {
  const limit = Math.max(0, Math.min(Math.floor(options.limit), MAX_OPEN_CASES));
  return store.listOldest({ statuses: options.status ? [options.status] : OPEN_STATUSES, limit });
}
