/**
 * Drives the guided report as a person would, in either language, by pressing the buttons the
 * person sees (labels come from the same locale files as the bot's).
 */
import { createI18n } from "#src/bot/i18n.js";
import type { Locale } from "#src/config.js";
import type { SimUser } from "#src/playground/telegram/index.js";

const i18n = createI18n("id");

export function text(locale: Locale, key: string, args?: Record<string, string | number>): string {
  return i18n.t(locale, key, args);
}

export function waitForText(user: SimUser, fragment: string, timeoutMs = 5000) {
  return user.waitForBotMessage({
    predicate: (m) => (m.text ?? m.caption ?? "").includes(fragment),
    timeoutMs,
  });
}

export function waitForStep(user: SimUser, locale: Locale, step: number, timeoutMs = 5000) {
  return waitForText(user, text(locale, "report-progress", { step, total: 8 }), timeoutMs);
}

export interface ReportAnswers {
  who?: "self" | "family_friend" | "abroad" | "other";
  offer?: string[];
  /** Send the offer texts 5 ms apart without waiting for the bot in between. */
  offerBurst?: boolean;
  /** Forward the offer texts from this sender instead of pasting them. */
  forwardedFrom?: { id: number; firstName: string; username?: string };
  /** Messages forwarded in the offer step after the texts, each from its own sender (the person herself too). */
  forwards?: Array<{ text: string; from: SimUser | { id: number; firstName: string; username?: string } }>;
  /** Runs when step 3 is shown, before it is answered (e.g. to wait for a background job). */
  atContacts?: () => Promise<void>;
  /** The answer to "Is this the recruiter?" about each forwarded sender (default: No). */
  senderIsRecruiter?: boolean;
  photos?: number;
  /** A country code to press, or undefined to skip. */
  country?: string;
  job?: string;
  money?: "none" | "asked" | "paid";
  moneyDetail?: string;
  departed?: {
    relationship: string;
    passportTaken: "yes" | "no" | "unknown";
    location?: { latitude: number; longitude: number };
  };
  consent?: boolean;
  sharePhone?: string;
  /** How long to wait for each answer of the bot (more when many people report at once). */
  patienceMs?: number;
}

/** Opens the report from the menu and answers up to the summary (step 8); returns the summary text. */
export async function fillReport(user: SimUser, locale: Locale, answers: ReportAnswers): Promise<string> {
  const t = (key: string, args?: Record<string, string | number>) => text(locale, key, args);
  const walk: Walk = { user, answers, t, wait: answers.patienceMs ?? 5000 };
  const wait = walk.wait;
  await user.send("/report");
  await waitForStep(user, locale, 1, wait);
  await user.click(t(`report-who-${answers.who ?? "self"}`));
  await waitForStep(user, locale, 2, wait);
  await answerOffer(walk);
  await answerContacts(walk, await waitForStep(user, locale, 3, wait));
  await answerDestination(walk, await waitForStep(user, locale, 4, wait));
  await waitForStep(user, locale, 5, wait);
  await answerMoney(walk);
  await waitForText(user, t("report-passport-question"), wait);
  await user.click(t("answer-no"));
  await waitForStep(user, locale, 6, wait);
  await answerDeparted(walk);
  await waitForStep(user, locale, 7, wait);
  await answerConsent(walk);
  const summary = await waitForStep(user, locale, 8, wait);
  return summary.text ?? "";
}

/** One walk through the report: who walks it, with which answers, in which language, how patiently. */
interface Walk {
  user: SimUser;
  answers: ReportAnswers;
  t: (key: string, args?: Record<string, string | number>) => string;
  wait: number;
}

type BotMessage = Awaited<ReturnType<typeof waitForText>>;

/** Step 2: the offer's texts (pasted, in a burst or forwarded), other forwards and photos, then Done or Skip. */
async function answerOffer({ user, answers, t, wait }: Walk): Promise<void> {
  if (answers.offerBurst) {
    const sent: Array<Promise<unknown>> = [];
    for (const offer of answers.offer ?? []) {
      sent.push(user.send(offer));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(sent);
    const count = answers.offer?.length ?? 0;
    await user.waitForBotMessage({
      predicate: (m) =>
        (m.text ?? "").includes(t("report-offer-received", { texts: count, screenshots: 0, max: 10 })),
      timeoutMs: Math.max(wait, 15_000),
    });
  }
  for (const offer of answers.offerBurst ? [] : (answers.offer ?? [])) {
    if (answers.forwardedFrom) await user.forward({ text: offer, from: { user: answers.forwardedFrom } });
    else await user.send(offer);
    await user.waitForBotMessage({
      timeoutMs: wait,
      predicate: (m) => (m.buttons ?? []).flat().some((b) => b.text === t("report-button-done")),
    });
  }
  for (const forwarded of answers.forwards ?? []) {
    await user.forward({ text: forwarded.text, from: { user: forwarded.from } });
    await user.waitForBotMessage({
      timeoutMs: wait,
      predicate: (m) => (m.buttons ?? []).flat().some((b) => b.text === t("report-button-done")),
    });
  }
  for (let photo = 0; photo < (answers.photos ?? 0); photo++) {
    await user.sendPhoto();
    await user.waitForBotMessage({
      timeoutMs: wait,
      predicate: (m) => (m.buttons ?? []).flat().some((b) => b.text === t("report-button-done")),
    });
  }
  if ((answers.offer?.length ?? 0) + (answers.photos ?? 0) + (answers.forwards?.length ?? 0) > 0)
    await user.click(t("report-button-done"));
  else await user.click(t("report-button-skip"));
}

/** Step 3: answers "Is this the recruiter?" for each forwarded sender, then goes on. */
async function answerContacts({ user, answers, t, wait }: Walk, shown: BotMessage): Promise<void> {
  let contacts = shown;
  const isSenderQuestion = (m: { buttons?: Array<Array<{ text: string }>> }) =>
    (m.buttons ?? []).flat().some((b) => b.text === t("report-sender-yes"));
  while (isSenderQuestion(contacts)) {
    await user.click(answers.senderIsRecruiter ? t("report-sender-yes") : t("report-sender-no"));
    contacts = await user.waitForBotMessage({
      timeoutMs: wait,
      predicate: (m) =>
        (m.text ?? "").includes(t("report-progress", { step: 3, total: 8 })) && (m.buttons ?? []).length > 0,
    });
  }
  await answers.atContacts?.();
  await user.click(
    (contacts.buttons ?? []).flat().some((b) => b.text === t("report-button-continue"))
      ? t("report-button-continue")
      : t("report-button-skip"),
  );
}

/** Step 4: the country (or skip), then skips the city, gives or skips the job, skips the salary. */
async function answerDestination(
  { user, answers, t, wait }: Walk,
  countryQuestion: BotMessage,
): Promise<void> {
  const countryButton = (countryQuestion.buttons ?? [])
    .flat()
    .find((b) => answers.country !== undefined && (b.data ?? "").endsWith(`:country:${answers.country}`));
  await user.click(countryButton ? countryButton.text : t("report-button-skip"));
  await waitForText(user, t("report-city-question"), wait);
  await user.click(t("report-button-skip"));
  await waitForText(user, t("report-job-question"), wait);
  if (answers.job) await user.send(answers.job);
  else await user.click(t("report-button-skip"));
  await waitForText(user, t("report-salary-question"), wait);
  await user.click(t("report-button-skip"));
}

/** Step 5: money asked or paid (with how much), or skip. */
async function answerMoney({ user, answers, t, wait }: Walk): Promise<void> {
  if (answers.money) {
    await user.click(t(`report-money-${answers.money}`));
    if (answers.money !== "none") {
      await waitForText(user, t("report-money-detail-question"), wait);
      await user.send(answers.moneyDetail ?? "500");
    }
  } else {
    await user.click(t("report-button-skip"));
  }
}

/** Step 6: whether someone already left, and if so who, their passport and where they are. */
async function answerDeparted({ user, answers, t, wait }: Walk): Promise<void> {
  if (answers.departed) {
    await user.click(t("answer-yes"));
    await waitForText(user, t("report-departed-who"), wait);
    await user.click(t(`relationship-${answers.departed.relationship}`));
    for (const key of [
      "report-departed-when",
      "report-departed-last-contact",
      "report-departed-whereabouts",
    ]) {
      await waitForText(user, t(key), wait);
      await user.click(t("report-button-skip"));
    }
    await waitForText(user, t("report-departed-can-communicate"), wait);
    await user.click(t("answer-unknown"));
    await waitForText(user, t("report-departed-passport-taken"), wait);
    await user.click(t(`answer-${answers.departed.passportTaken}`));
    await waitForText(user, t("report-or-buttons"), wait);
    if (answers.departed.location) await user.sendLocation(answers.departed.location);
    else await user.click(t("report-button-skip"));
  } else {
    await user.click(t("answer-no"));
  }
}

/** Step 7: consent to be contacted, and the phone number if shared. */
async function answerConsent({ user, answers, t, wait }: Walk): Promise<void> {
  if (answers.consent) {
    await user.click(t("report-consent-yes"));
    await waitForText(user, t("report-or-buttons"), wait);
    if (answers.sharePhone) await user.sendContact({ phoneNumber: answers.sharePhone, own: true });
    else await user.click(t("report-button-skip"));
  } else {
    await user.click(t("report-consent-no"));
  }
}

/** Presses Send on the summary and returns the case number. */
export async function sendReport(user: SimUser, locale: Locale, patienceMs = 5000): Promise<string> {
  await user.click(text(locale, "report-button-send"));
  const sent = await waitForText(
    user,
    text(locale, "report-sent", { id: "" }).split("{")[0]!.slice(0, 20),
    patienceMs,
  );
  const id = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(sent.text ?? "")?.[1];
  if (!id) throw new Error(`no case number in: ${sent.text}`);
  return id;
}
