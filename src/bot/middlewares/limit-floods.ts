/**
 * The first line against floods: every update from a person (outside the officers' group) takes a
 * token from their "message" bucket before anything else runs, so a refused update costs one Redis
 * round trip — no session, no conversation replay, nothing appended to any log — and one account
 * cannot slow the bot for others. The first refusal of a burst is answered, the rest are dropped.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { localeFromLanguageCode } from "#src/bot/i18n.js";
import type { Asker, BucketKind } from "#src/bot/rate-limits.js";
import type { Locale } from "#src/config.js";
import { isLocale } from "#src/render/locales.js";

/**
 * The language to answer in: the session's, which may not be loaded yet when this runs first —
 * then read from Redis (only for the one notice of a burst), else the app's language.
 */
async function localeOf(ctx: BotContext): Promise<Locale> {
  const { deps } = ctx;
  const fallback = localeFromLanguageCode(ctx.from?.language_code, deps.config.DEFAULT_LOCALE);
  let loaded: { locale?: unknown } | undefined;
  try {
    loaded = ctx.session;
  } catch {
    loaded = undefined;
  }
  if (isLocale(loaded?.locale)) return loaded.locale;
  if (!ctx.chat) return fallback;
  try {
    const raw = await deps.redis.get(deps.keys.session(deps.pseudonymize("chat", ctx.chat.id)));
    const stored = raw ? (JSON.parse(raw) as { locale?: unknown }).locale : undefined;
    return isLocale(stored) ? stored : fallback;
  } catch {
    return fallback;
  }
}

/** The person behind an update, for a rate limit; the answer goes to the chat in their language. */
export function askerOf(ctx: BotContext): Asker | undefined {
  if (!ctx.from) return undefined;
  const { deps } = ctx;
  const chatId = ctx.chat?.id;
  return {
    userId: ctx.from.id,
    tell: async (key, args) => {
      const text = deps.i18n.t(await localeOf(ctx), key, args);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (chatId !== undefined && ctx.chat?.type === "private") await ctx.api.sendMessage(chatId, text);
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
