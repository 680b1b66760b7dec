/**
 * The reporter answers an officer: by replying to the relayed question (once per question), or
 * with "Reply" under the case in My reports. The answer is re-sent as plain text — hidden links
 * written out, every address defanged — or a screenshot as a photo, headed only by the case
 * number: officers do not learn who wrote it, and nobody can phish them through the bot (no
 * copyMessage of arbitrary types: no buttons, files, contacts or clickable links reach them).
 * For a while after she answered, her next message is not taken for a new offer to check: she is
 * asked whether it is for the officers too.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { z } from "zod";
import type { BotContext } from "#src/bot/context.js";
import { moderatorTranslate } from "#src/bot/i18n.js";
import { takeFor } from "#src/bot/middlewares/limit-floods.js";
import { followUpData, replyToCaseData } from "#src/callback-data/reporter.js";
import { defang, showHiddenLinks } from "#src/render/defang.js";

const PENDING_REPLY_SECONDS = 60 * 60;
/** How long after an answer a message of hers may still be meant for the officers. */
const FOLLOW_UP_SECONDS = 30 * 60;

/** What is relayed of a message: its text (hidden links written out) or a photo with its caption. */
const relayableSchema = z.object({
  text: z.string().max(4096).optional(),
  entities: z.array(z.any()).max(200).optional(),
  photo: z.string().max(300).optional(),
});
type Relayable = z.infer<typeof relayableSchema>;

function relayableOf(message: Message): Relayable {
  const photo = message.photo?.[message.photo.length - 1]?.file_id;
  const text = message.text ?? message.caption;
  const entities = message.entities ?? message.caption_entities;
  return { ...(text !== undefined && { text }), ...(entities && { entities }), ...(photo && { photo }) };
}

/** Telegram's limits after the header: 4,096 characters for a text, 1,024 for a caption. */
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;

function bounded(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type Delivery = "delivered" | "failed" | "unsupported";

async function deliverAnswer(ctx: BotContext, reportId: string, message: Relayable): Promise<Delivery> {
  const { deps } = ctx;
  const report = await deps.reports.get(reportId);
  const ref = deps.pseudonymize("user", ctx.from!.id);
  if (!report || report.reporterRef !== ref) return "failed";
  const { text, photo } = message;
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
  const body = defang(showHiddenLinks(text ?? "", message.entities));
  if (photo) {
    await ctx.api.sendPhoto(card.chatId, photo, {
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

/** Relays her message and tells her how it went; a delivered answer opens the follow-up window. */
async function relay(ctx: BotContext, reportId: string, message: Relayable): Promise<Delivery> {
  const { deps } = ctx;
  const delivery = await deliverAnswer(ctx, reportId, message);
  if (delivery === "delivered")
    await deps.redis.set(
      deps.keys.answeredCase(deps.pseudonymize("chat", ctx.chat!.id)),
      reportId,
      "EX",
      FOLLOW_UP_SECONDS,
    );
  await ctx.reply(
    delivery === "delivered"
      ? ctx.t("reply-delivered", { id: reportId })
      : delivery === "unsupported"
        ? ctx.t("reply-unsupported", { id: reportId })
        : ctx.t("reply-failed", { id: reportId }),
  );
  return delivery;
}

feature.callbackQuery(followUpData.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const data = followUpData.unpack(ctx.callbackQuery.data);
  const { deps } = ctx;
  const key = deps.keys.followUp(deps.pseudonymize("chat", ctx.chat.id));
  const stored = z
    .object({ reportId: z.string(), message: z.number(), relayable: relayableSchema })
    .safeParse(JSON.parse((await deps.redis.get(key)) ?? "null"));
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
  // A stale button (another message is waiting, or none) sends nothing.
  if (!data || !stored.success || String(stored.data.message) !== data.message) {
    await ctx.reply(ctx.t("callback-expired"));
    return;
  }
  await deps.redis.del(key);
  if (data.answer === "n") {
    await ctx.reply(ctx.t("reply-follow-up-kept", { id: stored.data.reportId }));
    return;
  }
  if (!(await takeFor(ctx, "relay"))) return;
  await relay(ctx, stored.data.reportId, stored.data.relayable);
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
  const command = ctx.msg.text?.startsWith("/") ?? false;
  let reportId = question?.reportId;
  if (!reportId && !command)
    reportId = (await deps.redis.getdel(deps.keys.pendingReply(chatRef))) ?? undefined;
  if (!reportId) {
    const answered = command ? null : await deps.redis.get(deps.keys.answeredCase(chatRef));
    const relayable = relayableOf(ctx.msg);
    if (!answered || (relayable.text === undefined && !relayable.photo)) return next();
    // Right after answering an officer, a message is more likely for them than a new offer.
    await deps.redis.set(
      deps.keys.followUp(chatRef),
      JSON.stringify({ reportId: answered, message: ctx.msg.message_id, relayable }),
      "EX",
      FOLLOW_UP_SECONDS,
    );
    const button = (answer: "y" | "n", label: string) =>
      InlineKeyboard.text(label, followUpData.pack({ answer, message: String(ctx.msg.message_id) }));
    await ctx.reply(ctx.t("reply-follow-up-ask", { id: answered }), {
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
      reply_markup: InlineKeyboard.from([
        [button("y", ctx.t("reply-follow-up-yes")), button("n", ctx.t("reply-follow-up-no"))],
      ]),
    });
    return;
  }
  if (!(await takeFor(ctx, "relay"))) return;
  const delivery = await relay(ctx, reportId, relayableOf(ctx.msg));
  if (delivery === "delivered" && question && repliedTo)
    await deps.cases.markAnswered(ctx.chat.id, repliedTo);
});

export { composer as reporterReplyFeature };
