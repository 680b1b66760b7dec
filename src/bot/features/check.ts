/**
 * Check an offer: any text, forwarded message or captioned screenshot sent outside a flow is
 * screened at once. What was sent decides the answer: urgent words get help first (embassy,
 * hotline, 🆘 report), a greeting, plea or "lapor" gets the menu or the report, a bare number or
 * link how often it was reported, and only a text about a job a verdict — short, with "Why?",
 * "What to do", "Report this", "Share a warning" and 👍/👎 under it.
 */
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { z } from "zod";
import type { BotContext, Translate } from "#src/bot/context.js";
import { forwardedSender } from "#src/bot/conversations/report/steps/offer.js";
import { mainMenu, menuData } from "#src/bot/keyboards/main-menu.js";
import { takeFor } from "#src/bot/middlewares/limit-floods.js";
import { urgentReportData, type VerdictAction, verdictData } from "#src/callback-data/check.js";
import { defineCallbackData } from "#src/callback-data/pack.js";
import { runBatch } from "#src/redis-batch.js";
import { renderUrgentAnswer } from "#src/render/urgent.js";
import {
  renderAdvice,
  renderIdentifierAnswer,
  renderReasons,
  renderShareCard,
  renderVerdict,
} from "#src/render/verdict.js";
import { recordCheckVote } from "#src/reports/check-feedback.js";
import type { ReportStore } from "#src/reports/store.js";
import { extract } from "#src/screening/extract/index.js";
import { screenExtracted, screeningEngine } from "#src/screening/index.js";
import { intentOf, type MessageIntent } from "#src/screening/intent.js";
import { offerSignature } from "#src/screening/minhash.js";
import { normalise } from "#src/screening/normalise.js";
import type {
  ExtractedIdentifier,
  IdentifierKind,
  KnownIdentifier,
  ScreeningResult,
} from "#src/screening/types.js";

/** Kinds shown to the person as recruiter contacts (a full URL is represented by its domain). */
const INDEXED_KINDS = new Set<IdentifierKind>([
  "phone",
  "whatsapp",
  "telegram_handle",
  "telegram_user_id",
  "domain",
  "email",
  "agency",
  "bank_account",
]);

/** A checked text is kept this long so "Report this" can carry it into a report. */
const CHECK_TTL_SECONDS = 60 * 60;
/** The list of a person's checks outlives the checks it lists (an hour each, with their reply keys). */
const CHECK_OWNER_TTL_SECONDS = 2 * 24 * 60 * 60;
/** Screening cost grows with length; anything longer is checked on its first part. */
const MAX_CHECK_LENGTH = 20_000;

export const reportThisData = defineCallbackData(
  "rt",
  ["check"],
  z.object({ check: z.string().regex(/^[A-Za-z0-9_-]{8,16}$/) }),
);
export const checkAnotherData = "chk:again";

/**
 * Identifiers a forwarded message reveals about its sender, besides what its text contains; the
 * person's own forwarded messages reveal nothing (she is not looked up as a recruiter).
 */
function senderIdentifiers(message: Message): Array<Pick<ExtractedIdentifier, "kind" | "value">> {
  const origin = forwardedSender(message);
  const found: Array<Pick<ExtractedIdentifier, "kind" | "value">> = [];
  if (origin?.kind === "user" && origin.id !== undefined)
    found.push({ kind: "telegram_user_id", value: String(origin.id) });
  if (origin?.username) found.push({ kind: "telegram_handle", value: origin.username.toLowerCase() });
  return found;
}

/** Every recognised contact with how often it was reported (0 when never), one Redis round trip. */
export async function knownIdentifiers(
  ctx: BotContext,
  asked: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>,
): Promise<KnownIdentifier[]> {
  return knownIn(ctx.deps.reports, asked);
}

async function knownIn(
  reports: Pick<ReportStore, "lookup">,
  asked: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>,
): Promise<KnownIdentifier[]> {
  const unique = [
    ...new Map(
      asked.filter((a) => INDEXED_KINDS.has(a.kind)).map((a) => [`${a.kind}:${a.value}`, a]),
    ).values(),
  ];
  if (unique.length === 0) return [];
  const found = await reports.lookup.lookup(unique);
  return unique.map(
    (a) =>
      found.find((k) => k.kind === a.kind && k.value === a.value) ?? {
        kind: a.kind,
        value: a.value,
        reports: 0,
      },
  );
}

/**
 * Screens a text with what Redis knows about its contacts (and about `extra` identifiers, such as
 * a forwarded message's sender) and about the text itself (earlier reports of the same offer):
 * one extraction, one screening, the lookups in parallel.
 */
export async function screenWithKnown(
  ctx: BotContext,
  text: string,
  extra: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">> = [],
): Promise<{ result: ScreeningResult; known: KnownIdentifier[]; offerMatches: string[] }> {
  return screenWithLookup(ctx.deps.reports, text, extra);
}

/** screenWithKnown for callers without a grammY context (the screenshot check's job). */
export async function screenWithLookup(
  reports: Pick<ReportStore, "lookup" | "offers">,
  text: string,
  extra: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">> = [],
): Promise<{ result: ScreeningResult; known: KnownIdentifier[]; offerMatches: string[] }> {
  const n = normalise(text.slice(0, MAX_CHECK_LENGTH));
  const extraction = extract(n);
  // The contacts and the text itself (offers seen before) are looked up together.
  const [known, matches] = await Promise.all([
    knownIn(reports, [...extraction.identifiers, ...extra]),
    reports.offers.matches(offerSignature(n.text)),
  ]);
  return {
    result: screenExtracted(n, extraction, known, screeningEngine(), matches.length),
    known,
    offerMatches: matches.map((m) => m.reportId),
  };
}

/** Keeps a checked text for an hour (for "Report this" and the details), listed under its owner. */
async function storeCheck(ctx: BotContext, text: string): Promise<string> {
  const { deps } = ctx;
  const checkId = randomBytes(9).toString("base64url");
  const owner = ctx.from ? deps.keys.checksOf(deps.pseudonymize("user", ctx.from.id)) : undefined;
  // The person's checks are listed under their pseudonym, so /delete erases them without SCAN.
  await runBatch(deps.redis, [
    ["set", deps.keys.check(checkId), text.slice(0, MAX_CHECK_LENGTH), "EX", CHECK_TTL_SECONDS],
    ...(owner
      ? ([
          ["sadd", owner, checkId],
          ["expire", owner, CHECK_OWNER_TTL_SECONDS],
        ] as const)
      : []),
  ]);
  return checkId;
}

/**
 * A message that is not an offer gets its own answer: the menu, the way into a report, or a
 * request for the offer itself. Returns false for a text that needs the check's own answer.
 */
async function answerNonOffer(ctx: BotContext, intent: MessageIntent): Promise<boolean> {
  const reply = (key: string, markup?: InlineKeyboard) =>
    ctx.reply(ctx.t(key), markup ? { reply_markup: markup } : {});
  switch (intent.kind) {
    case "greeting":
      await reply("intent-greeting", mainMenu(ctx.t));
      return true;
    case "help":
      await reply("intent-help", mainMenu(ctx.t));
      return true;
    case "report":
      await reply(
        "intent-report",
        new InlineKeyboard()
          .text(ctx.t("menu-report"), menuData.pack({ item: "report" }))
          .row()
          .text(ctx.t("menu-danger"), menuData.pack({ item: "danger" })),
      );
      return true;
    case "question":
      await reply("intent-question");
      return true;
    case "not_about_a_job":
      await reply("intent-not-job", mainMenu(ctx.t));
      return true;
    default:
      return false;
  }
}

/** Every identifier of a bare number, handle or link, with how often it was reported. */
function identifiersShown(
  result: ScreeningResult,
  known: KnownIdentifier[],
  extra: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>,
): KnownIdentifier[] {
  const shown = [...known];
  // A link is indexed by its domain; a link whose domain is not indexed (a shortener) is still named.
  for (const id of [...result.extraction.identifiers, ...extra]) {
    if (!shown.some((k) => k.value === id.value) && !INDEXED_KINDS.has(id.kind))
      if (!result.extraction.identifiers.some((o) => o.kind === "domain" && id.value.includes(o.value)))
        shown.push({ kind: id.kind, value: id.value, reports: 0 });
  }
  return shown;
}

/** The buttons under a verdict: details on demand, report, share, feedback, another check. */
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

export async function checkText(ctx: BotContext, text: string, message: Message): Promise<void> {
  if (!(await takeFor(ctx, "check"))) return;
  const extra = senderIdentifiers(message);
  const checked = text.slice(0, MAX_CHECK_LENGTH);
  const { result: final, known } = await screenWithKnown(ctx, checked, extra);
  const intent = intentOf(checked, final);
  ctx.logger.info(
    {
      intent: intent.kind,
      level: final.level,
      indicators: final.indicators.length,
      identifiers: known.length,
    },
    "offer checked",
  );
  if (await answerNonOffer(ctx, intent)) return;
  const checkId = await storeCheck(ctx, checked);
  const replyTo = { message_id: message.message_id, allow_sending_without_reply: true };
  if (intent.kind === "urgent") {
    await ctx.reply(renderUrgentAnswer(ctx.t, final.destinations), {
      reply_markup: new InlineKeyboard().text(
        ctx.t("urgent-button-report"),
        urgentReportData.pack({ check: checkId }),
      ),
      reply_parameters: replyTo,
      link_preview_options: { is_disabled: true },
    });
    // An offer inside an urgent message still gets its verdict, after the help.
    if (final.kind !== "offer" || final.level === "low") return;
  }
  if (intent.kind === "identifier") {
    await ctx.reply(renderIdentifierAnswer(ctx.t, identifiersShown(final, known, extra)), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("check-button-report"), reportThisData.pack({ check: checkId }))
        .row()
        .text(ctx.t("check-button-again"), checkAnotherData),
      reply_parameters: replyTo,
      link_preview_options: { is_disabled: true },
    });
    return;
  }
  const verdict = renderVerdict(ctx.t, final, known);
  const keyboard = verdictKeyboard(ctx.t, checkId, verdict.more, known.length);
  const sent = await ctx.reply(verdict.text, {
    reply_markup: keyboard,
    reply_parameters: replyTo,
    link_preview_options: { is_disabled: true },
  });
  await queueSecondOpinion(ctx, checkId, final, sent, keyboard);
}

/** After the reply, never before it: the model may only add to what the person already has. */
async function queueSecondOpinion(
  ctx: BotContext,
  checkId: string,
  final: ScreeningResult,
  sent: Message,
  keyboard: InlineKeyboard,
): Promise<void> {
  const { deps } = ctx;
  if (!deps.analysis.enabled || !ctx.from) return;
  // The model costs money and time: a person's calls are rationed (beyond them, rules only).
  if (!(await deps.limits.take({ userId: ctx.from.id }, "model"))) return;
  try {
    await deps.analysis.queueCheck(checkId, {
      chatId: sent.chat.id,
      messageId: sent.message_id,
      locale: ctx.session.locale ?? deps.config.DEFAULT_LOCALE,
      ref: deps.pseudonymize("user", ctx.from.id),
      level: final.level,
      indicators: final.indicators.map((i) => i.id),
      text: sent.text ?? "",
      buttons: keyboard.inline_keyboard.map((row) =>
        row.map((b) => ({ text: b.text, callback_data: "callback_data" in b ? b.callback_data : "" })),
      ),
    });
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not queue the check's second opinion");
  }
}

/** The checked text of a button's check, or a friendly word that it is gone (after an hour). */
async function checkedTextOf(ctx: BotContext, checkId: string): Promise<string | undefined> {
  const text = await ctx.deps.redis.get(ctx.deps.keys.check(checkId));
  if (text !== null && text !== "") return text;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("verdict-expired"));
  return undefined;
}

/** Sends a detail once per check: a double press answers "already sent above". */
async function onceFor(ctx: BotContext, checkId: string, what: string): Promise<boolean> {
  const { redis, keys } = ctx.deps;
  const first = await redis.set(keys.checkShown(checkId, what), "1", "EX", CHECK_TTL_SECONDS, "NX");
  if (first === "OK") return true;
  await ctx.answerCallbackQuery({ text: ctx.t("verdict-shown-already") });
  return false;
}

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.callbackQuery(checkAnotherData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("check-prompt"));
});

feature.callbackQuery(verdictData.filter, async (ctx) => {
  const data = verdictData.unpack(ctx.callbackQuery.data);
  if (!data) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-expired") }));
  const text = await checkedTextOf(ctx, data.check);
  if (text === undefined) return;
  if (data.action === "up" || data.action === "down") {
    const vote = await recordCheckVote(ctx.deps.redis, ctx.deps.keys, data.check, data.action, new Date());
    await ctx.answerCallbackQuery({
      text: ctx.t(vote === "counted" ? "verdict-vote-thanks" : "verdict-vote-already"),
    });
    return;
  }
  if (!(await onceFor(ctx, data.check, data.action))) return;
  await ctx.answerCallbackQuery();
  const { result, known } = await screenWithKnown(ctx, text);
  const options = { link_preview_options: { is_disabled: true } };
  if (data.action === "why") await ctx.reply(renderReasons(ctx.t, result, known), options);
  else if (data.action === "do") await ctx.reply(renderAdvice(ctx.t, result), options);
  else {
    await ctx.reply(ctx.t("verdict-share-intro"));
    await ctx.reply(renderShareCard(ctx.t, result, ctx.me.username), options);
  }
});

feature.on("message:text", async (ctx, next) => {
  if (ctx.msg.text.startsWith("/")) return next();
  await checkText(ctx, ctx.msg.text, ctx.msg);
});

feature.on("message:caption", async (ctx) => {
  await checkText(ctx, ctx.msg.caption, ctx.msg);
});

export { composer as checkFeature };
