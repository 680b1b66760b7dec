import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./errors.js";
import { limits } from "./limits.js";

/** What a reply_markup does to the chat: an inline keyboard on the message, or a change of the reply keyboard. */
export interface ParsedReplyMarkup {
  inline?: InlineKeyboardMarkup;
  replyKeyboard?: string[][];
  removeKeyboard?: true;
  forceReply?: true;
}

const inlineActions = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

/** Validates reply_markup with the Bot API's checks and error texts. */
export function parseReplyMarkup(value: unknown): ParsedReplyMarkup {
  if (value === undefined || value === null || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest("object expected as reply markup");
  const markup = value as Record<string, unknown>;
  if ("inline_keyboard" in markup) {
    const rows = parseInlineKeyboard(markup.inline_keyboard);
    // An empty keyboard is no keyboard: `{ inline_keyboard: [] }` is how bots remove one.
    return rows.some((row) => row.length > 0) ? { inline: { inline_keyboard: rows } } : {};
  }
  if ("keyboard" in markup) return { replyKeyboard: parseReplyKeyboard(markup.keyboard) };
  if (markup.remove_keyboard === true || markup.hide_keyboard === true) return { removeKeyboard: true };
  if (markup.force_reply === true) return { forceReply: true };
  return {};
}

function parseInlineKeyboard(rows: unknown): InlineKeyboardButton[][] {
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  return (rows as unknown[][]).map((row) => row.map(parseInlineButton));
}

function parseInlineButton(button: unknown): InlineKeyboardButton {
  if (typeof button !== "object" || button === null || Array.isArray(button)) {
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  }
  const fields = button as Record<string, unknown>;
  if (typeof fields.text !== "string") {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  const action = inlineActions.find((name) => fields[name] !== undefined && fields[name] !== "");
  if (!action)
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (action === "callback_data") {
    const data = fields.callback_data;
    const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
    if (bytes < 1 || bytes > limits.callbackDataBytes) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (action === "url" && !isButtonUrl(fields.url)) throw badRequest("BUTTON_URL_INVALID");
  if (fields.text === "") throw badRequest("BUTTON_TEXT_EMPTY");
  return fields as unknown as InlineKeyboardButton;
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  if (url.startsWith("tg://")) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

function parseReplyKeyboard(rows: unknown): string[][] {
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest('field "keyboard" must be an Array of Arrays');
  }
  return (rows as unknown[][]).map((row) =>
    row.map((button) => {
      if (typeof button === "string") return button;
      if (
        typeof button === "object" &&
        button !== null &&
        typeof (button as { text?: unknown }).text === "string"
      ) {
        return (button as { text: string }).text;
      }
      throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
    }),
  );
}
