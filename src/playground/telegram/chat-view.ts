import type { Message, MessageEntity } from "grammy/types";
import { contentKind } from "./message-builder.js";
import type { Sender, StoredMessage } from "./state.js";

export interface ChatViewButton {
  text: string;
  data?: string;
  url?: string;
}

export type ChatViewKind =
  | "text"
  | "photo"
  | "document"
  | "sticker"
  | "voice"
  | "video"
  | "contact"
  | "location"
  | "service"
  | "other";

/** A message as a person sees it in their Telegram app: latest content, buttons, whether it was edited. */
export interface ChatViewMessage {
  messageId: number;
  from: Sender;
  /** Display name of the author (the bot's name, the person's first name, or the channel title). */
  senderName: string;
  kind: ChatViewKind;
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  buttons?: ChatViewButton[][];
  /** A reply keyboard this message brought up. */
  replyKeyboard?: string[][];
  removesReplyKeyboard?: boolean;
  edited: boolean;
  deleted: boolean;
  forwarded: boolean;
  threadId?: number;
  replyToMessageId?: number;
  /** The stored Bot API object, for assertions the view does not cover. */
  raw: Message;
}

export function toChatView(stored: StoredMessage): ChatViewMessage {
  const { message } = stored;
  const kind = contentKind(message);
  const buttons = message.reply_markup?.inline_keyboard.map((row) =>
    row.map((button) => ({
      text: button.text,
      ...("callback_data" in button && button.callback_data !== undefined && { data: button.callback_data }),
      ...("url" in button && button.url !== undefined && { url: button.url }),
    })),
  );
  const entities = message.entities ?? message.caption_entities;
  return {
    messageId: message.message_id,
    from: stored.sender,
    senderName: message.from?.first_name ?? message.sender_chat?.title ?? "",
    kind: kind === "forum_topic_created" ? "service" : (kind as ChatViewKind),
    ...(message.text !== undefined && { text: message.text }),
    ...(message.caption !== undefined && { caption: message.caption }),
    ...(entities && { entities }),
    ...(buttons && { buttons }),
    ...(stored.replyKeyboard && { replyKeyboard: stored.replyKeyboard }),
    ...(stored.removesReplyKeyboard && { removesReplyKeyboard: true }),
    edited: stored.edited,
    deleted: stored.deleted,
    forwarded: message.forward_origin !== undefined,
    ...(message.message_thread_id !== undefined && { threadId: message.message_thread_id }),
    ...(message.reply_to_message && { replyToMessageId: message.reply_to_message.message_id }),
    raw: message,
  };
}

/** One line per message, for error messages that show the chat so far. */
export function describeChat(messages: ChatViewMessage[]): string {
  if (messages.length === 0) return "  (no messages)";
  return messages
    .map((message) => {
      const body = message.text ?? message.caption ?? `<${message.kind}>`;
      const buttons = message.buttons
        ?.flat()
        .map((button) => `[${button.text}${button.data ? ` → ${button.data}` : ""}]`)
        .join(" ");
      const flags = [message.edited && "edited", message.deleted && "deleted"].filter(Boolean).join(", ");
      const short = body.length > 300 ? `${body.slice(0, 300)}…` : body;
      return `  #${message.messageId} ${message.from}: ${JSON.stringify(short)}${buttons ? ` ${buttons}` : ""}${flags ? ` (${flags})` : ""}`;
    })
    .join("\n");
}
