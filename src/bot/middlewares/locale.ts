/**
 * Fixes a person's language at first contact from their Telegram app language, so later changes
 * of the app do not switch the bot under them; /language changes it explicitly.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { localeFromLanguageCode } from "#src/bot/i18n.js";
import { isLocale } from "#src/render/locales.js";

export function rememberLocale(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.chat?.type === "private" && !isLocale(ctx.session.locale)) {
      ctx.session.locale = localeFromLanguageCode(ctx.from?.language_code, ctx.deps.config.DEFAULT_LOCALE);
    }
    await next();
  };
}
