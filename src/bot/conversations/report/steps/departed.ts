import { Keyboard } from "grammy";
import { askYesNoUnknown, checked, type Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Departed, Draft } from "#src/bot/conversations/report/draft.js";
import { renderHotlines } from "#src/render/hotlines.js";
import { extract } from "#src/screening/extract/index.js";
import { normalise } from "#src/screening/normalise.js";

export const RELATIONSHIPS = ["child", "spouse", "sibling", "parent", "relative", "friend", "self", "other"];

/**
 * Step 6: has someone already left? If so, the report becomes urgent and the hotlines for the
 * destination are shown at once (once per report); the questions about the person follow.
 */
export async function askLeft(d: Dialog, draft: Draft): Promise<void> {
  const left = await d.ask({
    step: "left",
    text: d.t("report-departed-question"),
    choices: [
      [
        ["yes", checked(d.t("answer-yes"), draft.departed !== null)],
        ["no", d.t("answer-no")],
      ],
    ],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  if (left.kind !== "choice" || left.value !== "yes") {
    draft.departed = null;
    return;
  }
  draft.departed ??= { relationship: "other", canCommunicate: "unknown", passportTaken: "unknown" };
  if (draft.hotlinesShown) return;
  // Help first, questions after: the numbers matter more than the form.
  const country = draft.destination.country ?? draft.prefill?.country;
  await d.say(`${d.t("report-urgent-hotlines")}\n\n${renderHotlines(d.t, country)}`);
  draft.hotlinesShown = true;
  draft.hotlinesCountry = country;
}

/** The country of a place named in what the person wrote ("di Bavet" → KH), if any. */
export function countryNamedIn(text: string): string | undefined {
  return extract(normalise(text)).places.find((p) => p.country !== "ID")?.country;
}

/**
 * Where the person may be now, as typed: when it names a country whose help was not shown yet
 * (on the urgent path the destination is asked later), its embassy is shown at once.
 */
async function showHelpWhereTheyAre(d: Dialog, draft: Draft, text: string): Promise<void> {
  const country = countryNamedIn(text);
  if (!country || country === draft.hotlinesCountry) return;
  await d.say(
    `${d.t("report-urgent-hotlines-place", { country: d.country(country) })}\n\n${renderHotlines(d.t, country)}`,
  );
  draft.hotlinesCountry = country;
}

/** The person who left: who they are to the reporter (a button, or typed as they say it). */
export async function askRelationship(d: Dialog, draft: Draft): Promise<void> {
  const departed = draft.departed!;
  const answer = await d.ask({
    step: "relationship",
    text: d.t("report-departed-who"),
    choices: [
      RELATIONSHIPS.slice(0, 4).map(
        (r) => [r, checked(d.t(`relationship-${r}`), r === departed.relationship)] as [string, string],
      ),
      RELATIONSHIPS.slice(4).map(
        (r) => [r, checked(d.t(`relationship-${r}`), r === departed.relationship)] as [string, string],
      ),
    ],
    accept: ["text"],
    wrongInput: d.t("report-use-buttons"),
  });
  departed.relationship =
    answer.kind === "choice" ? answer.value : answer.kind === "text" ? answer.text.slice(0, 80) : "other";
}

type TextField = "when" | "lastContact" | "whereabouts";

/** One of the optional texts about the person who left; the earlier answer is offered to keep. */
export function askDepartedText(step: string, key: string, field: TextField) {
  return async (d: Dialog, draft: Draft): Promise<void> => {
    const departed = draft.departed!;
    const current = departed[field];
    const answer = await d.ask({
      step,
      text: d.t(key),
      choices: current ? [[["keep", d.t("report-button-keep", { value: current.slice(0, 40) })]]] : [],
      skip: true,
      accept: ["text"],
      wrongInput: d.t("report-wrong-input-text"),
    });
    if (answer.kind === "text") {
      departed[field] = answer.text.trim();
      if (field === "whereabouts") await showHelpWhereTheyAre(d, draft, answer.text);
    } else if (!(answer.kind === "choice" && answer.value === "keep")) delete departed[field];
  };
}

/** A yes / no / don't-know question about the person who left; the earlier answer is pre-selected. */
function askDepartedYesNo(step: string, key: string, field: "canCommunicate" | "passportTaken") {
  return async (d: Dialog, draft: Draft): Promise<void> => {
    const departed = draft.departed!;
    const current = departed[field];
    departed[field] = await askYesNoUnknown(d, step, d.t(key), current === "unknown" ? undefined : current);
  };
}

export const askCanCommunicate = askDepartedYesNo(
  "communicate",
  "report-departed-can-communicate",
  "canCommunicate",
);
export const askPassportTaken = askDepartedYesNo(
  "passport-taken",
  "report-departed-passport-taken",
  "passportTaken",
);

/**
 * A shared location (the button), or the place typed — someone who types rather than taps is not
 * sent back to the button: what she types joins "where might they be now?", and a country it names
 * brings that country's embassy at once, as there.
 */
export async function askLocation(d: Dialog, draft: Draft): Promise<void> {
  const departed: Departed = draft.departed!;
  const location = await d.ask({
    step: "location",
    text: d.t("report-departed-location"),
    replyKeyboard: new Keyboard().requestLocation(d.t("report-button-share-location")).resized().oneTime(),
    skip: true,
    accept: ["location", "text"],
    wrongInput: d.t("report-departed-location-wrong"),
  });
  if (location.kind === "location" && location.message.location) {
    const { latitude, longitude } = location.message.location;
    departed.location = { latitude, longitude };
  }
  if (location.kind === "text") {
    const place = location.text.trim();
    const known = departed.whereabouts ?? "";
    if (!known.includes(place)) departed.whereabouts = known ? `${known}\n${place}` : place;
    await showHelpWhereTheyAre(d, draft, place);
  }
  await d.say(d.t("report-noted"), { removeKeyboard: true });
}
