/**
 * Ways into a report: /report and "Report this" under a check (the menu's "Report" and "Someone
 * is in danger now" go through the same src/bot/start-report.ts). Buttons of a report that is
 * already over (a second press of Send, an old summary) are answered here, outside the
 * conversation, and change nothing.
 */
import { Composer } from "grammy";
import { z } from "zod";
import type { BotContext } from "#src/bot/context.js";
import { startReport } from "#src/bot/start-report.js";
import { reportThisData, urgentReportData } from "#src/callback-data/check.js";
import { reportStepData } from "#src/callback-data/report-step.js";
import { LIMITS, mediaSchema } from "#src/reports/report.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("report", (ctx) => startReport(ctx, {}));

feature.callbackQuery(reportThisData.filter, async (ctx) => {
  const data = reportThisData.unpack(ctx.callbackQuery.data);
  const [text, media] = data
    ? await ctx.deps.redis.mget(ctx.deps.keys.check(data.check), ctx.deps.keys.checkMedia(data.check))
    : [null, null];
  await ctx.answerCallbackQuery();
  // A screenshot check keeps its images beside the text (which may be empty: nothing was readable).
  const offerMedia = media
    ? z.array(mediaSchema).max(LIMITS.media).safeParse(JSON.parse(media)).data
    : undefined;
  if (!text && !offerMedia?.length) {
    await ctx.reply(ctx.t("check-expired"));
    return;
  }
  await startReport(ctx, {
    ...(text ? { offerText: text } : {}),
    ...(offerMedia?.length ? { offerMedia } : {}),
  });
});

// 🆘 under the answer to urgent words: the urgent report, with what was said carried in as the offer
// text (the officers read it on the card). Never refused for age: without the text it starts anyway.
feature.callbackQuery(urgentReportData.filter, async (ctx) => {
  const data = urgentReportData.unpack(ctx.callbackQuery.data);
  const text = data ? await ctx.deps.redis.get(ctx.deps.keys.check(data.check)) : null;
  await ctx.answerCallbackQuery();
  await startReport(ctx, { urgentFirst: true, ...(text ? { offerText: text } : {}) });
});

// A report button pressed after its report ended: already sent, cancelled or expired.
feature.callbackQuery(reportStepData.filter, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("report-button-finished"), show_alert: false });
});

feature.command("cancel", async (ctx) => {
  await ctx.reply(ctx.t("report-nothing-to-cancel"));
});

export { composer as reportFeature };
