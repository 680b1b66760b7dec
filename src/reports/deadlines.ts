/**
 * The deadlines a case runs against (src/jobs/deadlines.ts schedules and settles them) and when
 * each is met: pure, so the case card and the job decide alike.
 */
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { FocalResponse } from "#src/reports/focal-responses.js";
import type { Report } from "#src/reports/report.js";

export const DEADLINE_KINDS = ["urgent_take", "focal_ack", "need_info"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface PendingDeadline {
  kind: DeadlineKind;
  instance: string;
  dueAt: number;
}

/** Whether a deadline is met by now (pure: the card and the job decide alike). */
export function deadlineMet(
  kind: DeadlineKind,
  instance: string,
  report: Report,
  responses: readonly FocalResponse[],
): boolean {
  if (report.status === "closed") return true;
  switch (kind) {
    case "urgent_take":
      return report.assignee !== undefined || report.status !== "received";
    case "focal_ack":
      return responses.some((r) => r.chatId === Number(instance));
    case "need_info": {
      if (report.statusVersion !== Number(instance)) return true;
      const asked = report.history.at(-1)?.at ?? report.updatedAt;
      return report.additions.some((a) => a.at > asked);
    }
  }
}

/** Deadlines still running on a report and not yet met, soonest first. */
export async function pendingDeadlines(
  redis: RedisClient,
  keys: Keys,
  report: Report,
  responses: readonly FocalResponse[],
): Promise<PendingDeadline[]> {
  const all = await redis.hgetall(keys.reportDeadlines(report.id));
  return Object.entries(all)
    .flatMap(([name, due]) => {
      const i = name.indexOf(":");
      const kind = name.slice(0, i) as DeadlineKind;
      const instance = name.slice(i + 1);
      if (!DEADLINE_KINDS.includes(kind) || !Number.isFinite(Number(due))) return [];
      if (deadlineMet(kind, instance, report, responses)) return [];
      return [{ kind, instance, dueAt: Number(due) }];
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}
