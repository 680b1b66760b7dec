/**
 * Flagged cases to focal-point channels: one BullMQ queue per channel with one job at a time
 * (global concurrency 1), so posts to a channel go out in the order they were queued, and a
 * sliding-window limit over every message sent there (card and screenshots), so a channel never
 * gets more than `rate.max` messages per `rate.durationMs` (Telegram: about 20 a minute).
 *
 * Exactly once, as far as Telegram allows: the job id is per (report, channel), the posted message
 * id is recorded the moment the send returns, and every later step (screenshots, card update,
 * audit) has its own record, so a retried, stalled or re-run job continues where the last one
 * stopped. The one gap Telegram leaves: a send whose answer is lost (connection reset after the
 * request left) may or may not have been posted, and the Bot API has no idempotency key and no
 * way to read a channel. Such a post is sent again, marked as a repeat — for a trafficking case a
 * duplicate is better than a post that never arrives.
 */
import { type Job, Worker, type WorkerOptions } from "bullmq";
import type { Api } from "grammy";
import { InputMediaBuilder } from "grammy";
import type { MessageEntity } from "grammy/types";
import { z } from "zod";
import type { Config, FocalLocale } from "#src/config.js";
import { type FileSource, photosForGroups } from "#src/jobs/group-media.js";
import {
  certainlyNotDelivered,
  classifyTelegramError,
  type JobRunner,
  RetryAfterError,
  UnrecoverableError,
} from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import { BUCKETS, takeToken } from "#src/rate-limit.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import { type ForwardReason, focalKeyboard, renderChannelPost } from "#src/render/channel-post.js";
import type { Translate } from "#src/render/translate.js";
import { type ForwardFailure, focalPostsOf, forwardFailures } from "#src/reports/case-records.js";
import type { FocalAnswer } from "#src/reports/focal-responses.js";
import { type Media, type Report, StoredReportError } from "#src/reports/report.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import type { ReportStore } from "#src/reports/store.js";
import type { Level } from "#src/screening/types.js";

export type { ForwardReason };

/** What jobs need to say something in a language; `deps.i18n` of the bot fits. */
export interface Translator {
  t(locale: string, key: string, args?: Record<string, string | number>): string;
}

/**
 * BullMQ priorities (lower first). Every job has one: BullMQ runs jobs without a priority before
 * all prioritised ones, which would put normal cases ahead of urgent ones.
 */
const PRIORITY = { urgent: 1, normal: 10 } as const;

export interface ForwardingDeps {
  api: Api;
  reports: ReportStore;
  redis: RedisClient;
  keys: Keys;
  config: Pick<Config, "FOCAL_CHANNELS" | "FORWARD_MIN_LEVEL" | "FOCAL_LOCALE"> &
    Partial<Pick<Config, "FOCAL_CHANNEL_LOCALES" | "FORWARD_MODE">>;
  i18n: Translator;
  logger: Logger;
  /** Messages per channel per window; Telegram allows about 20 a minute. */
  rate?: { max: number; durationMs: number };
  /** Where image documents are downloaded from, to be posted as photos. */
  files?: FileSource;
  /** Called after a post or a permanent failure, so the moderator card can show it. */
  onChange?: (reportId: string) => Promise<void>;
  /** Called once when a post is in a channel (deadlines start from it). */
  onPosted?: (reportId: string, chatId: number, reason: ForwardReason) => Promise<void>;
  /** Tests shorten lock and stall intervals to take over a killed worker's job quickly. */
  workerOptions?: Partial<WorkerOptions>;
  now?: () => number;
}

export interface Forwarding {
  /**
   * Urgent, or escalated by an officer; with FORWARD_MODE=auto also a level at or above
   * FORWARD_MIN_LEVEL (in review mode such a case waits for an officer's escalation).
   */
  shouldForward(report: Report): boolean;
  /** Review mode holds this case back until an officer escalates it (the card says so). */
  awaitingReview(report: Report): boolean;
  /** The destination a channel serves ("KH", or "default"), for answers pressed there. */
  countryOf(chatId: number): string | undefined;
  /** The language of a channel's posts. */
  localeOf(chatId: number): FocalLocale;
  /** The post as it reads now (with the channel's latest answer) and its buttons, for an edit. */
  renderPost(
    report: Report,
    chatId: number,
    response?: { answer: FocalAnswer; at: string },
  ): Promise<{ text: string; entities: MessageEntity[]; keyboard: ReturnType<typeof focalKeyboard> }>;
  /** The destination's channel, else the default one, else none. */
  channelsFor(report: Report): number[];
  /** Queues the post (once per report and channel); "level"/"urgent" only when shouldForward says so. */
  enqueue(report: Report, reason: ForwardReason): Promise<void>;
  /** Permanent failures (bot not admin, channel gone), for /healthz and the case card. */
  failures(): Promise<ForwardFailure[]>;
  /** Channel id → message id of the card posted there. */
  postsOf(reportId: string): Promise<Record<number, number>>;
  /** Runs permanently failed posts again (after the channel was fixed); returns how many. */
  retryFailures(): Promise<number>;
}

export const DEFAULT_FORWARD_RATE = { max: 20, durationMs: 60_000 } as const;

const LEVEL_ORDER: readonly Level[] = ["low", "medium", "high", "critical"];

const jobDataSchema = z.object({
  reportId: z.string().regex(REPORT_ID_PATTERN),
  chatId: z.number().int().refine(Number.isSafeInteger),
  reason: z.enum(["level", "urgent", "escalated"]),
});
type ForwardJobData = z.infer<typeof jobDataSchema>;

/** BullMQ forbids ":" in job ids and queue names. */
export const forwardQueueName = (chatId: number): string => `forward-${chatId}`;
export const forwardJobId = (reportId: string, chatId: number): string => `fwd/${reportId}/${chatId}`;

/**
 * Reserves `n` sends in a channel's window, or answers how many ms to wait. Entries are moved to
 * the time the send RETURNED (settleSlots), so the gap is measured from when Telegram had it.
 */
const TAKE_SLOTS = `
local key, now, window, max, n = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local need = math.min(n, max)
if count + need > max then
  local oldest = redis.call('ZRANGE', key, count + need - max - 1, count + need - max - 1, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now + 1)
end
for i = 1, n do redis.call('ZADD', key, now, ARGV[5] .. ':' .. i) end
redis.call('PEXPIRE', key, window * 2)
return 0
`;

type ForwardPolicy = Pick<Config, "FORWARD_MIN_LEVEL"> & Partial<Pick<Config, "FORWARD_MODE">>;

const levelReached = (policy: ForwardPolicy, report: Report) =>
  LEVEL_ORDER.indexOf(report.screening.level) >= LEVEL_ORDER.indexOf(policy.FORWARD_MIN_LEVEL);

/** Whether a case goes to focal points now (pure: the forwarding job and the case card agree). */
export function forwardsNow(policy: ForwardPolicy, report: Report): boolean {
  const mode = policy.FORWARD_MODE ?? "auto";
  return (mode === "auto" && levelReached(policy, report)) || report.urgent || report.status === "escalated";
}

/** Review mode holds this case back until an officer escalates it (the card says so). */
export function awaitsReview(policy: ForwardPolicy, report: Report): boolean {
  return (
    (policy.FORWARD_MODE ?? "auto") === "review" &&
    levelReached(policy, report) &&
    !forwardsNow(policy, report) &&
    !["not_scam", "closed"].includes(report.status)
  );
}

/** Thrown inside a job to put it back at the head of its queue until the channel may take more. */
class ChannelBusy extends Error {
  constructor(readonly waitMs: number) {
    super(`channel busy for ${waitMs} ms`);
  }
}

export function createForwarding(runner: JobRunner, deps: ForwardingDeps): Forwarding {
  const { api, reports, redis, keys, config, logger } = deps;
  const rate = deps.rate ?? DEFAULT_FORWARD_RATE;
  const now = deps.now ?? Date.now;
  const localeOf = (chatId: number): FocalLocale =>
    config.FOCAL_CHANNEL_LOCALES?.[chatId] ?? config.FOCAL_LOCALE;
  const translator =
    (chatId: number): Translate =>
    (key, args) =>
      deps.i18n.t(localeOf(chatId), key, args);
  const channels = config.FOCAL_CHANNELS ?? {};
  const unrouted = new Set<string>();
  const concurrencySet = new Map<number, Promise<unknown>>();

  function channelsFor(report: Report): number[] {
    const country = report.destination.country;
    const chat = (country ? channels[country] : undefined) ?? channels.default;
    if (chat !== undefined) return [chat];
    const which = country ?? "unknown";
    if (!unrouted.has(which)) {
      unrouted.add(which);
      logger.warn(
        { country: which },
        "no focal-point channel for this destination and no default: not forwarded",
      );
    }
    return [];
  }

  const shouldForward = (report: Report) => forwardsNow(config, report);
  const awaitingReview = (report: Report) => awaitsReview(config, report);

  async function renderPost(report: Report, chatId: number, response?: { answer: FocalAnswer; at: string }) {
    const reason = await redis.hget(keys.reportForwarding(report.id), `${chatId}:reason`);
    const t = translator(chatId);
    const post = renderChannelPost(report, t, {
      locale: localeOf(chatId),
      reason: reason === "level" || reason === "urgent" || reason === "escalated" ? reason : undefined,
      threshold: config.FORWARD_MIN_LEVEL,
      response,
    });
    return { ...post, keyboard: focalKeyboard(report.id, t) };
  }

  /** One job at a time per channel across every process, so posts keep their order. */
  function oneAtATime(chatId: number): Promise<unknown> {
    let pending = concurrencySet.get(chatId);
    if (!pending) {
      pending = runner.queue(forwardQueueName(chatId)).setGlobalConcurrency(1);
      pending.catch(() => concurrencySet.delete(chatId));
      concurrencySet.set(chatId, pending);
    }
    return pending;
  }

  /**
   * Urgent cases go ahead of the others in a channel's queue — but only a few per reporter a day
   * (the "urgent" bucket): past that, their urgent reports queue as normal ones, so someone filing
   * fake urgent reports cannot push a real one back. An officer's escalation always goes first.
   * Decided once per report (kept with its forwarding state), so a re-queue keeps its place.
   */
  async function priorityOf(report: Report, reason: ForwardReason): Promise<number> {
    if (reason === "escalated") return PRIORITY.urgent;
    if (reason !== "urgent") return PRIORITY.normal;
    const state = keys.reportForwarding(report.id);
    const decided = await redis.hget(state, "priority");
    if (decided === String(PRIORITY.urgent) || decided === String(PRIORITY.normal)) return Number(decided);
    const granted =
      report.reporterRef !== null &&
      (await takeToken(redis, keys.rateBucket("urgent", report.reporterRef), BUCKETS.urgent)).allowed;
    const priority = granted ? PRIORITY.urgent : PRIORITY.normal;
    if ((await redis.hsetnx(state, "priority", String(priority))) === 0) {
      return Number(await redis.hget(state, "priority")) || priority;
    }
    if (!granted)
      logger.info(
        { reportId: report.id },
        "urgent report queued as normal: its reporter's urgent quota is used",
      );
    return priority;
  }

  async function enqueue(report: Report, reason: ForwardReason): Promise<void> {
    if (reason !== "escalated" && !shouldForward(report)) return;
    const priority = await priorityOf(report, reason);
    for (const chatId of channelsFor(report)) {
      await oneAtATime(chatId);
      const data: ForwardJobData = { reportId: report.id, chatId, reason };
      await runner.add(forwardQueueName(chatId), data, { jobId: forwardJobId(report.id, chatId), priority });
    }
  }

  async function takeSlots(chatId: number, n: number, token: string): Promise<void> {
    const wait = Number(
      await redis.eval(TAKE_SLOTS, 1, keys.channelSends(chatId), now(), rate.durationMs, rate.max, n, token),
    );
    if (wait > 0) throw new ChannelBusy(wait);
  }

  async function settleSlots(chatId: number, n: number, token: string): Promise<void> {
    const at = now();
    const members = Array.from({ length: n }, (_, i) => [at, `${token}:${i + 1}`] as const).flat();
    await redis.zadd(keys.channelSends(chatId), "XX", "GT", ...members);
  }

  /** A send counted against the channel's window from reservation until its answer came back. */
  async function rateLimited<T>(chatId: number, n: number, send: () => Promise<T>): Promise<T> {
    const token = `${now()}:${Math.random().toString(36).slice(2)}`;
    await takeSlots(chatId, n, token);
    try {
      return await send();
    } finally {
      await settleSlots(chatId, n, token);
    }
  }

  async function recordFailure(reportId: string, chatId: number, error: string): Promise<void> {
    const at = new Date(now()).toISOString();
    await redis.hset(keys.forwardFailures(), `${reportId}:${chatId}`, JSON.stringify({ error, at }));
    await reports.audit({
      action: "report.forward_failed",
      reportId,
      actor: "system",
      detail: { channel: String(chatId), error: error.slice(0, 200) },
    });
    logger.warn({ reportId, channel: chatId, error }, "forwarding to a focal point failed permanently");
    await deps.onChange?.(reportId);
  }

  async function sendMedia(
    report: Report,
    chatId: number,
    cardId: number,
    steps: Record<string, string>,
  ): Promise<void> {
    const units = mediaUnits(report.offer.media);
    for (const [index, unit] of units.entries()) {
      const step = `${chatId}:media:${index}`;
      if (steps[step] !== undefined) continue;
      const reply = { reply_parameters: { message_id: cardId, allow_sending_without_reply: true } };
      // As photos only: a document would carry its EXIF and file name (src/jobs/group-media.ts).
      const photos = await photosForGroups(deps.files, unit);
      const sent =
        photos.length === 0
          ? []
          : await rateLimited(chatId, photos.length, async () => {
              if (photos.length === 1) return [(await api.sendPhoto(chatId, photos[0]!, reply)).message_id];
              const album = photos.map((media) => InputMediaBuilder.photo(media));
              const messages = await api.sendMediaGroup(chatId, album, reply);
              return messages.map((m) => m.message_id);
            });
      await redis.hset(keys.reportForwarding(report.id), step, sent.join(","));
    }
  }

  async function forward(job: Job<ForwardJobData>): Promise<void> {
    const parsed = jobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("forward job data is invalid");
    const { reportId, chatId, reason } = parsed.data;
    const queueName = forwardQueueName(chatId);
    try {
      const report = await reports.get(reportId);
      if (!report) {
        logger.info({ reportId, channel: chatId }, "report to forward no longer exists");
        return;
      }
      const stepsKey = keys.reportForwarding(reportId);
      const [posted, steps] = await Promise.all([
        redis.hget(keys.reportPosts(reportId), String(chatId)),
        redis.hgetall(stepsKey),
      ]);
      let cardId = posted === null ? undefined : Number(posted);
      if (cardId === undefined) {
        const sendingStep = `${chatId}:sending`;
        const repeated = steps[sendingStep] !== undefined;
        if (repeated) {
          logger.warn(
            { reportId, channel: chatId },
            "an earlier post may have gone through unconfirmed; posting again, marked as a repeat",
          );
        }
        const t = translator(chatId);
        const card = renderChannelPost(report, t, {
          locale: localeOf(chatId),
          reason,
          threshold: config.FORWARD_MIN_LEVEL,
          repeated,
        });
        const message = await rateLimited(chatId, 1, async () => {
          await redis.hset(stepsKey, sendingStep, new Date(now()).toISOString(), `${chatId}:reason`, reason);
          try {
            return await api.sendMessage(chatId, card.text, {
              entities: card.entities,
              reply_markup: focalKeyboard(report.id, t),
              link_preview_options: { is_disabled: true },
            });
          } catch (error) {
            if (certainlyNotDelivered(error)) await redis.hdel(stepsKey, sendingStep);
            throw error;
          }
        });
        // The effect, recorded before anything else can fail: a re-run sees it and never posts twice.
        await redis.hset(keys.reportPosts(reportId), String(chatId), String(message.message_id));
        cardId = message.message_id;
      }
      await sendMedia(report, chatId, cardId, steps);
      if (steps[`${chatId}:done`] === undefined) {
        await redis.hdel(keys.forwardFailures(), `${reportId}:${chatId}`);
        await deps.onPosted?.(reportId, chatId, reason);
        await deps.onChange?.(reportId);
        await reports.audit({
          action: "report.forwarded",
          reportId,
          actor: "system",
          detail: { channel: String(chatId), messageId: String(cardId), reason },
        });
        await redis.hset(stepsKey, `${chatId}:done`, new Date(now()).toISOString());
        logger.info({ reportId, channel: chatId, messageId: cardId }, "report forwarded to focal point");
      }
    } catch (error) {
      if (error instanceof ChannelBusy) return busy(queueName, error.waitMs);
      if (error instanceof StoredReportError) {
        await recordFailure(reportId, chatId, error.message);
        throw new UnrecoverableError(error.message);
      }
      const classified = classifyTelegramError(error);
      // Waiting in the queue (not as a delayed retry) keeps this post ahead of the ones behind it.
      if (classified instanceof RetryAfterError) return busy(queueName, classified.seconds * 1000);
      if (classified instanceof UnrecoverableError) {
        await recordFailure(reportId, chatId, classified.message);
        throw classified;
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await recordFailure(
          reportId,
          chatId,
          `gave up after ${job.attemptsMade + 1} attempts: ${classified.message}`,
        );
      }
      throw classified;
    }
  }

  /** Pauses the channel's queue and puts the job back at its head (BullMQ re-runs it after). */
  async function busy(queueName: string, waitMs: number): Promise<never> {
    await runner.queue(queueName).rateLimit(waitMs);
    throw Worker.RateLimitError();
  }

  const failures = () => forwardFailures(redis, keys);

  for (const chatId of new Set(Object.values(channels))) {
    runner.process<ForwardJobData>(forwardQueueName(chatId), forward, {
      concurrency: 1,
      limiter: { max: rate.max, duration: rate.durationMs },
      ...deps.workerOptions,
    });
  }

  return {
    shouldForward,
    awaitingReview,
    countryOf(chatId) {
      // A channel that is both a country's and the default one answers as the country's.
      const served = Object.keys(channels).filter((country) => channels[country] === chatId);
      return served.find((country) => country !== "default") ?? served[0];
    },
    localeOf,
    renderPost,
    channelsFor,
    enqueue,

    failures,

    postsOf: (reportId) => focalPostsOf(redis, keys, reportId),

    async retryFailures() {
      const failed = await failures();
      let retried = 0;
      for (const { reportId, channelId } of failed) {
        const job = await runner.queue(forwardQueueName(channelId)).getJob(forwardJobId(reportId, channelId));
        await redis.hdel(keys.forwardFailures(), `${reportId}:${channelId}`);
        if (job && (await job.isFailed())) {
          await job.retry();
          retried += 1;
        }
      }
      return retried;
    },
  };
}

/**
 * Screenshots in as few messages as Telegram allows: photos in albums of up to 10, documents in
 * albums of their own (an album cannot mix them), a lone item as a single photo or document.
 */
export function mediaUnits(media: readonly Media[]): Media[][] {
  const units: Media[][] = [];
  for (const kind of ["photo", "document"] as const) {
    const items = media.filter((m) => m.kind === kind);
    for (let i = 0; i < items.length; i += 10) units.push(items.slice(i, i + 10));
  }
  return units;
}
