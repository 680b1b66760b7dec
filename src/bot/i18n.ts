/**
 * Translations: Fluent files in locales/ (`id.ftl`, `id.screening.ftl`, … — a file belongs to the
 * locale named before its first dot). A person's language is what they chose with /language,
 * otherwise their Telegram app language at first contact, otherwise DEFAULT_LOCALE.
 *
 * Every file in locales/ is loaded, so `km.focal.ftl` makes Khmer available to the translator (locale "km")
 * for focal-point posts; people never get Khmer, because only SUPPORTED_LOCALES are negotiated.
 */
import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import type { Locale } from "#src/config.js";
import { isLocale } from "#src/render/locales.js";
import { dataFilePath } from "#src/screening/data-files.js";

/** locales/ beside data/ at the package root, whether running from src/ or dist/src/. */
export const LOCALES_DIR = join(dataFilePath(""), "..", "locales");

export function createI18n<C extends Context & { session?: { locale?: string } }>(
  defaultLocale: Locale,
): I18n<C> {
  return new I18n<C>({
    defaultLocale,
    localeNegotiator: (ctx) => {
      const chosen = ctx.session?.locale;
      return isLocale(chosen) ? chosen : localeFromLanguageCode(ctx.from?.language_code, defaultLocale);
    },
    directory: LOCALES_DIR,
    // Unicode isolation marks around placeables show up as stray characters in some Telegram clients.
    fluentBundleOptions: { useIsolating: false },
  });
}

/** Translates into the officers' language (MODERATOR_LOCALE, else DEFAULT_LOCALE), whoever pressed. */
export function moderatorTranslate(ctx: BotContext) {
  const locale = ctx.deps.config.MODERATOR_LOCALE ?? ctx.deps.config.DEFAULT_LOCALE;
  return (key: string, args?: Record<string, string | number>) => ctx.deps.i18n.t(locale, key, args);
}

/** Maps a Telegram `language_code` (IETF tag such as "en-GB", "id", "in") to a supported locale. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale): Locale {
  const primary = code?.toLowerCase().split(/[-_]/)[0];
  if (primary === "en") return "en";
  // "in" is the deprecated ISO 639 code for Indonesian that some Android clients still send.
  if (primary === "id" || primary === "in") return "id";
  return fallback;
}
