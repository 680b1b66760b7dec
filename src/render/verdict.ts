/**
 * The answer to a check as a person reads it on a phone: a short verdict (at most ~600 characters:
 * level, the three strongest reasons with quotes, two or three actions), and the details it leaves
 * out, each behind a button — every reason, the full advice, a warning card to forward. Plain text
 * (no parse mode), so nothing from the offer can inject markup.
 */

import { clip } from "#src/render/clip.js";
import { levelLine } from "#src/render/screening.js";
import type { Translate } from "#src/render/translate.js";
import type { IndicatorHit, KnownIdentifier, ScreeningResult } from "#src/screening/types.js";

/** The verdict's budget; the length test holds every verdict of the labelled corpus to it. */
export const MAX_VERDICT_LENGTH = 600;
const SHOWN_REASONS = 3;
/** Telegram's limit is 4096; the details leave room for a second opinion appended later. */
const MAX_DETAILS_LENGTH = 3800;

/** The reasons a person is shown: what raised the level, contacts reported before, the model's finds. */
export function reasonsOf(result: ScreeningResult): IndicatorHit[] {
  const reasons = result.indicators.filter(
    (i) => i.points > 0 || i.source === "known_identifier" || (i.source === "model" && i.strength > 0),
  );
  // What earlier reports say (this contact, this very text) comes first: it is the strongest evidence.
  const known = (i: IndicatorHit) => i.id.startsWith("known_") && i.id !== "known_licensed_agency";
  return [...reasons.filter(known), ...reasons.filter((i) => !known(i))];
}

/** A reason's name: the first sentence of its explanation ("Pekerjaan di Kamboja."). */
function reasonName(t: Translate, hit: IndicatorHit, max: number): string {
  const full = t(hit.message.key, hit.message.args);
  const first = /^(.+?[.!?])(?:\s|$)/u.exec(full)?.[1] ?? full;
  return clip(first, max);
}

/** Short actions, each about a shown reason or about the level: never about a reason left out. */
function actionsFor(result: ScreeningResult, shown: readonly IndicatorHit[]): string[] {
  const keys: string[] = [];
  const has = (prefix: string) => shown.some((h) => h.id.startsWith(prefix));
  if (result.kind === "warning_about_scams" || result.kind === "story") keys.push("verdict-do-share-warning");
  if (has("doc_")) keys.push("verdict-do-keep-documents");
  if (has("cost_")) keys.push("verdict-do-no-fees");
  if (has("known_")) keys.push("verdict-do-known-contact");
  if (result.level === "low") keys.push("verdict-do-official", "verdict-do-ask");
  else keys.push("verdict-do-verify", "verdict-do-report");
  return keys;
}

interface Budget {
  name: number;
  quote: number;
  actions: number;
}
/** Tried in turn until the verdict fits. */
const BUDGETS: Budget[] = [
  { name: 110, quote: 60, actions: 3 },
  { name: 90, quote: 45, actions: 3 },
  { name: 80, quote: 35, actions: 2 },
  { name: 60, quote: 25, actions: 2 },
  { name: 50, quote: 0, actions: 1 },
];

export interface Verdict {
  text: string;
  /** Reasons not in the verdict ("Why? (N more)"). */
  more: number;
}

function compose(t: Translate, result: ScreeningResult, known: KnownIdentifier[], budget: Budget): string {
  const parts = [levelLine(t, result.level)];
  if (result.kind === "warning_about_scams") parts.push(t("check-kind-warning"));
  if (result.kind === "official_programme") parts.push(t("check-kind-official"));
  const reasons = reasonsOf(result);
  const shown = reasons.slice(0, SHOWN_REASONS);
  if (shown.length > 0) {
    const lines = shown.map((hit) => {
      const q = hit.evidence[0]?.quote;
      const quote = q && budget.quote > 0 ? ` — “${clip(q, budget.quote, "")}”` : "";
      return `• ${reasonName(t, hit, budget.name)}${quote}`;
    });
    parts.push(`${t("verdict-reasons-title")}\n${lines.join("\n")}`);
  } else {
    parts.push(t("check-no-reasons"));
  }
  const reported = known.filter((k) => k.reports > 0 || k.verdict === "known_recruiter").length;
  if (reported > 0) parts.push(t("verdict-contacts-reported", { count: reported }));
  const actions = actionsFor(result, shown).slice(0, budget.actions);
  parts.push(`${t("verdict-actions-title")}\n${actions.map((k) => `• ${t(k)}`).join("\n")}`);
  return parts.join("\n\n");
}

/**
 * The short verdict, within MAX_VERDICT_LENGTH (shorter names and quotes, fewer actions if needed);
 * `room` is what is left of it when something goes above the verdict (a screenshot's header).
 */
export function renderVerdict(
  t: Translate,
  result: ScreeningResult,
  known: KnownIdentifier[] = [],
  room = MAX_VERDICT_LENGTH,
): Verdict {
  const more = Math.max(0, reasonsOf(result).length - SHOWN_REASONS);
  for (const budget of BUDGETS) {
    const text = compose(t, result, known, budget);
    if (text.length <= room) return { text, more };
  }
  return { text: clip(compose(t, result, known, BUDGETS.at(-1)!), room), more };
}

function bounded(text: string): string {
  return text.length > MAX_DETAILS_LENGTH ? `${text.slice(0, MAX_DETAILS_LENGTH - 1)}…` : text;
}

/** "Why?": every reason with its quote, and every recognised contact with how often it was reported. */
export function renderReasons(t: Translate, result: ScreeningResult, known: KnownIdentifier[]): string {
  const reasons = reasonsOf(result);
  const parts: string[] = [];
  if (reasons.length > 0) {
    const lines = reasons.map((hit) => {
      const q = hit.evidence[0]?.quote;
      return `• ${t(hit.message.key, hit.message.args)}${q ? ` — “${clip(q, 80, "")}”` : ""}`;
    });
    parts.push(`${t("verdict-why-title", { count: reasons.length })}\n${lines.join("\n")}`);
  } else {
    parts.push(t("check-no-reasons"));
  }
  if (known.length > 0) {
    const lines = known.slice(0, 8).map((k) => {
      const shown = k.kind === "telegram_handle" ? `@${k.value}` : k.value;
      const verdict = k.verdict ? ` — ${t(`check-verdict-${k.verdict}`)}` : "";
      const times = k.reports > 0 ? t("check-reported-times", { count: k.reports }) : t("check-not-reported");
      return `• ${shown}: ${times}${verdict}`;
    });
    parts.push(`${t("check-identifiers-title")}\n${lines.join("\n")}`);
  }
  return bounded(parts.join("\n\n"));
}

/** "What to do": the full advice the reasons call for (the reasons are one press away, under "Why?"). */
export function renderAdvice(t: Translate, result: ScreeningResult): string {
  const advice = result.advice.map((a) => `• ${t(a.key, a.args)}`);
  if (advice.length === 0) advice.push(`• ${t("verdict-do-official")}`, `• ${t("verdict-do-ask")}`);
  return bounded(`${t("check-advice-title")}\n${advice.join("\n")}`);
}

/**
 * A warning a person can forward to a family group: the warning signs by name and what to do, with
 * nothing of the text she checked — no quote, no contact, no amount (reasons with arguments, which
 * carry such values, are left out).
 */
export function renderShareCard(t: Translate, result: ScreeningResult, bot: string): string {
  const signs = reasonsOf(result)
    .filter((h) => h.source !== "known_identifier" && h.source !== "model" && !h.message.args)
    .slice(0, 5)
    .map((h) => `• ${reasonName(t, h, 110)}`);
  const parts = [t("verdict-share-title")];
  if (signs.length > 0) parts.push(`${t("verdict-share-signs")}\n${signs.join("\n")}`);
  parts.push(
    `${t("verdict-share-do")}\n• ${t("verdict-share-do-1")}\n• ${t("verdict-share-do-2")}\n• ${t("verdict-share-do-3")}`,
  );
  parts.push(t("verdict-share-footer", { bot }));
  return parts.join("\n\n");
}

/** A bare number, handle or link: how often each was reported, and that "never" is not "safe". */
export function renderIdentifierAnswer(t: Translate, known: KnownIdentifier[]): string {
  const lines = known.slice(0, 8).map((k) => {
    const shown = k.kind === "telegram_handle" ? `@${k.value}` : k.value;
    const verdict = k.verdict ? ` — ${t(`check-verdict-${k.verdict}`)}` : "";
    const times = k.reports > 0 ? t("check-reported-times", { count: k.reports }) : t("check-not-reported");
    return `• ${shown}: ${times}${verdict}`;
  });
  const reported = known.some((k) => k.reports > 0 || k.verdict === "known_recruiter");
  return [
    `${t("identifier-answer-title")}\n${lines.join("\n")}`,
    t(reported ? "identifier-answer-reported" : "identifier-answer-not-reported"),
  ].join("\n\n");
}
