import type { MessageEntity } from "grammy/types";
import { sortEntities } from "./formatting/formatted-text.js";

/**
 * Entities Telegram's clients attach to what a person types: /commands, @mentions, #hashtags, e-mail
 * addresses and links (with or without a scheme). Offsets are UTF-16, as JavaScript indexes strings.
 */
export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const taken: Array<[number, number]> = [];
  const add = (type: MessageEntity["type"], offset: number, length: number) => {
    if (taken.some(([start, end]) => offset < end && offset + length > start)) return;
    taken.push([offset, offset + length]);
    entities.push({ type, offset, length } as MessageEntity);
  };
  for (const match of text.matchAll(/(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/g)) {
    add("bot_command", match.index, match[0].length);
  }
  for (const match of text.matchAll(/[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    add("email", match.index, match[0].length);
  }
  const url =
    /(?:https?:\/\/)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?::\d{1,5})?(?:[/?#][^\s]*)?/g;
  for (const match of text.matchAll(url)) {
    const found = match[0].replace(/[.,;:!?)\]'"]+$/, "");
    const before = text[match.index - 1];
    if (before !== undefined && /[\w@.]/.test(before)) continue;
    if (!/^https?:\/\//i.test(found) && !hasKnownTld(found)) continue;
    add("url", match.index, found.length);
  }
  for (const match of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{5,32}/g))
    add("mention", match.index, match[0].length);
  for (const match of text.matchAll(/(?<![\w#])#[\p{L}\p{N}_]+/gu))
    add("hashtag", match.index, match[0].length);
  return sortEntities(entities);
}

/** Without a scheme Telegram links only real top-level domains, so "kontrak.pdf" stays plain text. */
const genericTlds = new Set(
  "com net org info biz xyz online site top club app dev shop store tech link live work jobs asia gov edu mil int pro name mobi tel travel icu vip fun space website agency email world life today news blog cloud".split(
    " ",
  ),
);

function hasKnownTld(host: string): boolean {
  const tld = /\.([A-Za-z]+)(?::\d+)?(?:[/?#]|$)/.exec(host)?.[1]?.toLowerCase();
  return tld !== undefined && (tld.length === 2 || genericTlds.has(tld));
}
