/**
 * The reporter answers an officer: by replying to the relayed question (once per question), or
 * with "Reply" under the case in My reports. The answer is re-sent as plain text — hidden links
 * written out, every address defanged — or a screenshot as a photo, headed only by the case
 * number: officers do not learn who wrote it, and nobody can phish them through the bot (no
 * copyMessage of arbitrary types: no buttons, files, contacts or clickable links reach them).
 */
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import { z } from "zod";
import type { BotContext } from "#src/bot/context.js";
import { moderatorTranslate } from "#src/bot/features/triage.js";
import { takeFor } from "#src/bot/middlewares/limit-floods.js";
import { defineCallbackData } from "#src/callback-data/pack.js";
import { defang, showHiddenLinks } from "#src/render/defang.js";

export const replyToCaseData = defineCallbackData(
  "rply",
  ["id"],
  z.object({ id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) }),
);

const PENDING_REPLY_SECONDS = 60 * 60;

/** Telegram's limits after the header: 4,096 characters for a text, 1,024 for a caption. */
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;

function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type Delivery = "delivered" | "failed" | "unsupported";

async function deliverAnswer(ctx: BotContext, reportId: string, message: Message): Promise<Delivery> {
  const { deps } = ctx;
  const report = await deps.reports.get(reportId);
  const ref = deps.pseudonymize("user", ctx.from!.id);
  if (!report || report.reporterRef !== ref) return "failed";
  const text = message.text ?? message.caption;
  const photo = message.photo?.[message.photo.length - 1];
  if (!photo && text === undefined) return "unsupported";
  const card = await deps.cases.cards.locate(reportId);
  if (!card?.messageId) return "failed";
  const t = moderatorTranslate(ctx);
  const where = {
    message_thread_id: card.threadId,
    reply_parameters: card.threadId
      ? undefined
      : { message_id: card.messageId, allow_sending_without_reply: true },
  };
  const header = t("relay-reporter-answered", { id: reportId });
  const body = defang(showHiddenLinks(text ?? "", message.entities ?? message.caption_entities));
  if (photo) {
    await ctx.api.sendPhoto(card.chatId, photo.file_id, {
      ...where,
      caption: bounded(body ? `${header}\n\n${body}` : header, CAPTION_MAX),
    });
  } else {
    await ctx.api.sendMessage(card.chatId, bounded(`${header}\n\n${body}`, TEXT_MAX), {
      ...where,
      link_preview_options: { is_disabled: true },
    });
  }
  await deps.reports.audit({
    action: "relay.answered",
    reportId,
    actor: "reporter",
    detail: { photo: photo ? "yes" : "no" },
  });
  return "delivered";
}

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.callbackQuery(replyToCaseData.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const data = replyToCaseData.unpack(ctx.callbackQuery.data);
  if (!data) return;
  const chatRef = ctx.deps.pseudonymize("chat", ctx.chat.id);
  await ctx.deps.redis.set(ctx.deps.keys.pendingReply(chatRef), data.id, "EX", PENDING_REPLY_SECONDS);
  await ctx.reply(ctx.t("reply-prompt", { id: data.id }));
});

feature.on("message", async (ctx, next) => {
  const { deps } = ctx;
  const chatRef = deps.pseudonymize("chat", ctx.chat.id);
  const repliedTo = ctx.msg.reply_to_message?.message_id;
  const question = repliedTo ? await deps.cases.caseOfReply(ctx.chat.id, repliedTo) : undefined;
  if (question?.answered) {
    // One answer per question: more goes through My reports → Reply, or waits for a new question.
    await ctx.reply(ctx.t("reply-already-answered", { id: question.reportId }));
    return;
  }
  let reportId = question?.reportId;
  if (!reportId && !ctx.msg.text?.startsWith("/"))
    reportId = (await deps.redis.getdel(deps.keys.pendingReply(chatRef))) ?? undefined;
  if (!reportId) return next();
  if (!(await takeFor(ctx, "relay"))) return;
  const delivery = await deliverAnswer(ctx, reportId, ctx.msg);
  if (delivery === "delivered" && question && repliedTo)
    await deps.cases.markAnswered(ctx.chat.id, repliedTo);
  await ctx.reply(
    delivery === "delivered"
      ? ctx.t("reply-delivered", { id: reportId })
      : delivery === "unsupported"
        ? ctx.t("reply-unsupported", { id: reportId })
        : ctx.t("reply-failed", { id: reportId }),
  );
});

export { composer as reporterReplyFeature };
