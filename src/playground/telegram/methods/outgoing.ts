import type { Message, ReplyParameters } from "grammy/types";
import type { TelegramBackend } from "../backend.js";
import { badRequest } from "../errors.js";
import { messageEnvelope } from "../message-builder.js";
import type { Params } from "../params.js";
import { type ParsedReplyMarkup, parseReplyMarkup } from "../reply-markup.js";
import type { ChatRecord, StoredMessage } from "../state.js";

/** Where a bot message goes inside its chat and what it carries besides its content. */
export interface Placement {
  threadId?: number;
  replyTo?: Message;
  markup: ParsedReplyMarkup;
}

/** Reads message_thread_id, reply_parameters and reply_markup the way every send method does. */
export function placementFrom(backend: TelegramBackend, chat: ChatRecord, params: Params): Placement {
  const markup = parseReplyMarkup(params.json("reply_markup"));
  const replyTo = repliedMessage(backend, chat, params);
  const threadId = forumThread(chat, params.int("message_thread_id") ?? replyTo?.message_thread_id);
  return {
    markup,
    ...(replyTo !== undefined && { replyTo }),
    ...(threadId !== undefined && { threadId }),
  };
}

/** In forums a thread must be an existing topic; elsewhere Telegram ignores message_thread_id. */
function forumThread(chat: ChatRecord, threadId: number | undefined): number | undefined {
  if (threadId === undefined) return undefined;
  if (chat.chat.type !== "supergroup" || !chat.chat.is_forum) return undefined;
  if (!chat.topics.has(threadId)) throw badRequest("message thread not found");
  return threadId;
}

function repliedMessage(backend: TelegramBackend, chat: ChatRecord, params: Params): Message | undefined {
  const reply = params.json<ReplyParameters>("reply_parameters");
  const messageId = reply?.message_id ?? params.int("reply_to_message_id");
  if (messageId === undefined) return undefined;
  const source = reply?.chat_id !== undefined ? backend.state.requireChat(reply.chat_id) : chat;
  const stored = backend.state.liveMessage(source, messageId);
  if (stored) return stored.message;
  if (reply?.allow_sending_without_reply || params.bool("allow_sending_without_reply")) return undefined;
  throw badRequest("message to be replied not found");
}

/** Stores a message from the bot and returns what the Bot API answers. */
export function postBotMessage(
  backend: TelegramBackend,
  chat: ChatRecord,
  content: Partial<Message>,
  placement: Placement,
): StoredMessage {
  const { markup } = placement;
  return backend.state.storeMessage(
    chat,
    "bot",
    (messageId) => ({
      ...messageEnvelope(chat, messageId, backend.state.bot, placement),
      ...withoutUndefined(content),
      ...(markup.inline && { reply_markup: markup.inline }),
    }),
    {
      ...(markup.replyKeyboard && { replyKeyboard: markup.replyKeyboard }),
      ...(markup.removeKeyboard && { removesReplyKeyboard: true }),
    },
  );
}

function withoutUndefined(content: Partial<Message>): Partial<Message> {
  return Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined));
}
