/**
 * The language model's second opinion as a section under a check reply. It is shown only when it
 * adds something the rules did not find (a reason with a quote verified in the text) or raises the
 * level; it never restates or lowers the rules' result. Plain text, like the reply it extends.
 */
import { type GuardedOpinion, INJECTION_INDICATOR } from "#src/analysis/guards.js";
import { clip } from "#src/render/clip.js";
import { LEVEL_MARK } from "#src/render/screening.js";
import type { Translate } from "#src/render/translate.js";
import { LEVELS, type Level } from "#src/screening/types.js";

/** Telegram's limit for a message text. */
export const MAX_MESSAGE_LENGTH = 4096;
const MAX_REASONS = 4;
const MAX_QUOTE = 80;

const rank = (level: Level): number => LEVELS.indexOf(level);
const levelName = (t: Translate, level: Level) => `${LEVEL_MARK[level]} ${t(`check-level-name-${level}`)}`;

/** What the opinion adds to the rules' result; nothing when it only agrees (or would lower). */
export function opinionAdditions(opinion: GuardedOpinion): {
  raised: boolean;
  added: GuardedOpinion["indicators"];
} {
  // The injection indicator is the guards' own finding, not the model's; the rules show it already.
  const added = opinion.indicators.filter((i) => i.added && i.id !== INJECTION_INDICATOR);
  return { raised: rank(opinion.level) > rank(opinion.ruleLevel), added };
}

/**
 * The reply with the second opinion appended, within Telegram's limit (reasons that do not fit are
 * left out, the last resort clips), or undefined when the opinion adds nothing.
 */
export function withOpinion(t: Translate, reply: string, opinion: GuardedOpinion): string | undefined {
  const { raised, added } = opinionAdditions(opinion);
  if (!raised && added.length === 0) return undefined;
  const head = [`${reply}\n\n${t("check-opinion-title")}`];
  if (raised)
    head.push(
      t("check-opinion-level", {
        level: levelName(t, opinion.level),
        rules: levelName(t, opinion.ruleLevel),
      }),
    );
  let text = head.join("\n");
  if (added.length > 0) {
    const reasons = added
      .slice(0, MAX_REASONS)
      .map((i) => `• ${t(`screening-indicator-${i.id}`)} — “${clip(i.quote, MAX_QUOTE)}”`);
    let block = `\n${t("check-opinion-reasons")}`;
    for (const line of reasons) {
      if (text.length + block.length + 1 + line.length > MAX_MESSAGE_LENGTH) break;
      block += `\n${line}`;
    }
    if (block.includes("\n•")) text += block;
    else if (!raised) return undefined;
  }
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}
