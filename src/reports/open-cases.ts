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

/** Open cases (of one status, or all open ones), oldest first, and how many there are in all. */
export async function listOpenCases(
  store: ReportStore,
  options: { status?: OpenStatus; limit: number },
): Promise<{ reports: Report[]; total: number }> {
  if (options.status !== undefined && !isOpenStatus(options.status)) return { reports: [], total: 0 };
  const limit = Math.max(0, Math.min(Math.floor(options.limit), MAX_OPEN_CASES));
  return store.listOldest({ statuses: options.status ? [options.status] : OPEN_STATUSES, limit });
}
