/**
 * The list under "My reports", shared by /myreports and the main menu: the person's cases with
 * their status, and "Add information" and "Reply" while a case is open.
 */
import { InlineKeyboard } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { addInformationData, replyToCaseData } from "#src/callback-data/reporter.js";
import { isOpenStatus } from "#src/reports/status.js";

const MAX_LISTED = 20;

export async function showMyReports(ctx: BotContext): Promise<void> {
  const ref = ctx.deps.pseudonymize("user", ctx.from!.id);
  const reports = (await ctx.deps.reports.reportsOf(ref)).slice(0, MAX_LISTED);
  if (reports.length === 0) {
    await ctx.reply(ctx.t("my-reports-none"));
    return;
  }
  const keyboard = new InlineKeyboard();
  const lines = reports.map((r) => {
    if (isOpenStatus(r.status)) {
      keyboard.text(ctx.t("my-reports-add", { id: r.id }), addInformationData.pack({ id: r.id })).row();
      keyboard.text(ctx.t("my-reports-reply", { id: r.id }), replyToCaseData.pack({ id: r.id })).row();
    }
    return ctx.t("my-reports-line", {
      id: r.id,
      status: ctx.t(`status-${r.status}`),
      date: r.createdAt.slice(0, 10),
    });
  });
  await ctx.reply(`${ctx.t("my-reports-title")}\n\n${lines.join("\n")}`, { reply_markup: keyboard });
}
