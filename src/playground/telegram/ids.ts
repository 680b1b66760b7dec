import { randomBytes } from "node:crypto";

/** Id ranges that look like Telegram's and exceed 32 bits, so a bot that truncates ids fails in tests. */
export const idRanges = {
  firstUserId: 1_000_000_001,
  /** Basic groups: -4000000001, -4000000002, … */
  basicGroupBase: -4_000_000_000,
  /** Supergroups and channels: -1001000000001, … */
  supergroupBase: -1_001_000_000_000,
  firstUpdateId: 100_000_001,
} as const;

/** Telegram file ids start with a type-specific prefix; the rest is opaque base64url. */
const fileIdPrefixes = {
  photo: "AgACAgUAAxkBAAI",
  document: "BQACAgUAAxkBAAI",
  sticker: "CAACAgUAAxkBAAI",
  voice: "AwACAgUAAxkBAAI",
  video: "BAACAgUAAxkBAAI",
} as const;

export type FileKind = keyof typeof fileIdPrefixes;

export function newFileId(kind: FileKind): string {
  return fileIdPrefixes[kind] + randomBytes(36).toString("base64url");
}

export function newFileUniqueId(): string {
  return `AQAD${randomBytes(9).toString("base64url")}`;
}

/** Callback query ids are long decimal strings in real updates. */
export function newCallbackQueryId(): string {
  return BigInt(`0x${randomBytes(8).toString("hex")}`).toString();
}
