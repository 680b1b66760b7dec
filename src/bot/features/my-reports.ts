/** "My reports": the person's cases with their status, and "Add information" while a case is open. */
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { BotContext } from "#src/bot/context.js";
import {
  ADD_INFORMATION_CONVERSATION,
  type AddInformationOptions,
} from "#src/bot/conversations/add-information.js";
import { REPORT_CONVERSATION } from "#src/bot/conversations/report/index.js";
import { replyToCaseData } from "#src/bot/features/reporter-reply.js";
import { defineCallbackData } from "#src/callback-data/pack.js";
import { isOpenStatus } from "#src/reports/status.js";

export const addInformationData = defineCallbackData(
  "add",
  ["id"],
  z.object({ id: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/) }),
);

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

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command(["myreports", "reports"], showMyReports);

feature.callbackQuery(addInformationData.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const data = addInformationData.unpack(ctx.callbackQuery.data);
  const active = ctx.conversation.active();
  if ((active[REPORT_CONVERSATION] ?? 0) + (active[ADD_INFORMATION_CONVERSATION] ?? 0) > 0) {
    await ctx.reply(ctx.t("report-already-running"));
    return;
  }
  const report = data ? await ctx.deps.reports.get(data.id) : undefined;
  const ref = ctx.deps.pseudonymize("user", ctx.from.id);
  if (!report || report.reporterRef !== ref || !isOpenStatus(report.status)) {
    await ctx.reply(ctx.t("add-info-refused", { id: data?.id ?? "?" }));
    return;
  }
  const locale = ctx.session.locale ?? ctx.deps.config.DEFAULT_LOCALE;
  await ctx.deps.conversationOwners.remember(ctx.chat.id, locale);
  await ctx.conversation.enter(ADD_INFORMATION_CONVERSATION, {
    locale,
    reportId: report.id,
  } satisfies AddInformationOptions);
});

export { composer as myReportsFeature };
