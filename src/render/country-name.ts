import type { FocalLocale, Locale } from "#src/config.js";

/** One DisplayNames per locale: building one costs far more than a look-up. */
const displayNames = new Map<string, Intl.DisplayNames | undefined>();

function namesFor(locale: string): Intl.DisplayNames | undefined {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      names = undefined;
    }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale);
}

/** A country's name in a locale (also Khmer, for focal posts), from the ICU data Node ships. */
export function countryName(locale: Locale | FocalLocale, code: string): string {
  try {
    return namesFor(locale)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
