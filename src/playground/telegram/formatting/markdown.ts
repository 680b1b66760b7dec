import type { MessageEntity } from "grammy/types";
import { byteOffset, EntityParseError, type FormattedText, isSpace, sortEntities } from "./formatted-text.js";

/** Legacy parse_mode "Markdown" (tdlib `parse_markdown`): *bold* _italic_ `code` ```pre``` [text](url). */
export function parseMarkdown(source: string): FormattedText {
  let text = "";
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const next = source[i + 1];
    if (char === "\\" && next !== undefined && "_*`[".includes(next)) {
      text += next;
      i += 2;
      continue;
    }
    if (!"_*`[".includes(char)) {
      text += char;
      i++;
      continue;
    }
    const begin = i;
    const endChar = char === "[" ? "]" : char;
    i++;
    let isPre = false;
    let language = "";
    if (char === "`" && source[i] === "`" && source[i + 1] === "`") {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (languageEnd < source.length && !isSpace(source[languageEnd]) && source[languageEnd] !== "`")
        languageEnd++;
      if (i !== languageEnd && languageEnd < source.length && source[languageEnd] !== "`") {
        language = source.slice(i, languageEnd);
        i = languageEnd;
      }
      if (source[i] === "\n" || source[i] === "\r") {
        const after = source[i + 1];
        i += (after === "\n" || after === "\r") && after !== source[i] ? 2 : 1;
      }
    }
    const offset = text.length;
    while (
      i < source.length &&
      (source[i] !== endChar || (isPre && !(source[i + 1] === "`" && source[i + 2] === "`")))
    ) {
      text += source[i];
      i++;
    }
    if (i >= source.length) {
      throw new EntityParseError(
        `Can't find end of the entity starting at byte offset ${byteOffset(source, begin)}`,
      );
    }
    const length = text.length - offset;
    i++;
    if (char === "[") {
      let url = text.slice(offset);
      if (source[i] === "(") {
        const close = source.indexOf(")", i);
        url = source.slice(i + 1, close === -1 ? source.length : close);
        i = close === -1 ? source.length : close + 1;
      }
      if (length > 0) entities.push({ type: "text_link", offset, length, url });
      continue;
    }
    if (isPre) i += 2;
    if (length === 0) continue;
    if (char === "_") entities.push({ type: "italic", offset, length });
    else if (char === "*") entities.push({ type: "bold", offset, length });
    else if (isPre)
      entities.push(language ? { type: "pre", offset, length, language } : { type: "pre", offset, length });
    else entities.push({ type: "code", offset, length });
  }
  return { text, entities: sortEntities(entities) };
}
