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
  if (!(await takeFor(ctx, "report"))) return;
  await ctx.deps.conversationOwners.remember(ctx.chat!.id, locale);
  await ctx.conversation.enter(REPORT_CONVERSATION, { ...options, locale } satisfies ReportStartOptions);
}

export async function startUrgentReport(ctx: BotContext): Promise<void> {
  await ctx.reply(`${ctx.t("danger-intro")}\n\n${renderHotlines(ctx.t, undefined)}`);
  await startReport(ctx, { urgentFirst: true });
}
