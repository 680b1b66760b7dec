import type { Message, User } from "grammy/types";
import type { ChatRecord } from "./state.js";

/** Bot API dates are Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A replied-to message is embedded without its own reply, as in real updates. */
export function asReplyTarget(message: Message): Message & { reply_to_message: undefined } {
  const { reply_to_message: _dropped, ...rest } = message;
  return rest as Message & { reply_to_message: undefined };
}

/** The fields every message shares; the author is a user, or the bot (channel posts carry sender_chat). */
export function messageEnvelope(
  chat: ChatRecord,
  messageId: number,
  author: User,
  place: { threadId?: number; replyTo?: Message },
): Message {
  const isChannel = chat.chat.type === "channel";
  return {
    message_id: messageId,
    ...(isChannel ? { sender_chat: chat.chat } : { from: author }),
    date: nowSeconds(),
    chat: chat.chat,
    ...(place.threadId !== undefined && { message_thread_id: place.threadId, is_topic_message: true }),
    ...(place.replyTo && { reply_to_message: asReplyTarget(place.replyTo) }),
  } as Message;
}

/** Which kind of content a message has, for chat views and copy rules. */
export function contentKind(message: Message): string {
  const kinds = [
    "text",
    "photo",
    "document",
    "sticker",
    "voice",
    "video",
    "contact",
    "location",
    "forum_topic_created",
  ] as const;
  return kinds.find((kind) => message[kind] !== undefined) ?? "other";
}
