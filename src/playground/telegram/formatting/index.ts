import type { MessageEntity } from "grammy/types";
import { badRequest, cantParseEntities } from "../errors.js";
import { EntityParseError, type FormattedText, sortEntities } from "./formatted-text.js";
import { parseHtml } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import { parseMarkdownV2 } from "./markdown-v2.js";

export type { FormattedText } from "./formatted-text.js";

const entityTypes = new Set<MessageEntity["type"]>([
  "mention",
  "hashtag",
  "cashtag",
  "bot_command",
  "url",
  "email",
  "phone_number",
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "spoiler",
  "blockquote",
  "expandable_blockquote",
  "code",
  "pre",
  "text_link",
  "text_mention",
  "custom_emoji",
]);

/**
 * Turns a text plus `parse_mode` or explicit `entities` into what Telegram stores, with Telegram's errors.
 * Explicit entities win over parse_mode, as in the Bot API.
 */
export function formatText(source: string, parseMode: string | undefined, entities: unknown): FormattedText {
  if (entities !== undefined) return { text: source, entities: validateEntities(source, entities) };
  const mode = parseMode?.toLowerCase();
  if (!mode || mode === "none" || source === "") return { text: source, entities: [] };
  try {
    if (mode === "html") return parseHtml(source);
    if (mode === "markdownv2") return parseMarkdownV2(source);
    if (mode === "markdown") return parseMarkdown(source);
  } catch (error) {
    if (error instanceof EntityParseError) throw cantParseEntities(error.message);
    throw error;
  }
  throw badRequest("unsupported parse_mode");
}

/** Explicit entities must lie inside the text, measured in UTF-16 code units. */
function validateEntities(text: string, entities: unknown): MessageEntity[] {
  if (!Array.isArray(entities)) throw badRequest("can't parse entities JSON object");
  const valid: MessageEntity[] = [];
  for (const entity of entities as Array<Partial<MessageEntity>>) {
    const { offset, length, type } = entity;
    if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0) {
      throw badRequest(`receive an entity with incorrect offset ${String(offset)}`);
    }
    if (typeof length !== "number" || !Number.isInteger(length) || length < 0) {
      throw badRequest(`receive an entity with incorrect length ${String(length)}`);
    }
    if (!type || !entityTypes.has(type)) throw badRequest("unsupported entity type specified");
    if (type === "text_link" && !("url" in entity && entity.url))
      throw badRequest("can't parse entities: url is empty");
    if (length === 0) continue;
    if (offset >= text.length) {
      throw badRequest(`entity begins after the end of the text at UTF-16 offset ${offset}`);
    }
    if (offset + length > text.length) {
      throw badRequest(
        `entity beginning at UTF-16 offset ${offset} ends after the end of the text at UTF-16 offset ${offset + length}`,
      );
    }
    valid.push(entity as MessageEntity);
  }
  return sortEntities(valid);
}

/** Telegram's length limits count Unicode code points, not UTF-16 units or bytes. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
