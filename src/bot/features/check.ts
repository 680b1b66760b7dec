/**
 * Check an offer: any text, forwarded message or captioned screenshot sent outside a flow is
 * screened at once. The reply shows the level, the reasons with quotes, what is known about the
 * recruiter's contacts, and advice; under it "Report this" and "Check another".
 */
import { randomBytes } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { z } from "zod";
import type { BotContext } from "#src/bot/context.js";
import { forwardedSender } from "#src/bot/conversations/report/steps/offer.js";
import { takeFor } from "#src/bot/middlewares/limit-floods.js";
import { defineCallbackData } from "#src/callback-data/pack.js";
import { runBatch } from "#src/redis-batch.js";
import { renderScreening } from "#src/render/screening.js";
import type { ReportStore } from "#src/reports/store.js";
import { extract } from "#src/screening/extract/index.js";
import { screenExtracted, screeningEngine } from "#src/screening/index.js";
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

export async function checkText(ctx: BotContext, text: string, message: Message): Promise<void> {
  const { deps } = ctx;
  if (!(await takeFor(ctx, "check"))) return;
  const extra = senderIdentifiers(message);
  const { result: final, known } = await screenWithKnown(ctx, text.slice(0, MAX_CHECK_LENGTH), extra);
  const asked = [...final.extraction.identifiers, ...extra];
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
  ctx.logger.info(
    { level: final.level, indicators: final.indicators.length, identifiers: asked.length },
    "offer checked",
  );
  const keyboard = new InlineKeyboard()
    .text(ctx.t("check-button-report"), reportThisData.pack({ check: checkId }))
    .row()
    .text(ctx.t("check-button-again"), checkAnotherData);
  const sent = await ctx.reply(renderScreening(ctx.t, final, known), {
    reply_markup: keyboard,
    reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
    link_preview_options: { is_disabled: true },
  });
  if (!deps.analysis.enabled || !ctx.from) return;
  // The model costs money and time: a person's calls are rationed (beyond them, rules only).
  if (!(await deps.limits.take({ userId: ctx.from.id }, "model"))) return;
  // After the reply, never before it: the model may only add to what the person already has.
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

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.callbackQuery(checkAnotherData, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("check-prompt"));
});

feature.on("message:text", async (ctx, next) => {
  if (ctx.msg.text.startsWith("/")) return next();
  await checkText(ctx, ctx.msg.text, ctx.msg);
});

feature.on("message:caption", async (ctx) => {
  await checkText(ctx, ctx.msg.caption, ctx.msg);
});

export { composer as checkFeature };
