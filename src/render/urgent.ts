/**
 * The answer to urgent words ("sudah berangkat … hp nya ditahan"): what to do now, the Indonesian
 * embassy in the place named and the national hotline, before anything else. Labels come from the
 * locale (hotline-name), so the Indonesian UI has Indonesian names; numbers from
 * data/hotlines.json through hotlinesFor.
 */

import { hotlinesFor } from "#src/render/hotlines.js";
import type { Translate } from "#src/render/translate.js";

/** Countries with an Indonesian mission in data/hotlines.json, besides Indonesia itself. */
function missionLines(t: Translate, countries: readonly string[]): string[] {
  const lines: string[] = [];
  for (const country of countries.slice(0, 2)) {
    for (const h of hotlinesFor(country).filter((h) => h.country === country.toUpperCase())) {
      const name = t("hotline-name", { hotline: h.id, name: h.name });
      lines.push(h.number ? `☎️ ${name}: ${h.number}` : `🏛 ${name}: ${t("hotline-no-number")}`);
    }
  }
  return lines;
}

function nationalLines(t: Translate): string[] {
  return hotlinesFor(undefined).map(
    (h) => `☎️ ${t("hotline-name", { hotline: h.id, name: h.name })}: ${h.number ?? ""}`,
  );
}

/**
 * `countries`: destinations the text names, most likely first (ISO alpha-2). `where`: under a
 * check (a 🆘 button follows) or inside a report already under way.
 */
export function renderUrgentAnswer(
  t: Translate,
  countries: readonly string[],
  where: "check" | "in-report" = "check",
): string {
  const missions = missionLines(t, countries);
  const parts = [t("urgent-title")];
  parts.push(
    missions.length > 0
      ? `${t("urgent-step-embassy")}\n${missions.join("\n")}`
      : t("urgent-step-embassy-unknown"),
  );
  parts.push(`${t("urgent-step-national")}\n${nationalLines(t).join("\n")}`);
  parts.push(t("urgent-step-keep"));
  parts.push(t(where === "check" ? "urgent-step-report" : "urgent-step-report-in-report"));
  return parts.join("\n\n");
}
