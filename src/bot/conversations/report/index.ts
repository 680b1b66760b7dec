/**
 * The guided report: eight steps (steps/ has a file per part), walked as a list of questions with
 * an index, so Back goes to the question before with every answer kept, and the summary's Edit
 * walks one part again. The draft is an ordinary variable: the conversations plugin replays this
 * function from its log on every update, so the draft and the index are rebuilt exactly, survive
 * restarts, and nothing is stored as a report before Send. Everything non-deterministic
 * (screening with Redis look-ups, storing, random ids) goes through `conversation.external`.
 */
import type { BotContext, BotDeps, InnerContext, Translate } from "#src/bot/context.js";
import {
  ConversationTooLong,
  Dialog,
  GoBack,
  MAX_ANSWERS,
  ReportCancelled,
  type ReportConversation,
} from "#src/bot/conversations/report/dialog.js";
import { type Draft, emptyDraft, offerText } from "#src/bot/conversations/report/draft.js";
import { sendReport } from "#src/bot/conversations/report/send.js";
import { askConsent, askPhone } from "#src/bot/conversations/report/steps/consent.js";
import { collectContacts } from "#src/bot/conversations/report/steps/contacts.js";
import {
  askCanCommunicate,
  askDepartedText,
  askLeft,
  askLocation,
  askPassportTaken,
  askRelationship,
} from "#src/bot/conversations/report/steps/departed.js";
import { askCity, askCountry, askJob, askSalary } from "#src/bot/conversations/report/steps/destination.js";
import { mergeModelExtraction } from "#src/bot/conversations/report/steps/model-prefill.js";
import { askMoney, askMoneyDetail, askPassport } from "#src/bot/conversations/report/steps/money.js";
import { collectOffer } from "#src/bot/conversations/report/steps/offer.js";
import { type EditablePart, reviewSummary } from "#src/bot/conversations/report/steps/summary.js";
import { askWho } from "#src/bot/conversations/report/steps/who.js";
import { sayUrgentHelp } from "#src/bot/conversations/report/urgent-help.js";
import { mainMenu } from "#src/bot/keyboards/main-menu.js";
import { screenWithLookup } from "#src/checks/screen.js";
import type { Locale } from "#src/config.js";
import { levelLine } from "#src/render/screening.js";
import { LIMITS, type Media } from "#src/reports/report.js";

export const REPORT_CONVERSATION = "report";

export interface ReportStartOptions {
  locale: Locale;
  /** A text already checked, from "Report this". */
  offerText?: string;
  /** The screenshots of a check, from "Report this" under a screenshot's verdict. */
  offerMedia?: Media[];
  /** "Someone is in danger now": ask about the person who left first. */
  urgentFirst?: boolean;
}

/** The offer as the person gave it (texts and screenshots), to tell whether it changed. */
function offerKey(draft: Draft): string {
  return JSON.stringify([draft.offer.texts.map((t) => t.text), draft.offer.media.map((m) => m.fileUniqueId)]);
}

/**
 * Screens the offer texts (with Redis look-ups, hence external) for the report and the pre-filled
 * answers. The check's verdict is not repeated: one line with the level, and none at all when the
 * offer is the one just checked ("Report this") and unchanged.
 */
async function screenOffer(d: Dialog, draft: Draft): Promise<void> {
  const text = offerText(draft);
  if (text.trim() === "") {
    draft.screening = undefined;
    return;
  }
  // Only what the report keeps goes into the replay log, not the whole screening result.
  const screened = await d.external(async (ctx) => {
    const { result, known } = await screenWithLookup(ctx.deps.reports, text);
    const country = result.destinations[0];
    return {
      prefill: {
        country,
        city: result.extraction.places.find((p) => p.kind !== "country" && p.country === country)?.raw,
        jobTitle: result.extraction.jobs[0]?.raw,
        salary: result.extraction.money.find((m) => m.context !== "fee")?.raw,
      },
      knownContacts: Object.fromEntries(
        known.filter((k) => k.reports > 0).map((k) => [`${k.kind}:${k.value}`, k.reports]),
      ),
      screening: {
        level: result.level,
        score: result.score,
        catalogueVersion: result.catalogueVersion,
        indicators: result.indicators.map((i) => i.id),
      },
    };
  });
  if (draft.checkedOffer !== offerKey(draft)) d.note(levelLine(d.t, screened.screening.level));
  draft.prefill = screened.prefill;
  draft.knownContacts = screened.knownContacts;
  draft.screening = screened.screening;
}

/** The longest the person waits after Done for screenshots still being read. */
const SCREENSHOT_WAIT_MS = 8_000;

/**
 * After step 2: the text of every screenshot (read by the OCR job queued as each arrived) joins the
 * offer, for screening and pre-filling steps 3–5. A screenshot not read in time is read again at
 * Send; the person never waits more than a few seconds here.
 */
async function readScreenshots(d: Dialog, draft: Draft): Promise<void> {
  // PDFs and other files go to the officers as they are; only pictures are read.
  const media = draft.offer.media.filter((m) => m.kind === "photo" || m.mimeType?.startsWith("image/"));
  if (media.length === 0) {
    delete draft.offer.readText;
    return;
  }
  const { enabled, pending } = await d.external(async (ctx) => {
    if (!ctx.deps.screenshots.enabled) return { enabled: false, pending: 0 };
    const chatRef = ctx.deps.pseudonymize("chat", ctx.chat!.id);
    const readings = await ctx.deps.screenshots.readingsOf(media);
    // Usually queued as each screenshot arrived; those carried from a check are queued here.
    await Promise.all(
      media.map((m, i) => (readings[i] ? undefined : ctx.deps.screenshots.queue(chatRef, m))),
    );
    return { enabled: true, pending: readings.filter((r) => r === undefined).length };
  });
  if (!enabled) return;
  if (pending > 0) await d.say(d.t("report-offer-reading", { count: pending }));
  const read = await d.external(async (ctx) => {
    const readings = await ctx.deps.screenshots.waitFor(media, SCREENSHOT_WAIT_MS);
    const texts = readings.flatMap((r) => (r?.status === "text" && r.text ? [r.text] : []));
    return {
      text: texts.join("\n\n"),
      screenshots: texts.length,
      chars: readings.reduce((s, r) => s + (r?.chars ?? 0), 0),
    };
  });
  if (read.text) draft.offer.readText = read.text.slice(0, LIMITS.readText);
  else delete draft.offer.readText;
  draft.offerReading = { screenshots: read.screenshots, chars: read.chars };
}

/** Hands the offer to the language model's extraction job (ids only in the job); never waits for it. */
async function queueModelExtraction(d: Dialog, draft: Draft): Promise<void> {
  const offer = { texts: draft.offer.texts.map((t) => t.text), media: draft.offer.media };
  if (offer.texts.length === 0 && offer.media.length === 0) return;
  await d.external(async (ctx) => {
    if (!ctx.deps.analysis.enabled || !ctx.from) return;
    if (!(await ctx.deps.limits.take({ userId: ctx.from.id }, "model"))) return;
    await ctx.deps.analysis
      .queueDraft(offer, ctx.deps.pseudonymize("user", ctx.from.id))
      .catch((error: unknown) => {
        ctx.logger.warn({ err: error }, "could not queue the offer extraction; continuing without it");
      });
  });
}

/** After the offer's Done: read screenshots, screen, hand to the model — only when the offer changed. */
async function afterOffer(d: Dialog, draft: Draft): Promise<void> {
  const before = draft.screenedOffer;
  if (before !== undefined && before === offerKey(draft)) return;
  await readScreenshots(d, draft);
  // Help for someone in danger before anything else, the offer's level after it.
  await sayUrgentHelp(d, draft);
  await screenOffer(d, draft);
  await queueModelExtraction(d, draft);
  draft.screenedOffer = offerKey(draft);
}

interface Step {
  part: EditablePart;
  /** Asked only when this holds (the follow-up questions). */
  when?: (draft: Draft) => boolean;
  run: (d: Dialog, draft: Draft) => Promise<void>;
}

const left = (draft: Draft) => draft.departed !== null;

/** Every question of the report, by part, in the order asked. */
const STEPS: Record<EditablePart, Step[]> = {
  who: [
    {
      part: "who",
      run: async (d, draft) => {
        draft.reporterKind = await askWho(d, draft.reporterKind);
      },
    },
  ],
  offer: [
    {
      part: "offer",
      run: async (d, draft) => {
        draft.offer = await collectOffer(d, draft.offer, draft.checkedOffer === offerKey(draft));
        await afterOffer(d, draft);
      },
    },
  ],
  contacts: [
    {
      part: "contacts",
      run: async (d, draft) => {
        await mergeModelExtraction(d, draft);
        draft.recruiter = await collectContacts(d, draft);
      },
    },
  ],
  destination: [
    {
      part: "destination",
      run: async (d, draft) => {
        await mergeModelExtraction(d, draft);
        await askCountry(d, draft);
      },
    },
    { part: "destination", run: askCity },
    { part: "destination", run: askJob },
    { part: "destination", run: askSalary },
  ],
  money: [
    {
      part: "money",
      run: async (d, draft) => {
        await mergeModelExtraction(d, draft);
        await askMoney(d, draft);
      },
    },
    {
      part: "money",
      when: (draft) => draft.money.paid === "asked" || draft.money.paid === "paid",
      run: askMoneyDetail,
    },
    { part: "money", run: askPassport },
  ],
  departed: [
    { part: "departed", run: askLeft },
    { part: "departed", when: left, run: askRelationship },
    { part: "departed", when: left, run: askDepartedText("when", "report-departed-when", "when") },
    {
      part: "departed",
      when: left,
      run: askDepartedText("last-contact", "report-departed-last-contact", "lastContact"),
    },
    {
      part: "departed",
      when: left,
      run: askDepartedText("whereabouts", "report-departed-whereabouts", "whereabouts"),
    },
    { part: "departed", when: left, run: askCanCommunicate },
    { part: "departed", when: left, run: askPassportTaken },
    { part: "departed", when: left, run: askLocation },
  ],
  consent: [
    { part: "consent", run: askConsent },
    { part: "consent", when: (draft) => draft.contactConsent === true, run: askPhone },
  ],
};

const ORDER: EditablePart[] = ["who", "offer", "contacts", "destination", "money", "departed", "consent"];
const URGENT_ORDER: EditablePart[] = [
  "who",
  "departed",
  "offer",
  "contacts",
  "destination",
  "money",
  "consent",
];

/** How many questions the intro promises: every question always asked, and the summary. */
export function questionCount(urgent: boolean): number {
  const always = ORDER.flatMap((part) => STEPS[part]).filter(
    (s) => s.when === undefined || (urgent && s.when === left),
  );
  return always.length + 1;
}

/**
 * Walks the questions to the summary and back: Back goes to the question before (skipping those
 * that do not apply), and from the first question of a part being edited, to the summary. The
 * progress shown is the part's place in this report's order, so it never jumps ahead; a part
 * edited from the summary says so instead of a number (it returns to the summary, 8/8).
 */
async function walk(d: Dialog, draft: Draft, order: EditablePart[]): Promise<void> {
  const steps = order.flatMap((part) => STEPS[part]);
  const total = order.length + 1;
  const applies = (i: number) => steps[i]!.when?.(draft) ?? true;
  const before = (i: number, part?: EditablePart) => {
    for (let j = i - 1; j >= 0; j--) {
      if (part !== undefined && steps[j]!.part !== part) return undefined;
      if (applies(j)) return j;
    }
    return undefined;
  };
  let i = 0;
  let editing: EditablePart | undefined;
  for (;;) {
    if (i < steps.length && editing !== undefined && steps[i]!.part !== editing) i = steps.length;
    if (i >= steps.length) {
      editing = undefined;
      d.header = d.t("report-progress", { step: total, total });
      d.canGoBack = true;
      try {
        const choice = await reviewSummary(d, draft);
        if (choice === "send") return;
        editing = choice;
        i = steps.findIndex((s) => s.part === choice);
      } catch (error) {
        if (!(error instanceof GoBack)) throw error;
        i = before(steps.length) ?? 0;
      }
      continue;
    }
    if (!applies(i)) {
      i += 1;
      continue;
    }
    const step = steps[i]!;
    const previous = before(i, editing);
    d.header = editing
      ? d.t("report-progress-editing", { part: d.t(`report-summary-${editing}`) })
      : d.t("report-progress", { step: order.indexOf(step.part) + 1, total });
    d.canGoBack = previous !== undefined || editing !== undefined;
    try {
      await step.run(d, draft);
      i += 1;
    } catch (error) {
      if (!(error instanceof GoBack)) throw error;
      i = previous ?? steps.length;
    }
  }
}

export function createReportConversation(deps: Pick<BotDeps, "i18n">) {
  return async function report(
    conversation: ReportConversation,
    ctx: InnerContext,
    options: ReportStartOptions,
  ) {
    const t: Translate = (key, args) => deps.i18n.t(options.locale, key, args);
    const sid = Math.floor((await conversation.random()) * 36 ** 4)
      .toString(36)
      .padStart(4, "0");
    const d = new Dialog(conversation, ctx, t, sid, options.locale);
    const draft = emptyDraft();
    if (options.offerText) draft.offer.texts.push({ text: options.offerText });
    if (options.offerMedia) draft.offer.media.push(...options.offerMedia);
    if (draft.offer.texts.length + draft.offer.media.length > 0) draft.checkedOffer = offerKey(draft);
    const order = options.urgentFirst ? URGENT_ORDER : ORDER;
    try {
      d.note(
        options.urgentFirst
          ? t("report-intro-urgent", { steps: order.length + 1, questions: questionCount(true) })
          : t("report-intro", {
              steps: order.length + 1,
              questions: questionCount(false),
              urgent: questionCount(true),
            }),
      );
      await walk(d, draft, order);
      const summaryMessageId = d.lastQuestion?.message_id ?? 0;
      const sent = await d.external((outer: BotContext) =>
        sendReport(outer, draft, options.locale, summaryMessageId),
      );
      await d.say(sent.text, { keyboard: mainMenu(t) });
    } catch (error) {
      if (error instanceof ConversationTooLong) {
        await d.say(t("conversation-too-long", { max: MAX_ANSWERS }), { removeKeyboard: true });
        await d.say(t("menu-title"), { keyboard: mainMenu(t) });
        return;
      }
      if (!(error instanceof ReportCancelled)) throw error;
      await d.say(t("report-cancelled"), { removeKeyboard: true });
      await d.say(t("menu-title"), { keyboard: mainMenu(t) });
    }
  };
}
