import type { MessageEntity } from "grammy/types";

/** Text with entities, offsets and lengths in UTF-16 code units as in the Bot API. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Thrown by the parsers with tdlib's wording; the caller adds "can't parse entities: ". */
export class EntityParseError extends Error {}

/** tdlib reports positions in the source as UTF-8 byte offsets. */
export function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

/** Telegram orders entities by offset, longer first. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

export function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\f" || char === "\v";
}
