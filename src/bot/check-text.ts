/**
 * The answer to a checked text, shared by the check (a pasted or forwarded text, a caption) and the
 * screenshot check without OCR: urgent words get help first (embassy, hotline, 🆘 report), a
 * greeting, plea or "lapor" gets the menu or the report, a bare number or link how often it was
 * reported, and only a text about a job a verdict, with its second opinion queued after it.
 */
import { randomBytes } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { BotContext } from "#src/bot/context.js";
import { forwardedSender } from "#src/bot/conversations/report/steps/offer.js";
import { mainMenu, menuData } from "#src/bot/keyboards/main-menu.js";
import { verdictKeyboard } from "#src/bot/keyboards/verdict.js";
import { takeFor } from "#src/bot/middlewares/limit-floods.js";
import { checkAnotherData, reportThisData, urgentReportData } from "#src/callback-data/check.js";
import {
  type AskedIdentifier,
  INDEXED_KINDS,
  MAX_CHECK_LENGTH,
  screenWithLookup,
} from "#src/checks/screen.js";
import { runBatch } from "#src/redis-batch.js";
import { renderUrgentAnswer } from "#src/render/urgent.js";
import { renderIdentifierAnswer, renderVerdict } from "#src/render/verdict.js";
import { Campaigns } from "#src/reports/campaigns.js";
import { intentOf, type MessageIntent } from "#src/screening/intent.js";
import type { KnownIdentifier, ScreeningResult } from "#src/screening/types.js";

/** A checked text is kept this long so "Report this" can carry it into a report. */
export const CHECK_TTL_SECONDS = 60 * 60;
/** The list of a person's checks outlives the checks it lists (an hour each, with their reply keys). */
const CHECK_OWNER_TTL_SECONDS = 2 * 24 * 60 * 60;

/**
 * Identifiers a forwarded message reveals about its sender, besides what its text contains; the
 * person's own forwarded messages reveal nothing (she is not looked up as a recruiter).
 */
function senderIdentifiers(message: Message): AskedIdentifier[] {
  const origin = forwardedSender(message);
  const found: AskedIdentifier[] = [];
  if (origin?.kind === "user" && origin.id !== undefined)
    found.push({ kind: "telegram_user_id", value: String(origin.id) });
  if (origin?.username) found.push({ kind: "telegram_handle", value: origin.username.toLowerCase() });
  return found;
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
  extra: ReadonlyArray<AskedIdentifier>,
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

/** An admitted check (typed or a screenshot) counts for the outreach campaign that brought the person. */
export async function countCheckForCampaign(ctx: BotContext): Promise<void> {
  if (!ctx.from || ctx.chat?.type !== "private") return;
  await new Campaigns(ctx.deps.redis, ctx.deps.keys).count(
    ctx.deps.pseudonymize("user", ctx.from.id),
    "checks",
  );
}

export async function checkText(ctx: BotContext, text: string, message: Message): Promise<void> {
  if (!(await takeFor(ctx, "check"))) return;
  await countCheckForCampaign(ctx);
  const extra = senderIdentifiers(message);
  const checked = text.slice(0, MAX_CHECK_LENGTH);
  const { result: final, known } = await screenWithLookup(ctx.deps.reports, checked, extra);
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
