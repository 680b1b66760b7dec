import { InlineKeyboard } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { languageData } from "#src/callback-data/language.js";
import { SUPPORTED_LOCALES } from "#src/render/locales.js";

/** One button per supported locale, each labelled in its own language. */
export function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) {
    keyboard.text(ctx.i18n.fluent.translate(locale, "language-name"), languageData.pack({ locale })).row();
  }
  return keyboard;
}
