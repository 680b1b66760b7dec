/**
 * Keeps the officer check honest: when someone's membership of the moderator group changes
 * (promoted, demoted, removed), their cached answer is dropped at once instead of after a minute.
 */
import { Composer } from "grammy";
import type { BotContext } from "#src/bot/context.js";

const composer = new Composer<BotContext>();

composer.on("chat_member", async (ctx) => {
  if (ctx.chat.id !== ctx.deps.config.MODERATOR_CHAT_ID) return;
  await ctx.deps.cases.officers.forget(ctx.chatMember.new_chat_member.user.id);
  ctx.logger.info(
    { officer: ctx.chatMember.new_chat_member.user.id, status: ctx.chatMember.new_chat_member.status },
    "officer membership changed",
  );
});

composer.on("my_chat_member", async (ctx) => {
  // A private chat: the person blocked or unblocked the bot. Groups: the bot was added or removed.
  ctx.logger.info(
    { chatType: ctx.chat.type, status: ctx.myChatMember.new_chat_member.status },
    "bot membership changed",
  );
});

export { composer as officerAccessFeature };
