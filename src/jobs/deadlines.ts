/**
 * Deadlines on cases, as BullMQ delayed jobs: an urgent case nobody has taken (SLA_URGENT_TAKE_
 * MINUTES), a case at a focal point that nobody there acknowledged (SLA_FOCAL_ACK_HOURS), a case
 * waiting for the reporter's information (SLA_NEED_INFO_HOURS). When one falls due and is not met,
 * a reminder goes to the case's topic; either way the outcome is kept for /stats.
 *
 * Exactly once: a deadline's job id is deterministic (kind, report, instance), so starting it again
 * adds nothing; the delayed job lives in Redis, so it survives a restart of every process; and the
 * outcome is recorded before and after the reminder is sent, so a re-run job (stalled, killed mid-
 * send) never sends a second reminder — a reminder whose answer was lost is not repeated.
 */
import type { Job, WorkerOptions } from "bullmq";
import { z } from "zod";
import type { PostToCase } from "#src/jobs/case-topic.js";
import {
  certainlyNotDelivered,
  classifyTelegramError,
  type JobRunner,
  UnrecoverableError,
} from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import {
  DEADLINE_KINDS,
  type DeadlineKind,
  deadlineMet,
  type PendingDeadline,
  pendingDeadlines,
} from "#src/reports/deadlines.js";
import type { FocalResponses } from "#src/reports/focal-responses.js";
import type { Report } from "#src/reports/report.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import type { ReportStore } from "#src/reports/store.js";

export const DEADLINE_QUEUE = "deadlines";

export interface DeadlineDeps {
  reports: ReportStore;
  responses: FocalResponses;
  redis: RedisClient;
  keys: Keys;
  /** How long each kind may take, in ms. */
  durations: Record<DeadlineKind, number>;
  postToCase: PostToCase;
  /** The officers' language. */
  translate: (key: string, args?: Record<string, string | number>) => string;
  logger: Logger;
  /** Called when a deadline is settled, so the card stops showing it. */
  onChange?: (reportId: string) => Promise<void>;
  workerOptions?: Partial<WorkerOptions>;
  now?: () => number;
}

export interface Deadlines {
  /**
   * Starts a deadline once: `instance` tells apart deadlines of one kind on one report (the focal
   * channel for focal_ack, the status version for need_info, "1" for urgent_take).
   */
  start(kind: DeadlineKind, report: Pick<Report, "id">, instance: string): Promise<void>;
  /** Deadlines still running on a report and not yet met, soonest first. */
  pending(report: Report): Promise<PendingDeadline[]>;
  /** Deadlines settled since `sinceMs` (all when omitted), per kind: how many were met of how many. */
  shareMet(sinceMs?: number): Promise<Record<DeadlineKind, { met: number; total: number }>>;
}

const dataSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  reportId: z.string().regex(REPORT_ID_PATTERN),
  instance: z.string().regex(/^-?\d{1,20}$/),
});
type DeadlineData = z.infer<typeof dataSchema>;

export const deadlineJobId = (kind: DeadlineKind, reportId: string, instance: string): string =>
  `deadline/${kind}/${reportId}/${instance}`;

const SENDING = "sending";

export function createDeadlines(runner: JobRunner, deps: DeadlineDeps): Deadlines {
  const { reports, redis, keys, logger } = deps;
  const now = deps.now ?? Date.now;
  const field = (kind: DeadlineKind, instance: string) => `${kind}:${instance}`;

  function duration(kind: DeadlineKind): string {
    const ms = deps.durations[kind];
    const minutes = Math.round(ms / 60_000);
    return minutes < 120
      ? deps.translate("focal-duration-minutes", { count: minutes })
      : deps.translate("focal-duration-hours", { count: Math.round(minutes / 60) });
  }

  /** Recorded as "met:<ms>" / "missed:<ms>", so /stats can count a period. */
  async function settle(data: DeadlineData, outcome: "met" | "missed"): Promise<void> {
    await redis.hset(
      keys.deadlineOutcomes(),
      deadlineJobId(data.kind, data.reportId, data.instance),
      `${outcome}:${now()}`,
    );
    await redis.hdel(keys.reportDeadlines(data.reportId), field(data.kind, data.instance));
    await reports.audit({
      action: `deadline.${outcome}`,
      reportId: data.reportId,
      actor: "system",
      detail: { kind: data.kind },
    });
    await deps.onChange?.(data.reportId);
  }

  async function fire(job: Job<DeadlineData>): Promise<void> {
    const parsed = dataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("deadline job data is invalid");
    const data = parsed.data;
    const id = deadlineJobId(data.kind, data.reportId, data.instance);
    const outcome = await redis.hget(keys.deadlineOutcomes(), id);
    if (outcome === SENDING) {
      logger.warn(
        { reportId: data.reportId, kind: data.kind },
        "an earlier reminder may have gone out; not repeated",
      );
      return settle(data, "missed");
    }
    if (outcome !== null) return;
    const report = await reports.get(data.reportId);
    if (!report) {
      await redis.hdel(keys.reportDeadlines(data.reportId), field(data.kind, data.instance));
      return;
    }
    const responses = await deps.responses.list(report.id);
    if (deadlineMet(data.kind, data.instance, report, responses)) return settle(data, "met");
    // Claimed before sending: a re-run after this point never sends a second reminder.
    if ((await redis.hsetnx(keys.deadlineOutcomes(), id, SENDING)) === 0) return;
    try {
      await deps.postToCase(
        report.id,
        deps.translate(`focal-reminder-${data.kind}`, { id: report.id, duration: duration(data.kind) }),
      );
    } catch (error) {
      const classified = classifyTelegramError(error);
      // Telegram refused for good (topic deleted, bot removed): the deadline was still missed.
      if (!(classified instanceof UnrecoverableError)) {
        // Sent again only if it certainly did not arrive; otherwise the re-run settles it unrepeated.
        if (certainlyNotDelivered(error)) await redis.hdel(keys.deadlineOutcomes(), id);
        throw classified;
      }
      logger.warn(
        { reportId: report.id, kind: data.kind, error: classified.message },
        "reminder not delivered",
      );
    }
    logger.info({ reportId: report.id, kind: data.kind }, "deadline missed; reminder sent");
    await settle(data, "missed");
  }

  runner.process<DeadlineData>(DEADLINE_QUEUE, fire, { concurrency: 2, ...deps.workerOptions });

  return {
    async start(kind, report, instance) {
      const data: DeadlineData = dataSchema.parse({ kind, reportId: report.id, instance });
      const delay = deps.durations[kind];
      // HSETNX: a repeated start keeps the first due time, as the job (same id) keeps its delay.
      await redis.hsetnx(keys.reportDeadlines(report.id), field(kind, instance), String(now() + delay));
      await runner.add(DEADLINE_QUEUE, data, {
        jobId: deadlineJobId(kind, report.id, instance),
        delay,
        // A reminder is worth little late; a few quick retries are enough.
        attempts: 5,
      });
    },

    async pending(report) {
      return pendingDeadlines(redis, keys, report, await deps.responses.list(report.id));
    },

    async shareMet(sinceMs = 0) {
      const all = await redis.hgetall(keys.deadlineOutcomes());
      const result = Object.fromEntries(DEADLINE_KINDS.map((k) => [k, { met: 0, total: 0 }])) as Record<
        DeadlineKind,
        { met: number; total: number }
      >;
      for (const [id, value] of Object.entries(all)) {
        const kind = id.split("/")[1] as DeadlineKind;
        const [outcome, at] = value.split(":");
        if (!result[kind] || (outcome !== "met" && outcome !== "missed") || Number(at) < sinceMs) continue;
        result[kind].total += 1;
        if (outcome === "met") result[kind].met += 1;
      }
      return result;
    },
  };
}
