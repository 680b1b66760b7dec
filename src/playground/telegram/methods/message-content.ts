import type { MessageEntity } from "grammy/types";
import { detectEntities } from "../detect-entities.js";
import { badRequest } from "../errors.js";
import { codePointLength, formatText } from "../formatting/index.js";
import { limits } from "../limits.js";
import type { Params } from "../params.js";

export interface TextContent {
  text: string;
  entities?: MessageEntity[];
}

export interface CaptionContent {
  caption?: string;
  caption_entities?: MessageEntity[];
}

/** `text` + `parse_mode`/`entities` → what Telegram stores, or the error Telegram gives. */
export function messageText(params: Params, field = "text"): TextContent {
  const source = params.string(field) ?? "";
  const { text, entities } = formatText(source, params.string("parse_mode"), params.json("entities"));
  if (text.trim() === "") throw badRequest("message text is empty");
  if (codePointLength(text) > limits.textLength) throw badRequest("message is too long");
  const all = withDetectedEntities(text, entities);
  return all.length > 0 ? { text, entities: all } : { text };
}

export function messageCaption(
  params: Params,
  field = "caption",
  parseModeField = "parse_mode",
): CaptionContent {
  const source = params.string(field);
  if (source === undefined || source === "") return {};
  const formatted = formatText(source, params.string(parseModeField), params.json("caption_entities"));
  if (codePointLength(formatted.text) > limits.captionLength) throw badRequest("message caption is too long");
  const entities = withDetectedEntities(formatted.text, formatted.entities);
  return entities.length > 0
    ? { caption: formatted.text, caption_entities: entities }
    : { caption: formatted.text };
}

/** Telegram also marks links, mentions and commands it finds in the bot's own text. */
function withDetectedEntities(text: string, entities: MessageEntity[]): MessageEntity[] {
  const opaque = entities.filter((e) => e.type === "code" || e.type === "pre" || e.type === "text_link");
  const detected = detectEntities(text).filter(
    (found) =>
      !opaque.some((e) => found.offset < e.offset + e.length && found.offset + found.length > e.offset),
  );
  return [...entities, ...detected].sort((a, b) => a.offset - b.offset || b.length - a.length);
}
