/**
 * The buttons under a case card. Only officers (see middlewares/officer.ts) in the moderator group
 * may use them; anything else — a button pressed elsewhere, forged data, a second click, a card of
 * a deleted report, a transition the state machine forbids — gets a short polite answer and
 * changes nothing. Every action and every refusal is audited with the officer's id only.
 */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { moderatorTranslate } from "#src/bot/i18n.js";
import { type CaseAction, caseActionData } from "#src/callback-data/case.js";
import type { Actor, Report } from "#src/reports/report.js";
import type { ReportStatus } from "#src/reports/status.js";

const STATUS_OF: Partial<Record<CaseAction, ReportStatus>> = {
  confirm: "confirmed_scam",
  notscam: "not_scam",
  info: "needs_info",
  escalate: "escalated",
  close: "closed",
  reopen: "in_review",
};

type Outcome = { report?: Report; answer: string; alert?: boolean; statusChanged?: boolean };

async function act(ctx: BotContext, report: Report, action: CaseAction, actor: Actor): Promise<Outcome> {
  const t = moderatorTranslate(ctx);
  const { reports } = ctx.deps;
  const officerId = String(ctx.from!.id);
  const status = STATUS_OF[action];
  if (status) {
    const result = await reports.setStatus(report.id, status, actor);
    if (!result.ok) {
      const answer =
        result.reason === "unchanged"
          ? t("triage-already", { status: t(`status-${status}`) })
          : t("triage-not-allowed", {
              from: t(`status-${report.status}`),
              to: t(`status-${status}`),
            });
      return { answer };
    }
    return {
      report: result.report,
      answer: t("triage-done", { status: t(`status-${status}`) }),
      statusChanged: true,
    };
  }
  if (action === "take") {
    const assigned = await reports.assign(report.id, officerId, actor);
    let current = assigned.ok ? assigned.report : report;
    let statusChanged = false;
    if (current.status === "received") {
      const review = await reports.setStatus(report.id, "in_review", actor);
      if (review.ok) {
        current = review.report;
        statusChanged = true;
      }
    }
    if (!assigned.ok && !statusChanged) return { answer: t("triage-already-yours") };
    return { report: current, answer: t("triage-taken"), statusChanged };
  }
  if (action === "urgent") {
    const result = await reports.setUrgent(report.id, true, actor);
    if (!result.ok) return { answer: t("triage-already-urgent") };
    return { report: result.report, answer: t("triage-marked-urgent") };
  }
  // reveal
  if (!report.contactConsent || !report.reporterRef) return { answer: t("triage-no-consent"), alert: true };
  const reporter = await reports.reporterOf(report.reporterRef);
  if (!reporter) return { answer: t("triage-no-consent"), alert: true };
  await reports.audit({ action: "contact.revealed", reportId: report.id, actor });
  const contact = reporter.contactPhone ?? t("triage-contact-bot-only");
  // Shown only to the officer who asked, as an alert: it is not posted in the group.
  return { answer: t("triage-contact", { id: report.id, contact }), alert: true };
}

const composer = new Composer<BotContext>();

composer.callbackQuery(caseActionData.filter, async (ctx) => {
  const t = moderatorTranslate(ctx);
  const { deps } = ctx;
  const actor = `officer:${ctx.from.id}` as Actor;
  const data = caseActionData.unpack(ctx.callbackQuery.data);
  const refuse = async (reason: string, answer: string) => {
    await deps.reports.audit({ action: "triage.refused", reportId: data?.id, actor, detail: { reason } });
    await ctx.answerCallbackQuery({ text: answer, show_alert: true });
  };
  // Forged buttons and buttons pressed outside the officers' group cost nobody's time: counted, not
  // audited one by one (a script pressing them would otherwise fill the audit stream).
  if (!data || ctx.chat?.id !== deps.config.MODERATOR_CHAT_ID) {
    await deps.limits.countRefusal(data ? "outside_moderator_group" : "forged");
    await ctx.answerCallbackQuery({
      text: t(data ? "triage-wrong-chat" : "triage-invalid"),
      show_alert: true,
    });
    return;
  }
  if (!(await deps.cases.officers.isOfficer(ctx.from.id)))
    return refuse("not_officer", t("triage-not-officer"));
  const report = await deps.reports.get(data.id);
  if (!report) return refuse("no_report", t("triage-no-report"));

  const outcome = await act(ctx, report, data.action, actor);
  await deps.reports.audit({
    action: `triage.${data.action}`,
    reportId: report.id,
    actor,
    detail: { changed: String(Boolean(outcome.report)) },
  });
  await ctx.answerCallbackQuery({ text: outcome.answer, show_alert: outcome.alert ?? false });
  if (!outcome.report) return;
  const { text, entities, keyboard } = await deps.cases.cards.render(outcome.report);
  await ctx
    .editMessageText(text, { entities, reply_markup: keyboard, link_preview_options: { is_disabled: true } })
    .catch((error: Error) => {
      if (!error.message.includes("message is not modified")) throw error;
    });
  if (outcome.statusChanged) await deps.cases.statusChanged(outcome.report);
  else await deps.cases.changed(outcome.report, { cardUpToDate: true });
  if (data.action === "info")
    await ctx.reply(t("triage-ask-how", { id: report.id }), {
      message_thread_id: ctx.msg?.message_thread_id,
    });
});

export { composer as triageFeature };
