/**
 * A weekly summary in each focal-point channel, in its language: cases posted there this week,
 * cases still open, and cases waiting for the channel's answer. A BullMQ job scheduler per channel
 * (one schedule however many processes run), and one digest per channel and week (effect record).
 */
import type { Api } from "grammy";
import type { FocalLocale } from "#src/config.js";
import type { Translator } from "#src/jobs/forward-to-focal-point.js";
import { classifyTelegramError, type JobRunner } from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { FocalResponses } from "#src/reports/focal-responses.js";
import { sharedCases } from "#src/reports/shared-cases.js";
import type { ReportStore } from "#src/reports/store.js";

export const FOCAL_DIGEST_QUEUE = "focal-digest";
const DIGEST_CRON = "0 2 * * 1";
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Cases older than this are no longer "open" for the digest's purpose. */
const LOOK_BACK_MS = 365 * 24 * 60 * 60 * 1000;

export interface FocalDigestDeps {
  api: Api;
  reports: ReportStore;
  responses: FocalResponses;
  redis: RedisClient;
  keys: Keys;
  channels: Record<string, number>;
  localeOf: (chatId: number) => FocalLocale;
  i18n: Translator;
  logger: Logger;
}

export interface DigestFigures {
  newCases: number;
  open: number;
  outstanding: number;
}

export interface FocalDigest {
  /** Creates or keeps the weekly schedule of every channel. */
  schedule(): Promise<void>;
  /** The week's figures for one channel, up to `now`. */
  figures(chatId: number, now: Date): Promise<DigestFigures>;
  /** Sends the digest for the week ending `now`, once per channel and week; returns the message id. */
  send(chatId: number, now: Date): Promise<number | undefined>;
}

export function createFocalDigest(runner: JobRunner, deps: FocalDigestDeps): FocalDigest {
  const { api, redis, keys } = deps;
  const chats = [...new Set(Object.values(deps.channels))];

  async function figures(chatId: number, now: Date): Promise<DigestFigures> {
    const shared = await sharedCases(deps.reports, redis, keys, {
      from: new Date(now.getTime() - LOOK_BACK_MS),
      to: new Date(now.getTime() + 1),
    });
    const weekStart = new Date(now.getTime() - WEEK_MS).toISOString();
    let newCases = 0;
    let open = 0;
    let outstanding = 0;
    for (const { report, posts } of shared) {
      const post = posts.find((p) => p.chatId === chatId);
      if (!post) continue;
      if ((post.postedAt ?? report.createdAt) >= weekStart) newCases += 1;
      if (report.status === "closed") continue;
      open += 1;
      if (!(await deps.responses.latest(report.id, chatId))) outstanding += 1;
    }
    return { newCases, open, outstanding };
  }

  async function send(chatId: number, now: Date): Promise<number | undefined> {
    const week = new Date(Math.floor(now.getTime() / WEEK_MS) * WEEK_MS).toISOString().slice(0, 10);
    const once = keys.focalDigest(chatId, week);
    if ((await redis.set(once, "sending", "EX", 30 * 24 * 60 * 60, "NX")) === null) return undefined;
    const f = await figures(chatId, now);
    const locale = deps.localeOf(chatId);
    const t = (key: string, args?: Record<string, string | number>) => deps.i18n.t(locale, key, args);
    const text = [
      `🗓 ${t("fp-digest-title", {
        from: new Date(now.getTime() - WEEK_MS).toISOString().slice(0, 10),
        to: now.toISOString().slice(0, 10),
      })}`,
      t("fp-digest-new", { count: f.newCases }),
      t("fp-digest-open", { count: f.open }),
      t("fp-digest-outstanding", { count: f.outstanding }),
    ].join("\n");
    try {
      const message = await api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
      await redis.set(once, String(message.message_id), "EX", 30 * 24 * 60 * 60);
      deps.logger.info({ channel: chatId, ...f }, "weekly focal-point digest sent");
      return message.message_id;
    } catch (error) {
      await redis.del(once);
      throw classifyTelegramError(error);
    }
  }

  runner.process<{ chatId: number }>(FOCAL_DIGEST_QUEUE, async (job) => {
    const chatId = Number(job.data.chatId);
    if (!chats.includes(chatId)) return;
    await send(chatId, new Date());
  });

  return {
    async schedule() {
      for (const chatId of chats) {
        await runner.queue(FOCAL_DIGEST_QUEUE).upsertJobScheduler(
          `digest-${chatId}`,
          // Mondays 02:00 UTC; a cron pattern waits for its time, where `every` would fire at once.
          { pattern: DIGEST_CRON, tz: "UTC" },
          { name: FOCAL_DIGEST_QUEUE, data: { chatId } },
        );
      }
    },
    figures,
    send,
  };
}
