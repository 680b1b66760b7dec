/**
 * Check an offer: any text, forwarded message or captioned screenshot sent outside a flow is
 * screened at once. What was sent decides the answer: urgent words get help first (embassy,
 * hotline, 🆘 report), a greeting, plea or "lapor" gets the menu or the report, a bare number or
 * link how often it was reported, and only a text about a job a verdict — short, with "Why?",
 * "What to do", "Report this", "Share a warning" and 👍/👎 under it. The answer itself is
 * src/bot/check-text.ts (the screenshot check gives it too); here are its buttons.
 */
import { Composer } from "grammy";
import { CHECK_TTL_SECONDS, checkText } from "#src/bot/check-text.js";
import type { BotContext } from "#src/bot/context.js";
import { checkAnotherData, verdictData } from "#src/callback-data/check.js";
import { screenWithLookup } from "#src/checks/screen.js";
import { renderAdvice, renderReasons, renderShareCard } from "#src/render/verdict.js";
import { recordCheckVote } from "#src/reports/check-feedback.js";

/** The checked text of a button's check, or a friendly word that it is gone (after an hour). */
async function checkedTextOf(ctx: BotContext, checkId: string): Promise<string | undefined> {
  const text = await ctx.deps.redis.get(ctx.deps.keys.check(checkId));
  if (text !== null && text !== "") return text;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("verdict-expired"));
  return undefined;
}

/** Sends a detail once per check: a double press answers "already sent above". */
async function onceFor(ctx: BotContext, checkId: string, what: string): Promise<boolean> {
  const { redis, keys } = ctx.deps;
  const first = await redis.set(keys.checkShown(checkId, what), "1", "EX", CHECK_TTL_SECONDS, "NX");
  if (first === "OK") return true;
  await ctx.answerCallbackQuery({ text: ctx.t("verdict-shown-already") });
  return false;
}

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.callbackQuery(checkAnotherData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("check-prompt"));
});

feature.callbackQuery(verdictData.filter, async (ctx) => {
  const data = verdictData.unpack(ctx.callbackQuery.data);
  if (!data) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-expired") }));
  const text = await checkedTextOf(ctx, data.check);
  if (text === undefined) return;
  if (data.action === "up" || data.action === "down") {
    const vote = await recordCheckVote(ctx.deps.redis, ctx.deps.keys, data.check, data.action, new Date());
    await ctx.answerCallbackQuery({
      text: ctx.t(vote === "counted" ? "verdict-vote-thanks" : "verdict-vote-already"),
    });
    return;
  }
  if (!(await onceFor(ctx, data.check, data.action))) return;
  await ctx.answerCallbackQuery();
  const { result, known } = await screenWithLookup(ctx.deps.reports, text);
  const options = { link_preview_options: { is_disabled: true } };
  if (data.action === "why") await ctx.reply(renderReasons(ctx.t, result, known), options);
  else if (data.action === "do") await ctx.reply(renderAdvice(ctx.t, result), options);
  else {
    await ctx.reply(ctx.t("verdict-share-intro"));
    await ctx.reply(renderShareCard(ctx.t, result, ctx.me.username), options);
  }
});

feature.on("message:text", async (ctx, next) => {
  if (ctx.msg.text.startsWith("/")) return next();
  await checkText(ctx, ctx.msg.text, ctx.msg);
});

feature.on("message:caption", async (ctx) => {
  await checkText(ctx, ctx.msg.caption, ctx.msg);
});

export { composer as checkFeature };
