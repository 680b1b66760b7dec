/**
 * Ways into a report: /report and "Report this" under a check (the menu's "Report" and "Someone
 * is in danger now" go through the same src/bot/start-report.ts). Buttons of a report that is
 * already over (a second press of Send, an old summary) are answered here, outside the
 * conversation, and change nothing.
 */
import { Composer } from "grammy";
import { z } from "zod";
import type { BotContext } from "#src/bot/context.js";
import { reportThisData } from "#src/bot/features/check.js";
import { startReport } from "#src/bot/start-report.js";
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

// A report button pressed after its report ended: already sent, cancelled or expired.
feature.callbackQuery(/^rp:/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("report-button-finished"), show_alert: false });
});

feature.command("cancel", async (ctx) => {
  await ctx.reply(ctx.t("report-nothing-to-cancel"));
});

export { composer as reportFeature };
