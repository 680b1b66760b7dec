/**
 * Officers' messages about a case: a reply to its card, or any message in its forum topic. A
 * message starting with /ask goes to the reporter through the anonymous relay; anything else is a
 * note for officers, kept with the case. The reporter's identity never enters the group and the
 * officer's never reaches the reporter.
 */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { moderatorTranslate } from "#src/bot/i18n.js";
import type { Actor } from "#src/reports/report.js";

const MAX_NOTE = 4000;

const composer = new Composer<BotContext>();

composer
  .chatType(["group", "supergroup"])
  .on("message:text")
  .filter((ctx) => ctx.chat.id === ctx.deps.config.MODERATOR_CHAT_ID)
  .use(async (ctx, next) => {
    const { deps } = ctx;
    const reportId = await deps.cases.cards.reportFor(ctx.chat.id, ctx.msg);
    if (!reportId) return next();
    if (!(await deps.cases.officers.isOfficer(ctx.from.id))) return next();
    const report = await deps.reports.get(reportId);
    if (!report) return next();
    const t = moderatorTranslate(ctx);
    const actor = `officer:${ctx.from.id}` as Actor;
    const where = {
      message_thread_id: ctx.msg.message_thread_id,
      reply_parameters: { message_id: ctx.msg.message_id },
    };
    const ask = /^\/ask(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(ctx.msg.text);
    if (ask) {
      const question = (ask[1] ?? "").trim();
      if (!question) return void (await ctx.reply(t("relay-ask-empty"), where));
      if (!report.contactConsent || !report.reporterRef)
        return void (await ctx.reply(t("relay-no-consent"), where));
      await deps.cases.relay(report, question, String(ctx.msg.message_id));
      await deps.reports.audit({ action: "relay.asked", reportId: report.id, actor });
      await ctx.reply(t("relay-queued"), where);
      return;
    }
    const note = {
      officer: ctx.from.id,
      at: new Date().toISOString(),
      text: ctx.msg.text.slice(0, MAX_NOTE),
    };
    await deps.redis.rpush(deps.keys.reportNotes(report.id), JSON.stringify(note));
    await deps.reports.audit({ action: "note.added", reportId: report.id, actor });
    await deps.cases.cards.publish(report.id);
  });

// /ask that belongs to no case (not in a case topic, not a reply to a card): how to use it.
composer
  .chatType(["group", "supergroup"])
  .filter((ctx) => ctx.chat.id === ctx.deps.config.MODERATOR_CHAT_ID)
  .command("ask", async (ctx) => {
    const t = moderatorTranslate(ctx);
    const officer = await ctx.deps.cases.officers.isOfficer(ctx.from.id);
    await ctx.reply(t(officer ? "relay-ask-where" : "triage-not-officer"), {
      message_thread_id: ctx.msg.message_thread_id,
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });

export { composer as caseThreadFeature };
