import type { Message } from "grammy/types";
import type { TelegramBackend } from "./backend.js";
import { isAdminStatus, isPresentStatus } from "./members.js";
import type { ChatRecord } from "./state.js";

/**
 * Whether Telegram hands a group message to the bot. With privacy mode on (the default for new bots) a
 * non-admin bot gets only commands, replies to its own messages and messages that mention it.
 */
export function botReceivesGroupMessage(
  backend: TelegramBackend,
  chat: ChatRecord,
  message: Message,
): boolean {
  const { state } = backend;
  const status = state.botStatus(chat);
  if (!isPresentStatus(status)) return false;
  if (!backend.privacyMode || isAdminStatus(status)) return true;
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const botName = state.bot.username.toLowerCase();
  const addressed = entities.some((entity) => {
    const part = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    if (entity.type === "bot_command") return !part.includes("@") || part.endsWith(`@${botName}`);
    return entity.type === "mention" && part === `@${botName}`;
  });
  return addressed || message.reply_to_message?.from?.id === state.bot.id;
}
