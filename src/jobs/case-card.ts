/**
 * Publishes each report as a case card in the moderator group: in a forum group every case gets
 * its own topic (card, screenshots, notes and the reporter's answers stay together); otherwise the
 * card is the root of a reply thread. Later changes edit the card in place. Runs as a job so
 * Telegram's 20-messages-a-minute limit per group never blocks the update path; where the card is
 * is recorded at once, so a retried job edits instead of posting twice.
 *
 * Across processes: one card job runs at a time in the whole deployment (BullMQ global
 * concurrency 1), so two processes never both find "no card yet" and both post one; every send
 * and edit takes a slot of the group's sliding window, spread over the minute; urgent reports'
 * jobs go first (priority).
 */

import { Worker } from "bullmq";
import { type Api, GrammyError } from "grammy";
import type { Locale } from "#src/config.js";
import { type FileSource, photosForGroups } from "#src/jobs/group-media.js";
import { classifyTelegramError, type JobRunner } from "#src/jobs/runner.js";
import { createSendWindow, type SendRate } from "#src/jobs/send-window.js";
import type { Logger } from "#src/logger.js";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import { type CardContext, caseKeyboard, renderCaseCard } from "#src/render/case-card.js";
import { cut } from "#src/render/clip.js";
import { defang } from "#src/render/defang.js";
import type { Translate } from "#src/render/translate.js";
import { canonicalIdentifier } from "#src/reports/identifiers.js";
import type { Report } from "#src/reports/report.js";
import type { ReportStore } from "#src/reports/store.js";
import { extractIdentifiers } from "#src/screening/extract/index.js";

export const CASE_CARD_QUEUE = "case-cards";

/** BullMQ priorities (lower first): an urgent case's card before the others waiting. */
const PRIORITY_URGENT = 1;
const PRIORITY_NORMAL = 10;
/** Telegram's limit for a message. */
const ADDITION_TEXT_MAX = 4096;

export interface CardLocation {
  chatId: number;
  messageId?: number;
  threadId?: number;
}

export interface CaseCardDeps {
  api: Api;
  reports: ReportStore;
  redis: RedisClient;
  keys: Keys;
  moderatorChatId: number | undefined;
  locale: Locale;
  translate: Translate;
  /** What the card shows besides the report: linked reports, forwarding state, notes. */
  context: (report: Report) => Promise<CardContext>;
  logger: Logger;
  rate?: SendRate;
  /** Where image documents are downloaded from, to be posted as photos. */
  files?: FileSource;
}

export interface CaseCards {
  /** Queues a create-or-update of the report's card (urgent cases ahead of the others). */
  publish(reportId: string, options?: { urgent?: boolean }): Promise<void>;
  /** Where the card is, if it was posted. */
  locate(reportId: string): Promise<CardLocation | undefined>;
  /** The report a moderator-group message or topic belongs to. */
  reportFor(
    chatId: number,
    message: { message_id?: number; message_thread_id?: number; reply_to_message?: { message_id: number } },
  ): Promise<string | undefined>;
  render(report: Report): Promise<{
    text: string;
    entities: import("grammy/types").MessageEntity[];
    keyboard: ReturnType<typeof caseKeyboard>;
  }>;
}

/**
 * The reporter's own phone (the one she shared) written in her added text, replaced by a label:
 * her number reaches officers only through the audited "Reveal contact".
 */
function withoutPhone(text: string, phone: string | undefined, label: string): string {
  const own = phone ? canonicalIdentifier("phone", phone) : undefined;
  if (!own) return text;
  let result = text;
  for (const found of extractIdentifiers(text)) {
    if ((found.kind === "phone" || found.kind === "whatsapp") && found.value === own)
      result = result.split(found.raw).join(label);
  }
  return result;
}

export function createCaseCards(runner: JobRunner, deps: CaseCardDeps): CaseCards {
  const { api, redis, keys } = deps;
  let forum: boolean | undefined;
  const rate = deps.rate ?? { max: 20, durationMs: 60_000 };
  const windows = new Map<number, ReturnType<typeof createSendWindow>>();
  let oneAtATime: Promise<unknown> | undefined;

  /** Waits for a slot in the group's window (the job holds the only slot of the queue meanwhile). */
  async function slot(chatId: number): Promise<void> {
    let window = windows.get(chatId);
    if (!window) {
      window = createSendWindow({ redis, key: keys.moderatorSends(chatId), rate });
      windows.set(chatId, window);
    }
    for (;;) {
      const wait = await window.take();
      if (wait === 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** A 429 from Telegram despite the window: the group is told to wait (the job retries after). */
  async function limited<T>(chatId: number, send: () => Promise<T>): Promise<T> {
    await slot(chatId);
    try {
      return await send();
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        const seconds = error.parameters.retry_after ?? 1;
        await runner.queue(CASE_CARD_QUEUE).rateLimit(seconds * 1000);
        throw Worker.RateLimitError();
      }
      throw error;
    }
  }

  async function isForum(chatId: number): Promise<boolean> {
    forum ??= Boolean(((await api.getChat(chatId)) as { is_forum?: boolean }).is_forum);
    return forum;
  }

  async function render(report: Report) {
    const card = renderCaseCard(report, await deps.context(report), deps.translate, deps.locale);
    return { text: card.text, entities: card.entities, keyboard: caseKeyboard(report, deps.translate) };
  }

  async function locate(reportId: string): Promise<CardLocation | undefined> {
    const stored = await redis.hgetall(keys.reportCard(reportId));
    if (!stored.chat) return undefined;
    return {
      chatId: Number(stored.chat),
      messageId: stored.message ? Number(stored.message) : undefined,
      threadId: stored.thread ? Number(stored.thread) : undefined,
    };
  }

  async function copyMedia(
    report: Report,
    chatId: number,
    threadId: number | undefined,
    replyTo: number,
  ): Promise<void> {
    const where = {
      message_thread_id: threadId,
      reply_parameters: threadId ? undefined : { message_id: replyTo, allow_sending_without_reply: true },
    };
    // Re-sent, never forwarded (a forward links to the reporter's chat), and only as photos: a
    // file sent as a document would carry its EXIF and file name (src/jobs/group-media.ts).
    for (const photo of await photosForGroups(deps.files, report.offer.media)) {
      await limited(chatId, () => api.sendPhoto(chatId, photo, where));
    }
  }

  /**
   * What the reporter added after the card (texts and screenshots), posted beside it once each:
   * defanged text headed only by the case number, images as photos. The count posted is
   * recorded after each one, so a retried job goes on where it stopped.
   */
  async function postAdditions(report: Report, chatId: number, where: CardLocation): Promise<void> {
    const cardKey = keys.reportCard(report.id);
    const posted = Number(await redis.hget(cardKey, "additions")) || 0;
    if (posted >= report.additions.length || where.messageId === undefined) return;
    const place = {
      message_thread_id: where.threadId,
      reply_parameters: where.threadId
        ? undefined
        : { message_id: where.messageId, allow_sending_without_reply: true },
    };
    const own = report.reporterRef
      ? (await deps.reports.reporterOf(report.reporterRef))?.contactPhone
      : undefined;
    for (const [index, addition] of report.additions.entries()) {
      if (index < posted) continue;
      const header = deps.translate("card-addition-posted", { id: report.id });
      const body = addition.text
        ? defang(withoutPhone(addition.text, own, deps.translate("card-addition-own-phone")))
        : "";
      await limited(chatId, () =>
        api.sendMessage(chatId, cut(body ? `${header}\n\n${body}` : header, ADDITION_TEXT_MAX), {
          ...place,
          link_preview_options: { is_disabled: true },
        }),
      );
      for (const photo of await photosForGroups(deps.files, addition.media ?? [])) {
        await limited(chatId, () => api.sendPhoto(chatId, photo, place));
      }
      await redis.hset(cardKey, "additions", index + 1);
    }
  }

  async function publishNow(reportId: string): Promise<void> {
    const chatId = deps.moderatorChatId;
    if (chatId === undefined) return;
    const report = await deps.reports.get(reportId);
    if (!report) return;
    const cardKey = keys.reportCard(reportId);
    const { text, entities, keyboard } = await render(report);
    const existing = await locate(reportId);
    if (existing?.messageId) {
      try {
        await limited(chatId, () =>
          api.editMessageText(chatId, existing.messageId!, text, {
            entities,
            reply_markup: keyboard,
            link_preview_options: { is_disabled: true },
          }),
        );
      } catch (error) {
        if (!String((error as Error).message).includes("message is not modified")) throw error;
      }
      await postAdditions(report, chatId, existing);
      return;
    }
    let threadId = existing?.threadId;
    if (threadId === undefined && (await isForum(chatId))) {
      const topic = await limited(chatId, () =>
        api.createForumTopic(
          chatId,
          `${report.id} · ${deps.translate(`check-level-name-${report.screening.level}`)}`,
        ),
      );
      threadId = topic.message_thread_id;
      await runBatch(redis, [
        ["hset", cardKey, "chat", chatId, "thread", threadId],
        ["set", keys.cardIndex(chatId, "thread", threadId), report.id],
      ]);
    }
    const message = await limited(chatId, () =>
      api.sendMessage(chatId, text, {
        entities,
        reply_markup: keyboard,
        message_thread_id: threadId,
        link_preview_options: { is_disabled: true },
      }),
    );
    // Recorded before anything else: a retry from here on edits this card instead of posting another.
    await runBatch(redis, [
      ["hset", cardKey, "chat", chatId, "message", message.message_id],
      ["set", keys.cardIndex(chatId, "message", message.message_id), report.id],
    ]);
    if ((await redis.hsetnx(cardKey, "media", "1")) === 1)
      await copyMedia(report, chatId, threadId, message.message_id);
    await postAdditions(report, chatId, { chatId, messageId: message.message_id, threadId });
    deps.logger.info({ reportId: report.id }, "case card posted");
  }

  runner.process<{ reportId: string }>(
    CASE_CARD_QUEUE,
    async (job) => {
      try {
        await publishNow(job.data.reportId);
      } catch (error) {
        if (error instanceof Error && error.name === "RateLimitError") throw error;
        throw classifyTelegramError(error);
      }
    },
    {},
  );

  return {
    async publish(reportId, options = {}) {
      oneAtATime ??= runner.queue(CASE_CARD_QUEUE).setGlobalConcurrency(1);
      await oneAtATime;
      // A new id each time: every change deserves an edit; the job reads the latest report.
      await runner.add(
        CASE_CARD_QUEUE,
        { reportId },
        {
          jobId: `card/${reportId}/${Date.now()}/${Math.random().toString(36).slice(2, 8)}`,
          priority: options.urgent ? PRIORITY_URGENT : PRIORITY_NORMAL,
        },
      );
    },
    locate,
    async reportFor(chatId, message) {
      const lookups: string[] = [];
      if (message.reply_to_message)
        lookups.push(keys.cardIndex(chatId, "message", message.reply_to_message.message_id));
      if (message.message_thread_id)
        lookups.push(keys.cardIndex(chatId, "thread", message.message_thread_id));
      if (lookups.length === 0) return undefined;
      // Separate GETs, not MGET: the keys may live on different Cluster nodes.
      const found = await Promise.all(lookups.map((key) => redis.get(key)));
      return found.find((v): v is string => typeof v === "string");
    },
    render,
  };
}
