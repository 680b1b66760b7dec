import type { MessageEntity } from "grammy/types";
import { byteOffset, EntityParseError, type FormattedText, isSpace, sortEntities } from "./formatted-text.js";

type Kind =
  | "Bold"
  | "Italic"
  | "Underline"
  | "Strikethrough"
  | "Spoiler"
  | "TextUrl"
  | "Code"
  | "Pre"
  | "PreCode"
  | "CustomEmoji"
  | "BlockQuote";

interface OpenEntity {
  kind: Kind;
  argument: string;
  /** Offset in the produced text (UTF-16). */
  offset: number;
  /** Index in the source where the marker began, for error messages. */
  sourceIndex: number;
}

const reservedEverywhere = "_*[]()~`>#+-=|{}.!\n";

/** parse_mode "MarkdownV2", a port of tdlib's `parse_markdown_v2` (reserved characters must be escaped). */
export function parseMarkdownV2(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenEntity[] = [];
  const reservedError = (char: string) =>
    new EntityParseError(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);
  const unclosedError = (entity: OpenEntity) =>
    new EntityParseError(
      `Can't find end of ${entity.kind} entity at byte offset ${byteOffset(source, entity.sourceIndex)}`,
    );
  let haveBlockquote = false;
  let canStartBlockquote = true;

  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const next = source[i + 1];
    if (char === "\\" && next !== undefined && next.charCodeAt(0) > 0 && next.charCodeAt(0) <= 126) {
      i++;
      text += next;
      if (next !== "\r") canStartBlockquote = next === "\n";
      continue;
    }
    const top = open.at(-1);
    const inCode = top !== undefined && (top.kind === "Code" || top.kind === "Pre" || top.kind === "PreCode");
    const reserved = inCode ? "`" : reservedEverywhere;
    if (!reserved.includes(char)) {
      if (char !== "\r") canStartBlockquote = false;
      text += char;
      continue;
    }

    if (!top || !isEndOf(top.kind, source, i, haveBlockquote)) {
      // Beginning of an entity.
      let kind: Kind;
      let argument = "";
      const sourceIndex = i;
      switch (char) {
        case "_":
          if (next === "_") {
            kind = "Underline";
            i++;
          } else kind = "Italic";
          break;
        case "*":
          kind = "Bold";
          break;
        case "~":
          kind = "Strikethrough";
          break;
        case "|":
          if (next !== "|") throw reservedError(char);
          i++;
          kind = "Spoiler";
          break;
        case "[":
          kind = "TextUrl";
          break;
        case "`":
          if (next === "`" && source[i + 2] === "`") {
            i += 3;
            kind = "Pre";
            let languageEnd = i;
            while (
              languageEnd < source.length &&
              !isSpace(source[languageEnd]) &&
              source[languageEnd] !== "`"
            ) {
              languageEnd++;
            }
            if (i !== languageEnd && languageEnd < source.length && source[languageEnd] !== "`") {
              kind = "PreCode";
              argument = source.slice(i, languageEnd);
              i = languageEnd;
            }
            // One newline right after the opening fence is not part of the text.
            if (source[i] === "\n" || source[i] === "\r") {
              const after = source[i + 1];
              i += (after === "\n" || after === "\r") && after !== source[i] ? 2 : 1;
            }
            i--;
          } else kind = "Code";
          break;
        case "!":
          if (next !== "[") throw reservedError(char);
          i++;
          kind = "CustomEmoji";
          break;
        case "\n":
          text += "\n";
          canStartBlockquote = true;
          continue;
        case ">":
          if (!canStartBlockquote) throw reservedError(char);
          if (haveBlockquote) continue;
          kind = "BlockQuote";
          haveBlockquote = true;
          break;
        default:
          throw reservedError(char);
      }
      open.push({ kind, argument, offset: text.length, sourceIndex });
      continue;
    }

    // End of an entity.
    let kind: Kind | "ExpandableBlockQuote" = top.kind;
    if (char === "\n" && kind !== "BlockQuote") {
      // "**>quote||" ends an expandable quote: a spoiler marker right before the newline.
      if (kind !== "Spoiler" || top.sourceIndex !== i - 2) throw unclosedError(top);
      open.pop();
      const quote = open.at(-1);
      if (quote?.kind !== "BlockQuote") throw unclosedError(quote ?? top);
      kind = "ExpandableBlockQuote";
    }
    const entity = open.at(-1)!;
    let skip = text.length === entity.offset;
    let url = entity.argument;
    switch (kind) {
      case "Underline":
      case "Spoiler":
        i++;
        break;
      case "Pre":
      case "PreCode":
        i += 2;
        break;
      case "TextUrl": {
        if (source[i + 1] !== "(") {
          url = text.slice(entity.offset);
        } else {
          i += 2;
          const urlStart = i;
          url = "";
          while (i < source.length && source[i] !== ")") {
            const escaped = source[i + 1];
            if (source[i] === "\\" && escaped !== undefined && escaped.charCodeAt(0) <= 126) {
              url += escaped;
              i += 2;
              continue;
            }
            url += source[i];
            i++;
          }
          if (source[i] !== ")") {
            throw new EntityParseError(
              `Can't find end of a URL at byte offset ${byteOffset(source, urlStart)}`,
            );
          }
        }
        if (url === "") skip = true;
        break;
      }
      case "CustomEmoji": {
        if (source[i + 1] !== "(")
          throw new EntityParseError("The entity must contain a tg://emoji or tg://time URL");
        const end = source.indexOf(")", i + 2);
        if (end === -1) {
          throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(source, i + 2)}`);
        }
        const emojiId = /^tg:\/\/emoji\?id=(\d+)$/.exec(source.slice(i + 2, end))?.[1];
        if (!emojiId) throw new EntityParseError("Invalid tg://emoji or tg://time URL specified");
        url = emojiId;
        i = end;
        break;
      }
      case "BlockQuote":
      case "ExpandableBlockQuote":
        haveBlockquote = false;
        text += source[i];
        canStartBlockquote = true;
        skip = false;
        break;
      default:
        break;
    }
    if (!skip) entities.push(toEntity(kind, entity.offset, text.length - entity.offset, url));
    open.pop();
  }

  if (haveBlockquote) {
    let kind: "BlockQuote" | "ExpandableBlockQuote" = "BlockQuote";
    const top = open.at(-1);
    if (top?.kind === "Spoiler" && top.sourceIndex === source.length - 2) {
      open.pop();
      kind = "ExpandableBlockQuote";
    }
    const quote = open.at(-1);
    if (quote?.kind === "BlockQuote") {
      if (text.length > quote.offset)
        entities.push(toEntity(kind, quote.offset, text.length - quote.offset, ""));
      open.pop();
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) throw unclosedError(unclosed);
  return { text, entities: sortEntities(entities) };
}

function isEndOf(kind: Kind, source: string, i: number, haveBlockquote: boolean): boolean {
  const char = source[i];
  const next = source[i + 1];
  if (haveBlockquote && char === "\n" && (i + 1 === source.length || next !== ">")) return true;
  switch (kind) {
    case "Bold":
      return char === "*";
    case "Italic":
      return char === "_" && next !== "_";
    case "Code":
      return char === "`";
    case "Pre":
    case "PreCode":
      return char === "`" && next === "`" && source[i + 2] === "`";
    case "TextUrl":
    case "CustomEmoji":
      return char === "]";
    case "Underline":
      return char === "_" && next === "_";
    case "Strikethrough":
      return char === "~";
    case "Spoiler":
      return char === "|" && next === "|";
    case "BlockQuote":
      return false;
  }
}

function toEntity(
  kind: Kind | "ExpandableBlockQuote",
  offset: number,
  length: number,
  argument: string,
): MessageEntity {
  switch (kind) {
    case "TextUrl":
      return { type: "text_link", offset, length, url: argument };
    case "PreCode":
      return { type: "pre", offset, length, language: argument };
    case "CustomEmoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: argument };
    case "ExpandableBlockQuote":
      return { type: "expandable_blockquote", offset, length };
    default: {
      const types = {
        Bold: "bold",
        Italic: "italic",
        Underline: "underline",
        Strikethrough: "strikethrough",
        Spoiler: "spoiler",
        Code: "code",
        Pre: "pre",
        BlockQuote: "blockquote",
      } as const;
      return { type: types[kind], offset, length } as MessageEntity;
    }
  }
}
