/**
 * Messages to reporters, as jobs: a status update once per (report, status version) in the
 * reporter's language, and an officer's question relayed through the bot so neither side learns
 * who the other is. Both re-read the report and the reporter record when they run, so an erased
 * reporter (reporterRef null) or one who blocked the bot is never written to.
 *
 * Each message has an effect record checked before sending. A send whose answer was lost may have
 * arrived; unlike channel posts, these are NOT sent again — a second copy of a warning to a
 * frightened person is worse than a status message that did not arrive (the state says so).
 */
import type { Job, WorkerOptions } from "bullmq";
import { type Api, GrammyError } from "grammy";
import { z } from "zod";
import type { Translator } from "#src/jobs/forward-to-focal-point.js";
import {
  certainlyNotDelivered,
  classifyTelegramError,
  type JobRunner,
  UnrecoverableError,
} from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import type { Report } from "#src/reports/report.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import { notifiesReporter } from "#src/reports/status.js";
import type { ReportStore } from "#src/reports/store.js";

export interface NotificationDeps {
  api: Api;
  reports: ReportStore;
  redis: RedisClient;
  keys: Keys;
  i18n: Translator;
  logger: Logger;
  pseudonymize: Pseudonymize;
  /** Called when a relayed question was delivered or refused, so the case thread can say so. */
  onRelayChange?: (reportId: string, relayId: string) => Promise<void>;
  workerOptions?: Partial<WorkerOptions>;
}

export type RelayState =
  | { state: "queued" | "sending" | "uncertain" }
  | { state: "sent"; messageId: number }
  | { state: "refused"; reason: RelayRefusal };
export type RelayRefusal = "not_found" | "erased" | "no_consent" | "blocked" | "expired" | "undeliverable";

export interface Notifications {
  /** Queues the status message for the report's current status, if the reporter hears about it. */
  notifyStatus(report: Report): Promise<void>;
  /** Queues an officer's question for the reporter; `relayId` makes a repeated call a no-op. */
  relay(reportId: string, text: string, relayId: string): Promise<void>;
  relayState(reportId: string, relayId: string): Promise<RelayState | undefined>;
  /**
   * The case a reporter's reply belongs to: the relayed message they replied to, in their chat;
   * `answered` once an answer to that question was delivered (one answer per question).
   */
  caseOfReply(
    chatId: number,
    repliedMessageId: number,
  ): Promise<{ reportId: string; answered: boolean } | undefined>;
  /** Records that the question was answered: a second reply to it is not relayed. */
  markAnswered(chatId: number, repliedMessageId: number): Promise<void>;
}

export const NOTIFY_QUEUE = "notify-reporter";
export const RELAY_QUEUE = "relay-question";
/** Room for the header and the how-to-answer note within Telegram's 4,096 characters. */
export const RELAY_MAX_LENGTH = 3500;
const RELAY_TEXT_TTL_SECONDS = 30 * 24 * 60 * 60;
const RELAY_MESSAGE_TTL_SECONDS = 90 * 24 * 60 * 60;
/** Telegram allows about 30 messages a second overall; leave room for the bot's own replies. */
const NOTIFY_RATE = { max: 20, duration: 1000 };

const notifyDataSchema = z.object({
  reportId: z.string().regex(REPORT_ID_PATTERN),
  statusVersion: z.number().int().positive(),
});
type NotifyData = z.infer<typeof notifyDataSchema>;

const relayIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "1–64 characters A-Z a-z 0-9 _ -");
const relayDataSchema = z.object({ reportId: z.string().regex(REPORT_ID_PATTERN), relayId: relayIdSchema });
type RelayData = z.infer<typeof relayDataSchema>;

const relayStateSchema = z.union([
  z.object({ state: z.enum(["queued", "sending", "uncertain"]) }),
  z.object({ state: z.literal("sent"), messageId: z.number().int() }),
  z.object({
    state: z.literal("refused"),
    reason: z.enum(["not_found", "erased", "no_consent", "blocked", "expired", "undeliverable"]),
  }),
]);

const SENDING = "sending";
/** Prefix of a relay link whose question has had its answer. */
const ANSWERED = "answered:";

export function createNotifications(runner: JobRunner, deps: NotificationDeps): Notifications {
  const { api, reports, redis, keys, logger } = deps;

  function isBlockedByUser(error: unknown): boolean {
    return error instanceof GrammyError && error.error_code === 403;
  }

  async function notify(job: Job<NotifyData>): Promise<void> {
    const parsed = notifyDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("notify job data is invalid");
    const { reportId, statusVersion } = parsed.data;
    const report = await reports.get(reportId);
    // A later status has its own notification; telling an older one now would only confuse.
    if (!report || report.statusVersion !== statusVersion || !notifiesReporter(report.status)) return;
    const ref = report.reporterRef;
    if (ref === null) return; // erased: nobody to tell
    const effects = keys.reportNotifications(reportId);
    const field = String(statusVersion);
    const done = await redis.hget(effects, field);
    if (done === SENDING) {
      logger.warn(
        { reportId, statusVersion },
        "an earlier notification may have arrived unconfirmed; not repeated",
      );
      return;
    }
    if (done !== null) return;
    const reporter = await reports.reporterOf(ref);
    if (!reporter || reporter.blocked) return;

    const text = deps.i18n.t(reporter.locale, `notify-status-${report.status}`, { id: report.id });
    await redis.hset(effects, field, SENDING);
    let messageId: number;
    try {
      messageId = (
        await api.sendMessage(reporter.chatId, text, { link_preview_options: { is_disabled: true } })
      ).message_id;
    } catch (error) {
      if (certainlyNotDelivered(error)) await redis.hdel(effects, field);
      if (isBlockedByUser(error)) {
        await reports.markReporterBlocked(ref);
        logger.info({ reportId }, "reporter blocked the bot; notifications stop");
        throw new UnrecoverableError("the reporter blocked the bot");
      }
      throw classifyTelegramError(error);
    }
    await redis.hset(effects, field, String(messageId));
    await reports.audit({
      action: "reporter.notified",
      reportId,
      actor: "system",
      detail: { status: report.status, statusVersion: field },
    });
  }

  async function setRelayState(reportId: string, relayId: string, state: RelayState): Promise<void> {
    await redis.hset(keys.reportRelays(reportId), relayId, JSON.stringify(state));
  }

  async function refuse(reportId: string, relayId: string, reason: RelayRefusal): Promise<never> {
    await setRelayState(reportId, relayId, { state: "refused", reason });
    await redis.del(keys.relayText(reportId, relayId));
    logger.info({ reportId, relayId, reason }, "officer's question not relayed");
    await deps.onRelayChange?.(reportId, relayId);
    throw new UnrecoverableError(`question not relayed: ${reason}`);
  }

  async function relayQuestion(job: Job<RelayData>): Promise<void> {
    const parsed = relayDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("relay job data is invalid");
    const { reportId, relayId } = parsed.data;
    const state = await relayState(reportId, relayId);
    if (state && state.state !== "queued") {
      if (state.state === "sending") {
        await setRelayState(reportId, relayId, { state: "uncertain" });
        logger.warn({ reportId, relayId }, "an earlier relay may have arrived unconfirmed; not repeated");
        await deps.onRelayChange?.(reportId, relayId);
      }
      return;
    }
    const report = await reports.get(reportId);
    if (!report) return refuse(reportId, relayId, "not_found");
    const ref = report.reporterRef;
    if (ref === null) return refuse(reportId, relayId, "erased");
    const reporter = await reports.reporterOf(ref);
    if (!reporter) return refuse(reportId, relayId, "erased");
    if (!reporter.consent) return refuse(reportId, relayId, "no_consent");
    if (reporter.blocked) return refuse(reportId, relayId, "blocked");
    const question = await redis.get(keys.relayText(reportId, relayId));
    if (question === null) return refuse(reportId, relayId, "expired");

    const t = (key: string, args?: Record<string, string | number>) =>
      deps.i18n.t(reporter.locale, key, args);
    const text = `${t("relay-header", { id: report.id })}\n\n${question}\n\n${t("relay-how-to-answer")}`;
    await setRelayState(reportId, relayId, { state: "sending" });
    let messageId: number;
    try {
      const message = await api.sendMessage(reporter.chatId, text, {
        link_preview_options: { is_disabled: true },
        reply_markup: {
          force_reply: true,
          input_field_placeholder: t("relay-placeholder", { id: report.id }),
        },
      });
      messageId = message.message_id;
    } catch (error) {
      if (certainlyNotDelivered(error)) await setRelayState(reportId, relayId, { state: "queued" });
      if (isBlockedByUser(error)) {
        await reports.markReporterBlocked(ref);
        return refuse(reportId, relayId, "blocked");
      }
      const classified = classifyTelegramError(error);
      if (classified instanceof UnrecoverableError) return refuse(reportId, relayId, "undeliverable");
      throw classified;
    }
    // The reply routes back by (reporter's chat, this message); the chat only as a pseudonym, and
    // in one hash per chat so that erasure removes every link by name.
    const links = keys.relayLinks(deps.pseudonymize("chat", reporter.chatId));
    await runBatch(redis, [
      ["hset", links, String(messageId), reportId],
      ["expire", links, RELAY_MESSAGE_TTL_SECONDS],
    ]);
    await setRelayState(reportId, relayId, { state: "sent", messageId });
    await redis.del(keys.relayText(reportId, relayId));
    await reports.audit({ action: "report.relay_sent", reportId, actor: "system", detail: { relayId } });
    await deps.onRelayChange?.(reportId, relayId);
  }

  async function relayState(reportId: string, relayId: string): Promise<RelayState | undefined> {
    const json = await redis.hget(keys.reportRelays(reportId), relayId);
    if (json === null) return undefined;
    try {
      const parsed = relayStateSchema.safeParse(JSON.parse(json));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  runner.process<NotifyData>(NOTIFY_QUEUE, notify, {
    concurrency: 4,
    limiter: NOTIFY_RATE,
    ...deps.workerOptions,
  });
  runner.process<RelayData>(RELAY_QUEUE, relayQuestion, {
    concurrency: 2,
    limiter: NOTIFY_RATE,
    ...deps.workerOptions,
  });

  return {
    async notifyStatus(report) {
      if (!notifiesReporter(report.status) || report.reporterRef === null) return;
      const data: NotifyData = { reportId: report.id, statusVersion: report.statusVersion };
      await runner.add(NOTIFY_QUEUE, data, { jobId: `notify/${report.id}/${report.statusVersion}` });
    },

    async relay(reportId, text, relayId) {
      const data = relayDataSchema.parse({ reportId, relayId });
      const question = text.trim();
      if (question === "") throw new RangeError("the question is empty");
      if (Array.from(question).length > RELAY_MAX_LENGTH) {
        throw new RangeError(`the question is longer than ${RELAY_MAX_LENGTH} characters`);
      }
      // The text waits in its own key: BullMQ keeps job data in clear text for weeks.
      await redis.set(keys.relayText(reportId, relayId), question, "EX", RELAY_TEXT_TTL_SECONDS, "NX");
      await redis.hsetnx(keys.reportRelays(reportId), relayId, JSON.stringify({ state: "queued" }));
      await runner.add(RELAY_QUEUE, data, { jobId: `relay/${reportId}/${relayId}` });
    },

    relayState,

    async caseOfReply(chatId, repliedMessageId) {
      const link = await redis.hget(
        keys.relayLinks(deps.pseudonymize("chat", chatId)),
        String(repliedMessageId),
      );
      if (link === null) return undefined;
      const answered = link.startsWith(ANSWERED);
      const reportId = answered ? link.slice(ANSWERED.length) : link;
      return REPORT_ID_PATTERN.test(reportId) ? { reportId, answered } : undefined;
    },

    async markAnswered(chatId, repliedMessageId) {
      const links = keys.relayLinks(deps.pseudonymize("chat", chatId));
      const link = await redis.hget(links, String(repliedMessageId));
      if (link !== null && !link.startsWith(ANSWERED))
        await redis.hset(links, String(repliedMessageId), `${ANSWERED}${link}`);
    },
  };
}
