/**
 * A check from a screenshot: a photo, an image sent as a file, or an album (its photos read together
 * as one offer). The person sees "Reading your screenshot…" at once; the reading runs as a job
 * (src/jobs/read-screenshots.ts) and its finisher, below, screens the caption and the text read
 * together and edits that message into the same verdict a pasted text gets, marked as read from
 * the image. Without OCR (OCR_ENABLED=false) a caption is still checked as text.
 */
import { randomBytes } from "node:crypto";
import type { I18n } from "@grammyjs/i18n";
import { type Api, Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { checkText, countCheckForCampaign } from "#src/bot/check-text.js";
import type { BotContext, Translate } from "#src/bot/context.js";
import { mediaOf } from "#src/bot/conversations/report/steps/offer.js";
import { verdictKeyboard } from "#src/bot/keyboards/verdict.js";
import { checkAnotherData, reportThisData, urgentReportData } from "#src/callback-data/check.js";
import { screenWithLookup } from "#src/checks/screen.js";
import type { ImageCheckFinisher } from "#src/jobs/read-screenshots.js";
import type { Logger } from "#src/logger.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import { renderUrgentAnswer } from "#src/render/urgent.js";
import { MAX_VERDICT_LENGTH, renderVerdict } from "#src/render/verdict.js";
import type { ReportStore } from "#src/reports/store.js";
import { detectUrgent } from "#src/screening/urgent.js";

/** As long as a checked text is kept for "Report this". */
const CHECK_TTL_SECONDS = 60 * 60;

/** The check an album's photo belongs to: the first photo opens it, the others join it. */
async function albumCheck(
  ctx: BotContext,
  chatRef: string,
  mediaGroupId: string,
): Promise<{ id: string; first: boolean }> {
  const { redis, keys } = ctx.deps;
  const key = keys.checkAlbum(chatRef, mediaGroupId);
  const id = randomBytes(9).toString("base64url");
  if ((await redis.set(key, id, "EX", 120, "NX")) === "OK") return { id, first: true };
  return { id: (await redis.get(key)) ?? id, first: false };
}

export async function checkScreenshot(ctx: BotContext, message: Message): Promise<void> {
  const { deps } = ctx;
  if (!deps.screenshots.enabled) {
    if (message.caption) await checkText(ctx, message.caption, message);
    else await ctx.reply(ctx.t("check-screenshot-hint"));
    return;
  }
  const media = mediaOf(message);
  if ("refused" in media) {
    await ctx.reply(
      ctx.t(
        media.refused === "report-offer-too-large"
          ? "check-screenshot-too-large"
          : "check-screenshot-wrong-file",
      ),
    );
    return;
  }
  if (media.kind === "document" && !media.mimeType?.startsWith("image/")) {
    await ctx.reply(ctx.t("check-screenshot-wrong-file"));
    return;
  }
  const chatRef = deps.pseudonymize("chat", ctx.chat!.id);
  const album = message.media_group_id;
  const { id, first } = album
    ? await albumCheck(ctx, chatRef, album)
    : { id: randomBytes(9).toString("base64url"), first: true };
  let check: { chatId: number; messageId: number; locale: "id" | "en" } | undefined;
  if (first) {
    // An album is one check.
    await countCheckForCampaign(ctx);
    const reading = await ctx.reply(
      ctx.t(album ? "check-screenshot-reading-album" : "check-screenshot-reading"),
      {
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
      },
    );
    await ctx.replyWithChatAction("typing").catch(() => {});
    check = {
      chatId: ctx.chat!.id,
      messageId: reading.message_id,
      locale: ctx.session.locale ?? deps.config.DEFAULT_LOCALE,
    };
  }
  await deps.screenshots.addToCheck({
    checkId: id,
    chatRef,
    part: { media, ...(message.caption ? { caption: message.caption.slice(0, 1_024) } : {}) },
    check,
    album: album !== undefined,
  });
  ctx.logger.info({ album: album !== undefined, first }, "screenshot check queued");
}

export interface ImageCheckFinisherDeps {
  api: Api;
  i18n: I18n<BotContext>;
  reports: ReportStore;
  redis: RedisClient;
  keys: Keys;
  logger: Logger;
}

/** Screens what the screenshots said and edits "Reading…" into the verdict (or a new message). */
export function createImageCheckFinisher(deps: ImageCheckFinisherDeps): ImageCheckFinisher {
  const { api, redis, keys, logger } = deps;

  async function answer(
    chatId: number,
    messageId: number,
    text: string,
    keyboard: InlineKeyboard,
  ): Promise<void> {
    const options = { reply_markup: keyboard, link_preview_options: { is_disabled: true } };
    try {
      await api.editMessageText(chatId, messageId, text, options);
    } catch (error) {
      // The "Reading…" message was deleted: the verdict follows as a message of its own.
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
      if (/not modified/i.test(error.description)) return;
      await api.sendMessage(chatId, text, options);
    }
  }

  return async ({ checkId, check, parts, readings }) => {
    const t: Translate = (key, args) => deps.i18n.t(check.locale, key, args);
    const captions = parts
      .map((p) => p.caption)
      .filter((c): c is string => c !== undefined && c.trim() !== "");
    const read = readings.filter((r) => r.status === "text" && r.text);
    const readText = read.map((r) => r.text!).join("\n\n");
    const text = [...captions, readText].filter((s) => s.trim() !== "").join("\n\n");
    const media = parts.map((p) => p.media);
    const keyboard = new InlineKeyboard()
      .text(
        t(text === "" ? "check-button-report-anyway" : "check-button-report"),
        reportThisData.pack({ check: checkId }),
      )
      .row()
      .text(t("check-button-again"), checkAnotherData);
    await redis
      .multi()
      .set(keys.check(checkId), text, "EX", CHECK_TTL_SECONDS)
      .set(keys.checkMedia(checkId), JSON.stringify(media), "EX", CHECK_TTL_SECONDS)
      .exec();
    if (text === "") {
      const why = readings.every((r) => r.status === "too_large")
        ? "check-screenshot-too-large"
        : readings.every((r) => r.status === "unreadable")
          ? "check-screenshot-unreadable"
          : "check-screenshot-no-text";
      await answer(check.chatId, check.messageId, t(why), keyboard);
      logger.info({ screenshots: parts.length, read: 0 }, "screenshot check answered");
      return;
    }
    const { result, known } = await screenWithLookup(deps.reports, text);
    const header =
      read.length > 0
        ? t("check-screenshot-read", {
            screenshots: read.length,
            chars: read.reduce((sum, r) => sum + r.chars, 0),
          })
        : t("check-screenshot-caption-only");
    // A screenshot of a relative's "tolong, paspor ditahan": help first, as for typed urgent words.
    if (detectUrgent(text, result.extraction.places).urgent) {
      const sos = new InlineKeyboard().text(
        t("urgent-button-report"),
        urgentReportData.pack({ check: checkId }),
      );
      await answer(
        check.chatId,
        check.messageId,
        `${header}\n\n${renderUrgentAnswer(t, result.destinations)}`,
        sos,
      );
      logger.info(
        { screenshots: parts.length, read: read.length, urgent: true },
        "screenshot check answered",
      );
      return;
    }
    // The same short verdict and buttons as a typed check; "Why?" and the rest read the kept text.
    // The header and the verdict together keep to the verdict's length.
    const verdict = renderVerdict(t, result, known, Math.max(300, MAX_VERDICT_LENGTH - header.length - 2));
    await answer(
      check.chatId,
      check.messageId,
      `${header}\n\n${verdict.text}`,
      verdictKeyboard(t, checkId, verdict.more, known.length),
    );
    logger.info(
      {
        screenshots: parts.length,
        read: read.length,
        level: result.level,
        indicators: result.indicators.length,
      },
      "screenshot check answered",
    );
  };
}

const composer = new Composer<BotContext>();

// Before the check of captions: a captioned screenshot is read, not only its caption.
composer
  .chatType("private")
  .on(["message:photo", "message:document"], (ctx) => checkScreenshot(ctx, ctx.msg));

export { composer as checkScreenshotFeature };
