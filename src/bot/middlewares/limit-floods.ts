/**
 * The first line against floods: every update from a person (outside the officers' group) takes a
 * token from their "message" bucket before anything else runs, so a refused update costs one Redis
 * round trip — no session, no conversation replay, nothing appended to any log — and one account
 * cannot slow the bot for others. The first refusal of a burst is answered, the rest are dropped.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { isLocale, localeFromLanguageCode } from "#src/bot/i18n.js";
import type { Asker, BucketKind } from "#src/bot/rate-limits.js";

/** The person behind an update, for a rate limit; the answer goes to the chat in their language. */
export function askerOf(ctx: BotContext): Asker | undefined {
  if (!ctx.from) return undefined;
  const { deps } = ctx;
  // The session may not be loaded yet (this runs first); the app language is a fair guess then.
  const session = (() => {
    try {
      return ctx.session;
    } catch {
      return undefined;
    }
  })();
  const locale = isLocale(session?.locale)
    ? session.locale
    : localeFromLanguageCode(ctx.from.language_code, deps.config.DEFAULT_LOCALE);
  const chatId = ctx.chat?.id;
  return {
    userId: ctx.from.id,
    locale,
    tell: async (key, args) => {
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery({ text: deps.i18n.t(locale, key, args) });
      } else if (chatId !== undefined && ctx.chat?.type === "private") {
        await ctx.api.sendMessage(chatId, deps.i18n.t(locale, key, args));
      }
    },
  };
}

/** One token of a kind for the person behind this update; false (after telling them once) when spent. */
export async function takeFor(ctx: BotContext, kind: BucketKind): Promise<boolean> {
  const asker = askerOf(ctx);
  return asker ? ctx.deps.limits.take(asker, kind) : true;
}

export function limitFloods(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const officersChat = ctx.chat !== undefined && ctx.chat.id === ctx.deps.config.MODERATOR_CHAT_ID;
    if (ctx.from && !ctx.from.is_bot && !officersChat && !(await takeFor(ctx, "message"))) return;
    await next();
  };
}
