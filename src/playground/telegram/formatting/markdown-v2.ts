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

/** What the parser has produced so far, shared by its steps. */
interface Parse {
  source: string;
  text: string;
  entities: MessageEntity[];
  open: OpenEntity[];
  haveBlockquote: boolean;
  canStartBlockquote: boolean;
}

const reservedError = (char: string) =>
  new EntityParseError(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);

const unclosedError = (source: string, entity: OpenEntity) =>
  new EntityParseError(
    `Can't find end of ${entity.kind} entity at byte offset ${byteOffset(source, entity.sourceIndex)}`,
  );

/** parse_mode "MarkdownV2", a port of tdlib's `parse_markdown_v2` (reserved characters must be escaped). */
export function parseMarkdownV2(source: string): FormattedText {
  const p: Parse = {
    source,
    text: "",
    entities: [],
    open: [],
    haveBlockquote: false,
    canStartBlockquote: true,
  };

  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const next = source[i + 1];
    if (char === "\\" && next !== undefined && next.charCodeAt(0) > 0 && next.charCodeAt(0) <= 126) {
      i++;
      p.text += next;
      if (next !== "\r") p.canStartBlockquote = next === "\n";
      continue;
    }
    const top = p.open.at(-1);
    const inCode = top !== undefined && (top.kind === "Code" || top.kind === "Pre" || top.kind === "PreCode");
    const reserved = inCode ? "`" : reservedEverywhere;
    if (!reserved.includes(char)) {
      if (char !== "\r") p.canStartBlockquote = false;
      p.text += char;
      continue;
    }
    i = !top || !isEndOf(top.kind, source, i, p.haveBlockquote) ? openEntity(p, i) : closeEntity(p, i, top);
  }

  if (p.haveBlockquote) {
    let kind: "BlockQuote" | "ExpandableBlockQuote" = "BlockQuote";
    const top = p.open.at(-1);
    if (top?.kind === "Spoiler" && top.sourceIndex === source.length - 2) {
      p.open.pop();
      kind = "ExpandableBlockQuote";
    }
    const quote = p.open.at(-1);
    if (quote?.kind === "BlockQuote") {
      if (p.text.length > quote.offset)
        p.entities.push(toEntity(kind, quote.offset, p.text.length - quote.offset, ""));
      p.open.pop();
    }
  }
  const unclosed = p.open.at(-1);
  if (unclosed) throw unclosedError(source, unclosed);
  return { text: p.text, entities: sortEntities(p.entities) };
}

/** The beginning of an entity at `i` (a newline or a repeated ">" opens none); returns the last index read. */
function openEntity(p: Parse, i: number): number {
  const { source } = p;
  const char = source[i]!;
  const next = source[i + 1];
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
        ({ kind, argument, i } = openFence(source, i));
      } else kind = "Code";
      break;
    case "!":
      if (next !== "[") throw reservedError(char);
      i++;
      kind = "CustomEmoji";
      break;
    case "\n":
      p.text += "\n";
      p.canStartBlockquote = true;
      return i;
    case ">":
      if (!p.canStartBlockquote) throw reservedError(char);
      if (p.haveBlockquote) return i;
      kind = "BlockQuote";
      p.haveBlockquote = true;
      break;
    default:
      throw reservedError(char);
  }
  p.open.push({ kind, argument, offset: p.text.length, sourceIndex });
  return i;
}

/** "```lang\n": a pre block, with its language if one is named; returns the last index read. */
function openFence(source: string, i: number): { kind: Kind; argument: string; i: number } {
  i += 3;
  let kind: Kind = "Pre";
  let argument = "";
  let languageEnd = i;
  while (languageEnd < source.length && !isSpace(source[languageEnd]) && source[languageEnd] !== "`") {
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
  return { kind, argument, i: i - 1 };
}

/** The end of the innermost open entity at `i`; returns the last index read. */
function closeEntity(p: Parse, i: number, top: OpenEntity): number {
  const { source } = p;
  const char = source[i];
  let kind: Kind | "ExpandableBlockQuote" = top.kind;
  if (char === "\n" && kind !== "BlockQuote") {
    // "**>quote||" ends an expandable quote: a spoiler marker right before the newline.
    if (kind !== "Spoiler" || top.sourceIndex !== i - 2) throw unclosedError(source, top);
    p.open.pop();
    const quote = p.open.at(-1);
    if (quote?.kind !== "BlockQuote") throw unclosedError(source, quote ?? top);
    kind = "ExpandableBlockQuote";
  }
  const entity = p.open.at(-1)!;
  let skip = p.text.length === entity.offset;
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
      ({ url, i } = source[i + 1] !== "(" ? { url: p.text.slice(entity.offset), i } : readUrl(source, i + 2));
      if (url === "") skip = true;
      break;
    }
    case "CustomEmoji":
      ({ url, i } = readEmoji(source, i));
      break;
    case "BlockQuote":
    case "ExpandableBlockQuote":
      p.haveBlockquote = false;
      p.text += source[i];
      p.canStartBlockquote = true;
      skip = false;
      break;
    default:
      break;
  }
  if (!skip) p.entities.push(toEntity(kind, entity.offset, p.text.length - entity.offset, url));
  p.open.pop();
  return i;
}

/** "(url)" of a text link, from `urlStart` just after "(": the URL unescaped and the index of ")". */
function readUrl(source: string, urlStart: number): { url: string; i: number } {
  let i = urlStart;
  let url = "";
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
    throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(source, urlStart)}`);
  }
  return { url, i };
}

/** "(tg://emoji?id=…)" after a custom emoji's "]": its id and the index of ")". */
function readEmoji(source: string, i: number): { url: string; i: number } {
  if (source[i + 1] !== "(")
    throw new EntityParseError("The entity must contain a tg://emoji or tg://time URL");
  const end = source.indexOf(")", i + 2);
  if (end === -1) {
    throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffset(source, i + 2)}`);
  }
  const emojiId = /^tg:\/\/emoji\?id=(\d+)$/.exec(source.slice(i + 2, end))?.[1];
  if (!emojiId) throw new EntityParseError("Invalid tg://emoji or tg://time URL specified");
  return { url: emojiId, i: end };
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
