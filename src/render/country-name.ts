import type { FocalLocale, Locale } from "#src/config.js";

/** A country's name in a locale (also Khmer, for focal posts), from the ICU data Node ships. */
export function countryName(locale: Locale | FocalLocale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
