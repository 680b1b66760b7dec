import { Keyboard } from "grammy";
import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Departed } from "#src/bot/conversations/report/draft.js";
import { askYesNoUnknown } from "#src/bot/conversations/report/steps/money.js";
import { renderHotlines } from "#src/render/hotlines.js";

export const RELATIONSHIPS = ["child", "spouse", "sibling", "parent", "relative", "friend", "self", "other"];

async function optionalText(d: Dialog, step: string, text: string): Promise<string | undefined> {
  const answer = await d.ask({
    step,
    text,
    skip: true,
    accept: ["text"],
    wrongInput: d.t("report-wrong-input-text"),
  });
  return answer.kind === "text" ? answer.text.trim() : undefined;
}

/**
 * Step 6: has someone already left? If so, the report becomes urgent, the hotlines for the
 * destination are shown at once, and the person may share a location.
 */
export async function collectDeparted(d: Dialog, country: string | undefined): Promise<Departed | null> {
  const left = await d.ask({
    step: "left",
    progress: 6,
    text: d.t("report-departed-question"),
    choices: [
      [
        ["yes", d.t("answer-yes")],
        ["no", d.t("answer-no")],
      ],
    ],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  if (left.kind !== "choice" || left.value !== "yes") return null;

  // Help first, questions after: the numbers matter more than the form.
  await d.say(`${d.t("report-urgent-hotlines")}\n\n${renderHotlines(d.t, country)}`);

  const relationship = await d.ask({
    step: "relationship",
    text: d.t("report-departed-who"),
    choices: [
      RELATIONSHIPS.slice(0, 4).map((r) => [r, d.t(`relationship-${r}`)] as [string, string]),
      RELATIONSHIPS.slice(4).map((r) => [r, d.t(`relationship-${r}`)] as [string, string]),
    ],
    accept: ["text"],
    wrongInput: d.t("report-use-buttons"),
  });
  const departed: Departed = {
    relationship:
      relationship.kind === "choice"
        ? relationship.value
        : relationship.kind === "text"
          ? relationship.text.slice(0, 80)
          : "other",
    canCommunicate: "unknown",
    passportTaken: "unknown",
  };
  departed.when = await optionalText(d, "when", d.t("report-departed-when"));
  departed.lastContact = await optionalText(d, "last-contact", d.t("report-departed-last-contact"));
  departed.whereabouts = await optionalText(d, "whereabouts", d.t("report-departed-whereabouts"));
  departed.canCommunicate = await askYesNoUnknown(d, "communicate", d.t("report-departed-can-communicate"));
  departed.passportTaken = await askYesNoUnknown(d, "passport-taken", d.t("report-departed-passport-taken"));

  const location = await d.ask({
    step: "location",
    text: d.t("report-departed-location"),
    replyKeyboard: new Keyboard().requestLocation(d.t("report-button-share-location")).resized().oneTime(),
    skip: true,
    accept: ["location"],
    wrongInput: d.t("report-departed-location-wrong"),
  });
  if (location.kind === "location" && location.message.location) {
    const { latitude, longitude } = location.message.location;
    departed.location = { latitude, longitude };
  }
  await d.say(d.t("report-noted"), { removeKeyboard: true });
  return departed;
}
