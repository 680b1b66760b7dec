import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("help", async (ctx) => {
  await ctx.reply(ctx.t("help-text"));
});

export { composer as helpFeature };
