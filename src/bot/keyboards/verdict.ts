/** The buttons under a verdict: details on demand, report, share, feedback, another check. */
import { InlineKeyboard } from "grammy";
import type { Translate } from "#src/bot/context.js";
import {
  checkAnotherData,
  reportThisData,
  type VerdictAction,
  verdictData,
} from "#src/callback-data/check.js";

export function verdictKeyboard(
  t: Translate,
  checkId: string,
  more: number,
  contacts: number,
): InlineKeyboard {
  const pack = (action: VerdictAction) => verdictData.pack({ action, check: checkId });
  const keyboard = new InlineKeyboard();
  if (more > 0) keyboard.text(t("verdict-button-why", { count: more }), pack("why"));
  else if (contacts > 0) keyboard.text(t("verdict-button-why-contacts"), pack("why"));
  return keyboard
    .text(t("verdict-button-do"), pack("do"))
    .row()
    .text(t("check-button-report"), reportThisData.pack({ check: checkId }))
    .text(t("verdict-button-share"), pack("share"))
    .row()
    .text(t("verdict-button-up"), pack("up"))
    .text(t("verdict-button-down"), pack("down"))
    .row()
    .text(t("check-button-again"), checkAnotherData);
}
