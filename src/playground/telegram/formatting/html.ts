import type { MessageEntity } from "grammy/types";
import { byteOffset, EntityParseError, type FormattedText, isSpace, sortEntities } from "./formatted-text.js";

const supportedTags = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "tg-time",
  "span",
  "pre",
  "code",
  "blockquote",
]);

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
}

/** parse_mode "HTML", following tdlib's `parse_html` closely enough to fail where Telegram fails. */
export function parseHtml(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  const at = (i: number) => byteOffset(source, i);
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === "&") {
      const decoded = decodeHtmlEntity(source, i);
      if (decoded) {
        text += decoded.value;
        i = decoded.end;
        continue;
      }
    }
    if (char !== "<") {
      text += char;
      i++;
      continue;
    }
    const begin = i;
    i++;
    if (source[i] !== "/") {
      while (i < source.length && !isSpace(source[i]) && source[i] !== ">") i++;
      if (i >= source.length) throw new EntityParseError(`Unclosed start tag at byte offset ${at(begin)}`);
      const name = source.slice(begin + 1, i).toLowerCase();
      if (!supportedTags.has(name)) {
        throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${at(begin)}`);
      }
      const parsed = parseAttributes(source, i, name, begin);
      i = parsed.end + 1;
      if (name === "span" && parsed.argument !== "spoiler") {
        throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${at(begin)}`);
      }
      open.push({ name, argument: parsed.argument, offset: text.length });
      continue;
    }
    const top = open.at(-1);
    if (!top) throw new EntityParseError(`Unexpected end tag at byte offset ${at(begin)}`);
    i++;
    while (i < source.length && !isSpace(source[i]) && source[i] !== ">") i++;
    const endName = source.slice(begin + 2, i).toLowerCase();
    while (i < source.length && isSpace(source[i])) i++;
    if (source[i] !== ">") throw new EntityParseError(`Unclosed end tag at byte offset ${at(begin)}`);
    i++;
    if (endName !== "" && endName !== top.name) {
      throw new EntityParseError(
        `Unmatched end tag at byte offset ${at(begin)}, expected "</${top.name}>", found "</${endName}>"`,
      );
    }
    open.pop();
    if (text.length > top.offset) addEntity(entities, top, text);
  }
  const unclosed = open.at(-1);
  if (unclosed)
    throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text, entities: sortEntities(entities) };
}

function parseAttributes(source: string, start: number, tag: string, begin: number) {
  const at = byteOffset(source, begin);
  let i = start;
  let argument = "";
  while (source[i] !== ">") {
    while (i < source.length && isSpace(source[i])) i++;
    if (source[i] === ">") break;
    const nameStart = i;
    while (i < source.length && !isSpace(source[i]) && !"=>/\"'".includes(source[i]!)) i++;
    const attribute = source.slice(nameStart, i);
    if (attribute === "")
      throw new EntityParseError(`Empty attribute name in the tag "${tag}" at byte offset ${at}`);
    while (i < source.length && isSpace(source[i])) i++;
    if (source[i] !== "=") {
      if (i >= source.length) throw new EntityParseError(`Unclosed start tag "${tag}" at byte offset ${at}`);
      if (tag === "blockquote" && attribute === "expandable") argument = "1";
      continue;
    }
    i++;
    while (i < source.length && isSpace(source[i])) i++;
    if (i >= source.length) throw new EntityParseError(`Unclosed start tag "${tag}" at byte offset ${at}`);
    let value = "";
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      i++;
      while (i < source.length && source[i] !== quote) {
        const decoded = source[i] === "&" ? decodeHtmlEntity(source, i) : undefined;
        if (decoded) {
          value += decoded.value;
          i = decoded.end;
        } else {
          value += source[i];
          i++;
        }
      }
      if (source[i] === quote) i++;
    } else {
      const tokenStart = i;
      while (i < source.length && /[A-Za-z0-9.-]/.test(source[i]!)) i++;
      value = source.slice(tokenStart, i).toLowerCase();
      if (!isSpace(source[i]) && source[i] !== ">") {
        throw new EntityParseError(
          `Unexpected end of name token at byte offset ${byteOffset(source, tokenStart)}`,
        );
      }
    }
    if (i >= source.length) throw new EntityParseError(`Unclosed start tag at byte offset ${at}`);
    argument = attributeArgument(tag, attribute, value) ?? argument;
  }
  return { argument, end: i };
}

function attributeArgument(tag: string, attribute: string, value: string): string | undefined {
  if (tag === "a" && attribute === "href") return value;
  if (tag === "code" && attribute === "class" && value.startsWith("language-")) return value.slice(9);
  if (tag === "span" && attribute === "class" && value.startsWith("tg-")) return value.slice(3);
  if (tag === "tg-emoji" && attribute === "emoji-id") return value;
  if (tag === "blockquote" && attribute === "expandable") return "1";
  return undefined;
}

function addEntity(entities: MessageEntity[], tag: OpenTag, text: string): void {
  const offset = tag.offset;
  const length = text.length - offset;
  const simple: Record<string, MessageEntity["type"]> = {
    b: "bold",
    strong: "bold",
    i: "italic",
    em: "italic",
    u: "underline",
    ins: "underline",
    s: "strikethrough",
    strike: "strikethrough",
    del: "strikethrough",
    "tg-spoiler": "spoiler",
    span: "spoiler",
  };
  const type = simple[tag.name];
  if (type) {
    entities.push({ type, offset, length } as MessageEntity);
    return;
  }
  const last = entities.at(-1);
  const sameRange = last !== undefined && last.offset === offset && last.length === length;
  switch (tag.name) {
    case "a":
      entities.push({ type: "text_link", offset, length, url: tag.argument || text.slice(offset) });
      return;
    case "tg-emoji":
      if (!/^\d+$/.test(tag.argument) || tag.argument === "0") {
        throw new EntityParseError("Invalid custom emoji identifier specified");
      }
      entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: tag.argument });
      return;
    case "pre":
      // <pre><code class="language-x"> becomes one pre entity with a language.
      if (sameRange && last.type === "code" && tag.argument === "" && codeLanguage.get(last)) {
        entities[entities.length - 1] = { type: "pre", offset, length, language: codeLanguage.get(last)! };
      } else {
        entities.push({ type: "pre", offset, length });
      }
      return;
    case "code":
      if (sameRange && last.type === "pre" && tag.argument !== "") {
        entities[entities.length - 1] = { type: "pre", offset, length, language: tag.argument };
      } else {
        const code: MessageEntity = { type: "code", offset, length };
        if (tag.argument) codeLanguage.set(code, tag.argument);
        entities.push(code);
      }
      return;
    case "blockquote":
      entities.push({ type: tag.argument ? "expandable_blockquote" : "blockquote", offset, length });
      return;
    default:
      // tg-time and anything else accepted without producing an entity.
      return;
  }
}

/** A code entity remembers its language until an enclosing <pre> closes. */
const codeLanguage = new WeakMap<MessageEntity, string>();

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Only &lt; &gt; &amp; &quot; and numeric references are decoded; anything else stays literal. */
function decodeHtmlEntity(source: string, start: number): { value: string; end: number } | undefined {
  let end = start + 1;
  let codePoint: number | undefined;
  if (source[end] === "#") {
    end++;
    const hex = source[end] === "x";
    if (hex) end++;
    const digitsStart = end;
    while (end < source.length && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(source[end]!)) end++;
    const digits = source.slice(digitsStart, end);
    if (digits === "" || end - start >= 10) return undefined;
    codePoint = Number.parseInt(digits, hex ? 16 : 10);
    if (codePoint === 0 || codePoint >= 0x10ffff) return undefined;
  } else {
    while (end < source.length && /[A-Za-z]/.test(source[end]!)) end++;
    const named = namedEntities[source.slice(start + 1, end)];
    if (named === undefined) return undefined;
    codePoint = named.codePointAt(0)!;
  }
  if (source[end] === ";") end++;
  return { value: String.fromCodePoint(codePoint), end };
}
