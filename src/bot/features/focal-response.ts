/**
 * Focal points answer under their channel's post: Received · Investigating · Person located ·
 * Person safe / returned · Not in our jurisdiction · Need more information. Only administrators of
 * that channel (or of the destination's focal group) may; anyone else gets a private alert in the
 * channel's language and nothing changes. Every answer and refusal is audited.
 */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { focalAnswerData } from "#src/callback-data/focal.js";

const composer = new Composer<BotContext>();

composer.callbackQuery(focalAnswerData.filter, async (ctx) => {
  const { deps } = ctx;
  const focal = deps.cases.focal;
  const chatId = ctx.chat?.id;
  const locale = chatId === undefined ? deps.config.FOCAL_LOCALE : focal.posts.localeOf(chatId);
  const t = (key: string, args?: Record<string, string | number>) => deps.i18n.t(locale, key, args);
  const data = focalAnswerData.unpack(ctx.callbackQuery.data);
  const actor = `focal:${ctx.from.id}`;
  const refuse = async (reason: string, key: string) => {
    await deps.reports.audit({ action: "focal.refused", reportId: data?.id, actor, detail: { reason } });
    await ctx.answerCallbackQuery({ text: t(key), show_alert: true });
  };
  if (!data) return refuse("forged", "fp-invalid");
  const country = chatId === undefined ? undefined : focal.posts.countryOf(chatId);
  if (chatId === undefined || country === undefined) return refuse("not_focal_channel", "fp-invalid");
  if (!(await focal.admins.isFocalAdmin(chatId, country, ctx.from.id)))
    return refuse("not_admin", "fp-not-admin");
  const report = await deps.reports.get(data.id);
  if (!report) return refuse("no_report", "fp-invalid");
  const posted = (await focal.posts.postsOf(report.id))[chatId];
  if (posted === undefined || posted !== ctx.callbackQuery.message?.message_id)
    return refuse("not_this_post", "fp-invalid");

  const result = await focal.answers.record(report, { chatId, country }, data.answer, ctx.from.id);
  if (!result.ok) {
    if (result.reason === "closed") return refuse("closed", "fp-closed");
    return ctx.answerCallbackQuery({ text: t("fp-already") });
  }
  await ctx.answerCallbackQuery({ text: t("fp-recorded", { answer: t(`fp-answer-${data.answer}`) }) });
  const post = await focal.posts.renderPost(report, chatId, result.response);
  await ctx
    .editMessageText(post.text, {
      entities: post.entities,
      reply_markup: post.keyboard,
      link_preview_options: { is_disabled: true },
    })
    .catch((error: Error) => {
      if (!error.message.includes("message is not modified")) throw error;
    });
});

/** A focal channel's or group's membership changed: drop the cached answer at once. */
composer.on("chat_member", async (ctx, next) => {
  const focal = ctx.deps.cases.focal;
  if (focal.admins.watches(ctx.chat.id))
    await focal.admins.forget(ctx.chat.id, ctx.chatMember.new_chat_member.user.id);
  await next();
});

export { composer as focalResponseFeature };
