import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("privacy", async (ctx) => {
  const { OPERATOR_NAME, SESSION_TTL_DAYS, REPORT_RETENTION_DAYS } = ctx.deps.config;
  await ctx.reply(
    ctx.t("privacy-text", {
      operator: OPERATOR_NAME,
      sessionDays: SESSION_TTL_DAYS,
      retentionDays: REPORT_RETENTION_DAYS,
    }),
  );
});

export { composer as privacyFeature };
