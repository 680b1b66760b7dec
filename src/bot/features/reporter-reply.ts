/**
 * The reporter answers an officer: by replying to the relayed question, or with "Reply" under the
 * case in My reports. The answer is copied (never forwarded) into the case's thread, headed only
 * by the case number: officers do not learn who wrote it.
 */
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import { z } from "zod";
import { defineCallbackData } from "#src/bot/callback-data/pack.js";
import type { BotContext } from "#src/bot/context.js";
import { moderatorTranslate } from "#src/bot/features/triage.js";

export const replyToCaseData = defineCallbackData(
  "rply",
  ["id"],
  z.object({ id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) }),
);

const PENDING_REPLY_SECONDS = 60 * 60;

async function deliverAnswer(ctx: BotContext, reportId: string, message: Message): Promise<boolean> {
  const { deps } = ctx;
  const report = await deps.reports.get(reportId);
  const ref = deps.pseudonymize("user", ctx.from!.id);
  if (!report || report.reporterRef !== ref) return false;
  const card = await deps.cases.cards.locate(reportId);
  if (!card?.messageId) return false;
  const t = moderatorTranslate(ctx);
  const where = {
    message_thread_id: card.threadId,
    reply_parameters: card.threadId
      ? undefined
      : { message_id: card.messageId, allow_sending_without_reply: true },
  };
  await ctx.api.sendMessage(card.chatId, t("relay-reporter-answered", { id: reportId }), where);
  await ctx.api.copyMessage(card.chatId, message.chat.id, message.message_id, where);
  await deps.reports.audit({ action: "relay.answered", reportId, actor: "reporter" });
  return true;
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
  let reportId = repliedTo ? await deps.cases.caseOfReply(ctx.chat.id, repliedTo) : undefined;
  if (!reportId && !ctx.msg.text?.startsWith("/"))
    reportId = (await deps.redis.getdel(deps.keys.pendingReply(chatRef))) ?? undefined;
  if (!reportId) return next();
  const delivered = await deliverAnswer(ctx, reportId, ctx.msg);
  await ctx.reply(
    delivered ? ctx.t("reply-delivered", { id: reportId }) : ctx.t("reply-failed", { id: reportId }),
  );
});

export { composer as reporterReplyFeature };
