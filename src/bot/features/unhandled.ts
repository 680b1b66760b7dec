/** The last word: anything no feature took gets a friendly answer instead of silence. */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";

const composer = new Composer<BotContext>();

composer.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("callback-expired") });
});

composer.chatType("private").on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-text"));
});

// In groups, only commands addressed to this bot get an answer; ordinary chatter is not ours.
composer
  .chatType(["group", "supergroup"])
  .on("message:entities:bot_command")
  .filter((ctx) => ctx.msg.text?.includes(`@${ctx.me.username}`) ?? false)
  .use(async (ctx) => {
    await ctx.reply(ctx.t("unhandled-group", { bot: ctx.me.username }), {
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });

export { composer as unhandledFeature };
