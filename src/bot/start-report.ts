/**
 * Ways into the report conversation, shared by the report feature (/report, "Report this") and
 * the main menu: one report at a time, within the person's flood budget, with the chat's owner
 * remembered so an unanswered report can be ended in the person's language.
 */
import type { BotContext } from "#src/bot/context.js";
import { REPORT_CONVERSATION, type ReportStartOptions } from "#src/bot/conversations/report/index.js";
import { takeFor } from "#src/bot/middlewares/limit-floods.js";
import { renderHotlines } from "#src/render/hotlines.js";

export async function startReport(
  ctx: BotContext,
  options: Omit<ReportStartOptions, "locale">,
): Promise<void> {
  const locale = ctx.session.locale ?? ctx.deps.config.DEFAULT_LOCALE;
  if ((ctx.conversation.active()[REPORT_CONVERSATION] ?? 0) > 0) {
    await ctx.reply(ctx.t("report-already-running"));
    return;
  }
  // In one round trip: remembering the chat's owner for a report the flood limit refuses costs
  // nothing (it only names who to tell when an unfinished report ends, and expires).
  const [allowed] = await Promise.all([
    takeFor(ctx, "report"),
    ctx.deps.conversationOwners.remember(ctx.chat!.id, locale),
  ]);
  if (!allowed) return;
  await ctx.conversation.enter(REPORT_CONVERSATION, { ...options, locale } satisfies ReportStartOptions);
}

export async function startUrgentReport(ctx: BotContext): Promise<void> {
  await ctx.reply(`${ctx.t("danger-intro")}\n\n${renderHotlines(ctx.t, undefined)}`);
  await startReport(ctx, { urgentFirst: true });
}
