import { InlineKeyboard } from "grammy";
import { languageData } from "#src/bot/callback-data/language.js";
import type { BotContext } from "#src/bot/context.js";
import { SUPPORTED_LOCALES } from "#src/bot/i18n.js";

/** One button per supported locale, each labelled in its own language. */
export function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) {
    keyboard.text(ctx.i18n.fluent.translate(locale, "language-name"), languageData.pack({ locale })).row();
  }
  return keyboard;
}
