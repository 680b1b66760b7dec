/**
 * A screening result as a person reads it: the level, the reasons strongest first each with the
 * words quoted from their text, what was recognised about the recruiter and how often it was
 * reported, and what to do. Plain text (no parse mode), so nothing from the offer can inject markup.
 */

import { clip } from "#src/render/clip.js";
import type { Translate } from "#src/render/translate.js";
import type { KnownIdentifier, Level, ScreeningResult } from "#src/screening/types.js";

export const LEVEL_MARK: Record<Level, string> = { low: "🟢", medium: "🟡", high: "🟠", critical: "🔴" };
const MAX_REASONS = 6;
const MAX_QUOTE = 80;
const MAX_IDENTIFIERS = 8;
/** Telegram's limit is 4096; leave room for a header the caller may add. */
const MAX_LENGTH = 3800;

function quote(text: string): string {
  return clip(text, MAX_QUOTE, "");
}

export function levelLine(t: Translate, level: Level): string {
  return `${LEVEL_MARK[level]} ${t(`check-level-${level}`)}`;
}

export function renderScreening(
  t: Translate,
  result: ScreeningResult,
  known: KnownIdentifier[] = [],
): string {
  const parts: string[] = [levelLine(t, result.level)];
  if (result.kind === "warning_about_scams") parts.push(t("check-kind-warning"));
  if (result.kind === "official_programme") parts.push(t("check-kind-official"));

  const reasons = result.indicators
    .filter(
      (i) => i.points > 0 || i.source === "known_identifier" || (i.source === "model" && i.strength > 0),
    )
    .slice(0, MAX_REASONS);
  if (reasons.length > 0) {
    const lines = reasons.map((hit) => {
      const evidence = hit.evidence[0] ? ` — “${quote(hit.evidence[0].quote)}”` : "";
      return `• ${t(hit.message.key, hit.message.args)}${evidence}`;
    });
    parts.push(`${t("check-reasons-title")}\n${lines.join("\n")}`);
  } else {
    parts.push(t("check-no-reasons"));
  }

  const seen = known.slice(0, MAX_IDENTIFIERS);
  if (seen.length > 0) {
    const lines = seen.map((k) => {
      const shown = k.kind === "telegram_handle" ? `@${k.value}` : k.value;
      const verdict = k.verdict ? ` — ${t(`check-verdict-${k.verdict}`)}` : "";
      const times = k.reports > 0 ? t("check-reported-times", { count: k.reports }) : t("check-not-reported");
      return `• ${shown}: ${times}${verdict}`;
    });
    parts.push(`${t("check-identifiers-title")}\n${lines.join("\n")}`);
  }

  if (result.advice.length > 0) {
    parts.push(`${t("check-advice-title")}\n${result.advice.map((a) => `• ${t(a.key, a.args)}`).join("\n")}`);
  }
  const text = parts.join("\n\n");
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
