/**
 * The guided report: eight steps, each with its own file in steps/. The draft is an ordinary
 * variable: the conversations plugin replays this function from its log on every update, so the
 * draft is rebuilt exactly, survives restarts, and nothing is stored as a report before Send.
 * Everything non-deterministic (screening with Redis look-ups, storing, random ids) goes through
 * `conversation.external`.
 */
import type { BotContext, BotDeps, InnerContext, Translate } from "#src/bot/context.js";
import {
  ConversationTooLong,
  Dialog,
  MAX_ANSWERS,
  ReportCancelled,
  type ReportConversation,
} from "#src/bot/conversations/report/dialog.js";
import { type Draft, emptyDraft, offerText } from "#src/bot/conversations/report/draft.js";
import { sendReport } from "#src/bot/conversations/report/send.js";
import { askConsent } from "#src/bot/conversations/report/steps/consent.js";
import { collectContacts } from "#src/bot/conversations/report/steps/contacts.js";
import { collectDeparted } from "#src/bot/conversations/report/steps/departed.js";
import { collectDestination } from "#src/bot/conversations/report/steps/destination.js";
import { mergeModelExtraction } from "#src/bot/conversations/report/steps/model-prefill.js";
import { collectMoney } from "#src/bot/conversations/report/steps/money.js";
import { collectOffer } from "#src/bot/conversations/report/steps/offer.js";
import { type EditablePart, reviewSummary } from "#src/bot/conversations/report/steps/summary.js";
import { askWho } from "#src/bot/conversations/report/steps/who.js";
import { screenWithKnown } from "#src/bot/features/check.js";
import { mainMenu } from "#src/bot/keyboards/main-menu.js";
import type { Locale } from "#src/config.js";
import { renderScreening } from "#src/render/screening.js";
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

/** Screens the offer texts (with Redis look-ups, hence external) and shows the result. */
async function screenAndShow(d: Dialog, draft: Draft): Promise<Draft["screening"]> {
  const text = offerText(draft);
  if (text.trim() === "") return undefined;
  const { result, known } = await d.external((ctx) => screenWithKnown(ctx, text));
  await d.say(renderScreening(d.t, result, known));
  const salary = result.extraction.money.find((m) => m.context !== "fee");
  draft.prefill = {
    country: result.destinations[0],
    city: result.extraction.places.find((p) => p.kind !== "country" && p.country === result.destinations[0])
      ?.raw,
    jobTitle: result.extraction.jobs[0]?.raw,
    salary: salary?.raw,
  };
  return {
    level: result.level,
    score: result.score,
    catalogueVersion: result.catalogueVersion,
    indicators: result.indicators.map((i) => i.id),
  };
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

async function runPart(d: Dialog, part: EditablePart, draft: Draft): Promise<void> {
  switch (part) {
    case "who":
      draft.reporterKind = await askWho(d);
      return;
    case "offer":
      draft.offer = await collectOffer(d, draft.offer);
      await readScreenshots(d, draft);
      draft.screening = await screenAndShow(d, draft);
      await queueModelExtraction(d, draft);
      return;
    case "contacts":
      await mergeModelExtraction(d, draft);
      draft.recruiter = await collectContacts(d, draft);
      return;
    case "destination": {
      await mergeModelExtraction(d, draft);
      const answer = await collectDestination(d, {
        country: draft.destination.country ?? draft.prefill?.country,
        city: draft.destination.city ?? draft.prefill?.city,
        jobTitle: draft.jobTitle ?? draft.prefill?.jobTitle,
        salary: draft.salary ?? draft.prefill?.salary,
      });
      draft.destination = answer.destination;
      draft.jobTitle = answer.jobTitle;
      draft.salary = answer.salary;
      return;
    }
    case "money":
      await mergeModelExtraction(d, draft);
      Object.assign(draft, await collectMoney(d, { fees: draft.prefill?.fees }));
      return;
    case "departed":
      draft.departed = await collectDeparted(d, draft.destination.country);
      return;
    case "consent":
      Object.assign(draft, await askConsent(d));
      return;
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
    try {
      await d.say(t("report-intro"));
      const order: EditablePart[] = options.urgentFirst
        ? ["who", "departed", "offer", "contacts", "destination", "money", "consent"]
        : ["who", "offer", "contacts", "destination", "money", "departed", "consent"];
      for (const part of order) await runPart(d, part, draft);
      for (;;) {
        const choice = await reviewSummary(d, draft);
        if (choice === "send") break;
        await runPart(d, choice, draft);
      }
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
