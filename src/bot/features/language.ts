import { Composer } from "grammy";
import { setChatCommands } from "#src/bot/commands.js";
import type { BotContext } from "#src/bot/context.js";
import { languageKeyboard } from "#src/bot/keyboards/language.js";
import { languageData } from "#src/callback-data/language.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("language", async (ctx) => {
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) });
});

feature.callbackQuery(languageData.filter, async (ctx) => {
  const choice = languageData.unpack(ctx.callbackQuery.data);
  if (!choice) {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-expired") });
    return;
  }
  const unchanged = ctx.session.locale === choice.locale;
  ctx.session.locale = choice.locale;
  ctx.i18n.useLocale(choice.locale);
  // A second press of the same button edits nothing (Telegram rejects an identical edit).
  if (unchanged) {
    await ctx.answerCallbackQuery({ text: ctx.t("language-already") });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
  await setChatCommands(ctx.api, ctx.deps.i18n, ctx.chat.id, choice.locale);
});

export { composer as languageFeature };
