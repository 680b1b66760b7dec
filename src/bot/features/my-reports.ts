/** "My reports": the person's cases with their status, and "Add information" while a case is open. */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import {
  ADD_INFORMATION_CONVERSATION,
  type AddInformationOptions,
} from "#src/bot/conversations/add-information.js";
import { REPORT_CONVERSATION } from "#src/bot/conversations/report/index.js";
import { showMyReports } from "#src/bot/show-my-reports.js";
import { addInformationData } from "#src/callback-data/reporter.js";
import { isOpenStatus } from "#src/reports/status.js";

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
