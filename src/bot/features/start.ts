import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";
import { mainMenu } from "#src/bot/keyboards/main-menu.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("start", async (ctx) => {
  const { OPERATOR_NAME, OPERATOR_CONTACT } = ctx.deps.config;
  let text = ctx.t("start-welcome", { name: ctx.from.first_name, operator: OPERATOR_NAME });
  if (OPERATOR_CONTACT) text += `\n${ctx.t("start-welcome-contact", { contact: OPERATOR_CONTACT })}`;
  await ctx.reply(text, { link_preview_options: { is_disabled: true }, reply_markup: mainMenu(ctx.t) });
});

export { composer as startFeature };
