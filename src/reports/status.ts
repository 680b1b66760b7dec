/**
 * The life of a report, as data. Officers move a report between statuses; the reporter only
 * creates it (`received`). Every change adds a history entry and bumps `statusVersion`, which
 * keys the reporter's notification (one per report and version).
 *
 * - From `received`, `in_review` and `needs_info` an officer may go straight to any verdict.
 * - A verdict (`confirmed_scam`, `not_scam`) or an escalation can be taken back to `in_review`
 *   when new information arrives; a confirmed scam can still be escalated to a focal point.
 * - `closed` is final for the reporter (no more additions) and can only be reopened to `in_review`.
 */

export const STATUSES = [
  "received",
  "in_review",
  "needs_info",
  "confirmed_scam",
  "not_scam",
  "escalated",
  "closed",
] as const;

export type ReportStatus = (typeof STATUSES)[number];

export const TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  received: ["in_review", "needs_info", "confirmed_scam", "not_scam", "escalated", "closed"],
  in_review: ["needs_info", "confirmed_scam", "not_scam", "escalated", "closed"],
  needs_info: ["in_review", "confirmed_scam", "not_scam", "escalated", "closed"],
  confirmed_scam: ["in_review", "escalated", "closed"],
  not_scam: ["in_review", "closed"],
  escalated: ["in_review", "confirmed_scam", "closed"],
  closed: ["in_review"],
};

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Statuses the reporter hears about. `not_scam` is left out on purpose: the reporter learns the
 * outcome when the case is closed, with advice, rather than a bare "not a scam" that could be
 * read as an endorsement of the recruiter.
 */
export const REPORTER_NOTIFIED: ReadonlySet<ReportStatus> = new Set<ReportStatus>([
  "received",
  "in_review",
  "needs_info",
  "confirmed_scam",
  "escalated",
  "closed",
]);

export function notifiesReporter(status: ReportStatus): boolean {
  return REPORTER_NOTIFIED.has(status);
}

/** Open = the reporter can still add information; only `closed` is not. */
export function isOpenStatus(status: ReportStatus): boolean {
  return status !== "closed";
}
