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

// In the officers' group every command is for this bot (unless addressed to another one): an
// unknown or misspelt one is answered with where the list is.
composer
  .chatType(["group", "supergroup"])
  .on("message:entities:bot_command")
  .filter((ctx) => {
    if (ctx.chat.id !== ctx.deps.config.MODERATOR_CHAT_ID) return false;
    const command = /^\/\w+(?:@(\w+))?/.exec(ctx.msg.text ?? "");
    return command !== null && (command[1] === undefined || command[1] === ctx.me.username);
  })
  .use(async (ctx) => {
    const locale = ctx.deps.config.MODERATOR_LOCALE ?? ctx.deps.config.DEFAULT_LOCALE;
    await ctx.reply(ctx.deps.i18n.t(locale, "officer-unknown-command"), {
      message_thread_id: ctx.msg.message_thread_id,
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });

// In other groups, only commands addressed to this bot get an answer; ordinary chatter is not ours.
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
