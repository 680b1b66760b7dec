import type { Locale } from "#src/config.js";

/** The languages people may choose; Khmer (focal posts only) is loaded but never offered. */
export const SUPPORTED_LOCALES: readonly Locale[] = ["id", "en"];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
