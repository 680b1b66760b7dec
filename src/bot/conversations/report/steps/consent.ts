import { Keyboard } from "grammy";
import type { Dialog } from "#src/bot/conversations/report/dialog.js";

export interface ConsentAnswer {
  contactConsent: boolean;
  contactPhone?: string;
}

/** Step 7: may officers contact the reporter through this bot, and optionally by phone. */
export async function askConsent(d: Dialog): Promise<ConsentAnswer> {
  const consent = await d.ask({
    step: "consent",
    progress: 7,
    text: d.t("report-consent-question"),
    choices: [[["yes", d.t("report-consent-yes")]], [["no", d.t("report-consent-no")]]],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  if (consent.kind !== "choice" || consent.value !== "yes") return { contactConsent: false };
  const phone = await d.ask({
    step: "phone",
    text: d.t("report-consent-phone"),
    replyKeyboard: new Keyboard().requestContact(d.t("report-button-share-phone")).resized().oneTime(),
    skip: true,
    accept: ["contact"],
    wrongInput: d.t("report-consent-phone-wrong"),
  });
  let contactPhone: string | undefined;
  if (phone.kind === "contact") {
    const contact = phone.message.contact;
    // Only the person's own number, shared with the button; someone else's contact card is refused.
    if (contact && contact.user_id === phone.message.from?.id) contactPhone = contact.phone_number;
    else await d.say(d.t("report-consent-phone-not-own"));
  }
  await d.say(d.t("report-noted"), { removeKeyboard: true });
  return { contactConsent: true, contactPhone };
}
