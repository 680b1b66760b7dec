/**
 * The focal-point part of an officer's case card: each focal answer in the case history
 * ("KH focal point: person located, 14:02"), "waiting for review" in review mode, and the time left
 * on each running deadline.
 */
import { FormattedString, fmt } from "@grammyjs/parse-mode";
import type { Translate } from "#src/render/translate.js";
import type { DeadlineKind } from "#src/reports/deadlines.js";
import type { FocalAnswer } from "#src/reports/focal-responses.js";

export interface FocalCardState {
  responses: Array<{ country: string; answer: FocalAnswer; at: string }>;
  waitingReview: boolean;
  deadlines: Array<{ kind: DeadlineKind; dueAt: number }>;
  /** ms, for "time left". */
  now: number;
}

const MAX_RESPONSES = 6;

/** "25 min", "3 h 10 min", "2 d 4 h": short and language-neutral enough for a card. */
export function timeLeft(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function focalCardLines(
  state: FocalCardState | undefined,
  t: Translate,
  countryLabel: (code: string) => string,
): FormattedString[] {
  if (!state) return [];
  const lines: FormattedString[] = [];
  if (state.waitingReview) lines.push(fmt`${FormattedString.bold(t("focal-card-waiting-review"))}`);
  for (const deadline of state.deadlines) {
    const left = deadline.dueAt - state.now;
    lines.push(
      fmt`${t(`focal-card-deadline-${deadline.kind}`, {
        left: left > 0 ? timeLeft(left) : t("focal-card-deadline-overdue"),
      })}`,
    );
  }
  for (const r of state.responses.slice(-MAX_RESPONSES)) {
    lines.push(
      fmt`🌏 ${t("focal-card-response", {
        country: r.country === "default" ? "—" : countryLabel(r.country),
        answer: t(`fp-answer-${r.answer}`).toLowerCase(),
        time: `${r.at.slice(0, 10)} ${r.at.slice(11, 16)}`,
      })}`,
    );
  }
  return lines;
}
