/**
 * What a person sees when handling their update fails: never silence. While Redis is away they
 * are told the bot is temporarily unavailable; any other failure gets a short apology. The reply
 * is rendered without the session (it may be the thing that failed), from their app language.
 */
import { type BotError, GrammyError, HttpError } from "grammy";
import type { BotContext, BotDeps, SessionData } from "#src/bot/context.js";
import { localeFromLanguageCode } from "#src/bot/i18n.js";
import { updateType } from "#src/bot/middlewares/observe-updates.js";
import type { Locale } from "#src/config.js";
import { isLocale } from "#src/render/locales.js";

function isStorageOutage(error: unknown, deps: BotDeps): boolean {
  if (deps.redis.status !== "ready") return true;
  const text = error instanceof Error ? `${error.name} ${error.message}` : "";
  return /MaxRetriesPerRequest|Connection is closed|enableOfflineQueue|ECONNREFUSED|ECONNRESET|Command timed out/i.test(
    text,
  );
}

function kindOf(error: unknown, outage: boolean): string {
  if (outage) return "storage_unavailable";
  if (error instanceof GrammyError) return "telegram_api";
  if (error instanceof HttpError) return "telegram_network";
  return "internal";
}

/** The session's language if it was loaded before the failure, else the Telegram app language. */
function chosenLocale(ctx: BotContext, deps: BotDeps): Locale {
  try {
    const stored = (ctx as { session?: SessionData }).session?.locale;
    if (isLocale(stored)) return stored;
  } catch {
    // The session getter throws when the session never loaded.
  }
  return localeFromLanguageCode(ctx.from?.language_code, deps.config.DEFAULT_LOCALE);
}

export function createErrorHandler(deps: BotDeps) {
  return async (err: BotError<BotContext>): Promise<void> => {
    const ctx = err.ctx;
    const outage = isStorageOutage(err.error, deps);
    const kind = kindOf(err.error, outage);
    deps.metrics.updateErrors.inc({ kind });
    (ctx.logger ?? deps.logger).error(
      { err: err.error, kind, updateId: ctx.update.update_id, type: updateType(ctx) },
      "update handling failed",
    );
    if (kind === "telegram_api" || kind === "telegram_network") return; // telling them would fail the same way
    const key = outage ? "error-unavailable" : "error-generic";
    const text = deps.i18n.t(chosenLocale(ctx, deps), key);
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
      else if (ctx.chat?.type === "private") await ctx.reply(text);
    } catch (replyError) {
      deps.logger.warn(
        { err: replyError, updateId: ctx.update.update_id },
        "could not tell the user about a failure",
      );
    }
  };
}
