/**
 * What follows a focal point's answer on a channel post: it is recorded (once per change), audited
 * with the focal officer's id only in the audit stream, shown on the case card; "Person located" and
 * "Person safe / returned" are told to the reporter in their language, in plain words and without
 * any foreign officer's name; "Need more information" is posted into the case topic for officers,
 * who may relay a question to the reporter. Messages go out as jobs, each once.
 */
import { type Api, GrammyError } from "grammy";
import { z } from "zod";
import type { PostToCase } from "#src/jobs/case-topic.js";
import type { Translator } from "#src/jobs/forward-to-focal-point.js";
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
  type FocalAnswer,
  type FocalResponse,
  type FocalResponses,
  REPORTER_TOLD,
} from "#src/reports/focal-responses.js";
import type { Report } from "#src/reports/report.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import type { ReportStore } from "#src/reports/store.js";

export const FOCAL_NOTIFY_QUEUE = "focal-notify";
export const FOCAL_TOPIC_QUEUE = "focal-topic";

export interface FocalAnswerDeps {
  api: Api;
  reports: ReportStore;
  responses: FocalResponses;
  redis: RedisClient;
  keys: Keys;
  i18n: Translator;
  /** The officers' language, for the message in the case topic. */
  moderatorTranslate: (key: string, args?: Record<string, string | number>) => string;
  /** A country's name in the officers' language. */
  countryLabel: (country: string) => string;
  postToCase: PostToCase;
  logger: Logger;
  onChange?: (reportId: string) => Promise<void>;
}

export type FocalAnswerResult =
  | { ok: true; response: FocalResponse }
  | { ok: false; reason: "closed" | "unchanged" };

export interface FocalAnswers {
  record(
    report: Report,
    where: { chatId: number; country: string },
    answer: FocalAnswer,
    focalUserId: number,
  ): Promise<FocalAnswerResult>;
}

const jobSchema = z.object({
  reportId: z.string().regex(REPORT_ID_PATTERN),
  seq: z.number().int().positive(),
});
type FocalJob = z.infer<typeof jobSchema>;

const SENDING = "sending";

export function createFocalAnswers(runner: JobRunner, deps: FocalAnswerDeps): FocalAnswers {
  const { api, reports, responses, redis, keys, logger } = deps;

  async function responseOf(
    data: FocalJob,
  ): Promise<{ report: Report; response: FocalResponse } | undefined> {
    const report = await reports.get(data.reportId);
    const response = report && (await responses.list(report.id)).find((r) => r.seq === data.seq);
    return report && response ? { report, response } : undefined;
  }

  /** Once per (report, answer number): the effect is recorded like status notifications. */
  async function tellReporter(job: { data: unknown }): Promise<void> {
    const parsed = jobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("focal notify job data is invalid");
    const found = await responseOf(parsed.data);
    if (!found || !REPORTER_TOLD.has(found.response.answer)) return;
    const { report, response } = found;
    if (report.reporterRef === null) return; // erased: nobody to tell
    const effects = keys.reportNotifications(report.id);
    const fieldName = `focal:${response.seq}`;
    if ((await redis.hsetnx(effects, fieldName, SENDING)) === 0) return;
    const reporter = await reports.reporterOf(report.reporterRef);
    if (!reporter || reporter.blocked) return;
    const text = deps.i18n.t(reporter.locale, `focal-notify-${response.answer}`, { id: report.id });
    try {
      const sent = await api.sendMessage(reporter.chatId, text, {
        link_preview_options: { is_disabled: true },
      });
      await redis.hset(effects, fieldName, String(sent.message_id));
    } catch (error) {
      if (certainlyNotDelivered(error)) await redis.hdel(effects, fieldName);
      if (error instanceof GrammyError && error.error_code === 403) {
        await reports.markReporterBlocked(report.reporterRef);
        throw new UnrecoverableError("the reporter blocked the bot");
      }
      throw classifyTelegramError(error);
    }
    await reports.audit({
      action: "reporter.notified",
      reportId: report.id,
      actor: "system",
      detail: { focalAnswer: response.answer },
    });
  }

  /** "Need more information" into the case topic, once per answer. */
  async function askOfficers(job: { data: unknown }): Promise<void> {
    const parsed = jobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("focal topic job data is invalid");
    const found = await responseOf(parsed.data);
    if (!found) return;
    const { report, response } = found;
    const effects = keys.reportNotifications(report.id);
    const fieldName = `focal-topic:${response.seq}`;
    if ((await redis.hsetnx(effects, fieldName, SENDING)) === 0) return;
    try {
      const text = deps.moderatorTranslate("focal-need-info-topic", {
        id: report.id,
        country: deps.countryLabel(response.country),
      });
      const messageId = await deps.postToCase(report.id, text);
      await redis.hset(effects, fieldName, String(messageId ?? 0));
    } catch (error) {
      if (certainlyNotDelivered(error)) await redis.hdel(effects, fieldName);
      throw classifyTelegramError(error);
    }
  }

  runner.process(FOCAL_NOTIFY_QUEUE, tellReporter, { concurrency: 2 });
  runner.process(FOCAL_TOPIC_QUEUE, askOfficers, { concurrency: 1 });

  return {
    async record(report, where, answer, focalUserId) {
      if (report.status === "closed") return { ok: false, reason: "closed" };
      const response = await responses.add(report.id, {
        answer,
        chatId: where.chatId,
        country: where.country,
        at: new Date().toISOString(),
      });
      if (!response) return { ok: false, reason: "unchanged" };
      await reports.audit({
        action: "focal.answer",
        reportId: report.id,
        actor: `focal:${focalUserId}`,
        detail: { answer, channel: String(where.chatId), country: where.country, seq: String(response.seq) },
      });
      const data: FocalJob = { reportId: report.id, seq: response.seq };
      if (REPORTER_TOLD.has(answer))
        await runner.add(FOCAL_NOTIFY_QUEUE, data, { jobId: `focal-notify/${report.id}/${response.seq}` });
      if (answer === "need_info") {
        await runner.add(FOCAL_TOPIC_QUEUE, data, { jobId: `focal-topic/${report.id}/${response.seq}` });
      }
      await deps.onChange?.(report.id);
      logger.info({ reportId: report.id, channel: where.chatId, answer }, "focal point answered");
      return { ok: true, response };
    },
  };
}
