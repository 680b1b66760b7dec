import type { Message, MessageOrigin } from "grammy/types";
import type { TelegramBackend } from "../backend.js";
import { badRequest } from "../errors.js";
import { contentKind } from "../message-builder.js";
import type { Params } from "../params.js";
import type { ChatRecord, StoredMessage } from "../state.js";
import { readableChat, writableChat } from "./chat-access.js";
import type { MethodTable } from "./context.js";
import { messageCaption } from "./message-content.js";
import { placementFrom, postBotMessage } from "./outgoing.js";

const copyableKinds = new Set([
  "text",
  "photo",
  "document",
  "sticker",
  "voice",
  "video",
  "contact",
  "location",
]);
const contentFields = [
  "text",
  "entities",
  "photo",
  "document",
  "sticker",
  "voice",
  "video",
  "contact",
  "location",
  "caption",
  "caption_entities",
  "media_group_id",
] as const;

/** The content of a message without who sent it, where it came from or its keyboard. */
function contentOf(message: Message): Partial<Message> {
  const content: Record<string, unknown> = {};
  for (const field of contentFields) if (message[field] !== undefined) content[field] = message[field];
  return content as Partial<Message>;
}

function sourceMessage(
  chat: ChatRecord,
  backend: TelegramBackend,
  messageId: number,
  what: string,
): StoredMessage {
  const stored = backend.state.liveMessage(chat, messageId);
  if (!stored) throw badRequest(`${what} not found`);
  if (!copyableKinds.has(contentKind(stored.message))) throw badRequest("message can't be copied");
  return stored;
}

/** How Telegram labels a forward: the channel, the chat, or the person (unless already a forward). */
function originOf(message: Message): MessageOrigin {
  if (message.forward_origin) return message.forward_origin;
  const { chat, date } = message;
  if (chat.type === "channel") return { type: "channel", chat, message_id: message.message_id, date };
  if (message.sender_chat) return { type: "chat", sender_chat: message.sender_chat, date };
  return { type: "user", sender_user: message.from!, date };
}

function copyCaption(params: Params, original: Message): Partial<Message> {
  if (params.bool("remove_caption")) return { caption: undefined, caption_entities: undefined };
  if (!params.has("caption") || original.text !== undefined) return {};
  const caption = messageCaption(params);
  return { caption: caption.caption, caption_entities: caption.caption_entities };
}

export const copyForwardMethods: MethodTable = {
  copyMessage: ({ backend, params }) => {
    const target = writableChat(backend, params.chatId());
    const source = readableChat(backend, params.chatId("from_chat_id"));
    const original = sourceMessage(
      source,
      backend,
      params.requiredInt("message_id"),
      "message to copy",
    ).message;
    const placement = placementFrom(backend, target, params);
    const { media_group_id: _album, ...content } = {
      ...contentOf(original),
      ...copyCaption(params, original),
    };
    return { message_id: postBotMessage(backend, target, content, placement).message.message_id };
  },

  /** Missing messages are skipped, as on Telegram; the copies keep their relative order. */
  copyMessages: ({ backend, params }) => {
    const target = writableChat(backend, params.chatId());
    const source = readableChat(backend, params.chatId("from_chat_id"));
    const ids = params.json<number[]>("message_ids");
    if (!Array.isArray(ids) || ids.length === 0) throw badRequest("message identifiers are not specified");
    const placement = placementFrom(backend, target, params);
    const removeCaption = params.bool("remove_caption");
    return [...ids]
      .sort((a, b) => a - b)
      .map((id) => backend.state.liveMessage(source, Number(id)))
      .filter((stored): stored is StoredMessage => stored !== undefined)
      .filter((stored) => copyableKinds.has(contentKind(stored.message)))
      .map((stored) => {
        const content = contentOf(stored.message);
        if (removeCaption) {
          delete content.caption;
          delete content.caption_entities;
        }
        return { message_id: postBotMessage(backend, target, content, placement).message.message_id };
      });
  },

  forwardMessage: ({ backend, params }) => {
    const target = writableChat(backend, params.chatId());
    const source = readableChat(backend, params.chatId("from_chat_id"));
    const original = sourceMessage(
      source,
      backend,
      params.requiredInt("message_id"),
      "message to forward",
    ).message;
    const placement = placementFrom(backend, target, params);
    const { media_group_id: _album, ...content } = contentOf(original);
    return postBotMessage(backend, target, { ...content, forward_origin: originOf(original) }, placement)
      .message;
  },
};
