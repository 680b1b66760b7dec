import { Keyboard } from "grammy";
import { checked, type Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";

/** Step 7: may officers contact the reporter through this bot. */
export async function askConsent(d: Dialog, draft: Draft): Promise<void> {
  const consent = await d.ask({
    step: "consent",
    text: d.t("report-consent-question"),
    choices: [
      [["yes", checked(d.t("report-consent-yes"), draft.contactConsent === true)]],
      [["no", checked(d.t("report-consent-no"), draft.contactConsent === false)]],
    ],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  draft.contactConsent = consent.kind === "choice" && consent.value === "yes";
  if (!draft.contactConsent) delete draft.contactPhone;
}

/** After a Yes: optionally the person's own phone number, shared with the button. */
export async function askPhone(d: Dialog, draft: Draft): Promise<void> {
  const phone = await d.ask({
    step: "phone",
    text: d.t("report-consent-phone"),
    replyKeyboard: new Keyboard().requestContact(d.t("report-button-share-phone")).resized().oneTime(),
    skip: true,
    accept: ["contact"],
    wrongInput: d.t("report-consent-phone-wrong"),
  });
  delete draft.contactPhone;
  if (phone.kind === "contact") {
    const contact = phone.message.contact;
    // Only the person's own number, shared with the button; someone else's contact card is refused.
    if (contact && contact.user_id === phone.message.from?.id) draft.contactPhone = contact.phone_number;
    else await d.say(d.t("report-consent-phone-not-own"));
  }
  await d.say(d.t("report-noted"), { removeKeyboard: true });
}
