import { isDeepStrictEqual } from "node:util";
import type { LinkPreviewOptions, Message } from "grammy/types";
import type { TelegramBackend } from "../backend.js";
import { badRequest } from "../errors.js";
import { isAdminStatus } from "../members.js";
import { nowSeconds } from "../message-builder.js";
import type { Params } from "../params.js";
import { parseReplyMarkup } from "../reply-markup.js";
import type { ChatRecord, StoredMessage } from "../state.js";
import { readableChat, writableChat } from "./chat-access.js";
import type { MethodTable } from "./context.js";
import { messageCaption, messageText } from "./message-content.js";
import { placementFrom, postBotMessage } from "./outgoing.js";

const notModified =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const chatActions = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

function linkPreview(params: Params): Partial<Message> {
  const options = params.json<LinkPreviewOptions>("link_preview_options");
  if (options) return { link_preview_options: options };
  return params.bool("disable_web_page_preview") ? { link_preview_options: { is_disabled: true } } : {};
}

/** The bot's own message to edit, with Telegram's errors for missing or foreign messages. */
function messageToEdit(
  backend: TelegramBackend,
  params: Params,
): { chat: ChatRecord; stored: StoredMessage } {
  if (params.has("inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
  const chat = writableChat(backend, params.chatId());
  const stored = backend.state.liveMessage(chat, params.requiredInt("message_id"));
  if (!stored) throw badRequest("message to edit not found");
  if (stored.sender !== "bot") throw badRequest("message can't be edited");
  return { chat, stored };
}

/** Applies an edit, or fails like Telegram when nothing would change. */
function applyEdit(
  backend: TelegramBackend,
  chat: ChatRecord,
  stored: StoredMessage,
  changes: Partial<Message>,
) {
  const next = { ...stored.message } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  const comparable = (message: Record<string, unknown>) => {
    const { edit_date: _ignored, ...rest } = message;
    return rest;
  };
  if (isDeepStrictEqual(comparable(next), comparable(stored.message as unknown as Record<string, unknown>))) {
    throw badRequest(notModified);
  }
  next.edit_date = nowSeconds();
  stored.message = next as unknown as Message;
  backend.state.markEdited(chat, stored);
  return stored.message;
}

export const messageMethods: MethodTable = {
  sendMessage: ({ backend, params }) => {
    const chat = writableChat(backend, params.chatId());
    const content = messageText(params);
    const placement = placementFrom(backend, chat, params);
    return postBotMessage(backend, chat, { ...content, ...linkPreview(params) }, placement).message;
  },

  /** Without reply_markup the inline keyboard is removed, as on Telegram. */
  editMessageText: ({ backend, params }) => {
    const { chat, stored } = messageToEdit(backend, params);
    if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
    const content = messageText(params);
    const markup = parseReplyMarkup(params.json("reply_markup"));
    return applyEdit(backend, chat, stored, {
      text: content.text,
      entities: content.entities,
      reply_markup: markup.inline,
      ...linkPreview(params),
    });
  },

  editMessageCaption: ({ backend, params }) => {
    const { chat, stored } = messageToEdit(backend, params);
    if (stored.message.text !== undefined) throw badRequest("there is no caption in the message to edit");
    const caption = messageCaption(params);
    const markup = parseReplyMarkup(params.json("reply_markup"));
    return applyEdit(backend, chat, stored, {
      caption: caption.caption,
      caption_entities: caption.caption_entities,
      reply_markup: markup.inline,
    });
  },

  editMessageReplyMarkup: ({ backend, params }) => {
    const { chat, stored } = messageToEdit(backend, params);
    const markup = parseReplyMarkup(params.json("reply_markup"));
    return applyEdit(backend, chat, stored, { reply_markup: markup.inline });
  },

  deleteMessage: ({ backend, params }) => {
    const chat = readableChat(backend, params.chatId());
    const stored = backend.state.liveMessage(chat, params.requiredInt("message_id"));
    if (!stored) throw badRequest("message to delete not found");
    // In groups a bot deletes other people's messages only as an admin.
    const isGroup = chat.chat.type === "group" || chat.chat.type === "supergroup";
    if (isGroup && stored.sender !== "bot" && !isAdminStatus(backend.state.botStatus(chat))) {
      throw badRequest("message can't be deleted");
    }
    backend.state.markDeleted(chat, stored);
    return true;
  },

  deleteMessages: ({ backend, params }) => {
    const chat = readableChat(backend, params.chatId());
    const ids = params.json<number[]>("message_ids");
    if (!Array.isArray(ids) || ids.length === 0) throw badRequest("message identifiers are not specified");
    for (const id of ids) {
      const stored = backend.state.liveMessage(chat, Number(id));
      if (stored) backend.state.markDeleted(chat, stored);
    }
    return true;
  },

  sendChatAction: ({ backend, params }) => {
    writableChat(backend, params.chatId());
    const action = params.requiredString("action");
    if (!chatActions.has(action)) throw badRequest("wrong parameter action in request");
    return true;
  },
};
