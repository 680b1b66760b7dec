/**
 * Renders a screening result as readable text through the Fluent files in locales/, the same
 * messages the bot uses.
 */
import { dirname, join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { dataFilePath } from "#src/screening/data-files.js";
import type { MessageRef, ScreeningResult } from "#src/screening/types.js";

export const CLI_LOCALES = ["id", "en"] as const;
export type CliLocale = (typeof CLI_LOCALES)[number];

let i18n: I18n | undefined;

/** The Fluent bundle of the package's locales/ directory. */
export function localeBundle(): I18n {
  i18n ??= new I18n({
    defaultLocale: "id",
    directory: join(dirname(dataFilePath("indicators.json")), "..", "locales"),
    fluentBundleOptions: { useIsolating: false },
  });
  return i18n;
}

export function translate(locale: CliLocale, ref: MessageRef): string {
  return localeBundle().t(locale, ref.key, ref.args);
}

export function renderResult(result: ScreeningResult, locale: CliLocale): string {
  const t = (key: string, args?: Record<string, string | number>): string =>
    translate(locale, { key, ...(args ? { args } : {}) });
  const lines: string[] = [];
  lines.push(t("screening-cli-result", { level: t(`screening-level-${result.level}`), score: result.score }));
  lines.push(t(`screening-kind-${result.kind}`));
  if (result.destinations.length > 0)
    lines.push(t("screening-cli-destinations", { countries: result.destinations.join(", ") }));
  lines.push("");
  const reasons = result.indicators.filter((h) => h.strength !== 0);
  if (reasons.length === 0) lines.push(t("screening-cli-no-reasons"));
  else {
    lines.push(t("screening-cli-reasons"));
    for (const hit of reasons) {
      const sign = hit.strength < 0 ? "+" : "!";
      lines.push(`  ${sign} ${translate(locale, hit.message)}`);
      const quotes = hit.evidence.map((e) => `"${e.quote.replace(/\s+/g, " ")}"`).join(", ");
      if (quotes) lines.push(`      ${quotes}`);
    }
  }
  if (result.advice.length > 0) {
    lines.push("", t("screening-cli-advice"));
    for (const ref of result.advice) lines.push(`  - ${translate(locale, ref)}`);
  }
  return lines.join("\n");
}
