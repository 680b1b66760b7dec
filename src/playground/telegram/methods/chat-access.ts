import type { TelegramBackend } from "../backend.js";
import { forbidden } from "../errors.js";
import { isAdminStatus } from "../members.js";
import type { ChatRecord } from "../state.js";

/** A chat the bot may post to, failing with the Bot API's 400/403 answers otherwise. */
export function writableChat(backend: TelegramBackend, chatId: number | string): ChatRecord {
  const { state } = backend;
  const chat = state.requireChat(chatId);
  if (chat.chat.type === "private") {
    const user = state.requireUser(chat.chat.id);
    if (user.blockedBot) throw forbidden("bot was blocked by the user");
    if (!user.startedBot) throw forbidden("bot can't initiate conversation with a user");
    return chat;
  }
  const status = state.botStatus(chat);
  const kind = chat.chat.type === "group" ? "group" : chat.chat.type === "channel" ? "channel" : "supergroup";
  if (status === "kicked") throw forbidden(`bot was kicked from the ${kind} chat`);
  // Bots can only be channel admins; anything less means the bot is not in the channel.
  const present = chat.chat.type === "channel" ? isAdminStatus(status) : status !== "left";
  if (!present) throw forbidden(`bot is not a member of the ${kind} chat`);
  return chat;
}

/** A chat the bot may read (getChat, getChatMember, copy sources). */
export function readableChat(backend: TelegramBackend, chatId: number | string): ChatRecord {
  const chat = backend.state.requireChat(chatId);
  if (chat.chat.type === "supergroup" || chat.chat.type === "channel") {
    const status = backend.state.botStatus(chat);
    const kind = chat.chat.type === "channel" ? "channel" : "supergroup";
    if (status === "kicked") throw forbidden(`bot was kicked from the ${kind} chat`);
    if (status === "left" || (chat.chat.type === "channel" && !isAdminStatus(status))) {
      throw forbidden(`bot is not a member of the ${kind} chat`);
    }
  }
  return chat;
}
