import type { Chat, Message, MessageOrigin, User } from "grammy/types";
import { detectEntities } from "./detect-entities.js";
import type { FileStore } from "./files.js";
import { documentOf, photoSizes, stickerOf, videoOf, voiceOf } from "./media.js";
import { nowSeconds } from "./message-builder.js";

/** Message content a person can send, built the way Telegram's clients send it. */
export type UserContent = Partial<Message>;

export function textContent(text: string): UserContent {
  const entities = detectEntities(text);
  return entities.length > 0 ? { text, entities } : { text };
}

function captionContent(caption: string | undefined): UserContent {
  if (caption === undefined) return {};
  const entities = detectEntities(caption);
  return entities.length > 0 ? { caption, caption_entities: entities } : { caption };
}

export interface PhotoOptions {
  caption?: string;
  fileSize?: number;
  width?: number;
  height?: number;
  /** Real image bytes, served by getFile (otherwise filler of fileSize bytes). */
  data?: Buffer;
  /** Photos sent together as an album share this id. */
  mediaGroupId?: string;
}

/** Width and height from a PNG's header, so a real image's photo sizes match its bytes. */
function pngSize(data: Buffer | undefined): { width: number; height: number } | undefined {
  if (!data || data.length < 24 || data.readUInt32BE(0) !== 0x89504e47) return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export function photoContent(files: FileStore, options: PhotoOptions = {}): UserContent {
  const size = pngSize(options.data);
  const file = files.create({
    kind: "photo",
    size: options.fileSize ?? 180_000,
    width: options.width ?? size?.width ?? 1280,
    height: options.height ?? size?.height ?? 960,
    ...(options.data && { data: options.data }),
  });
  return {
    photo: photoSizes(files, file),
    ...captionContent(options.caption),
    ...(options.mediaGroupId && { media_group_id: options.mediaGroupId }),
  };
}

export interface DocumentOptions {
  fileName: string;
  mimeType: string;
  fileSize?: number;
  caption?: string;
  /** Real bytes, served by getFile (otherwise filler of fileSize bytes). */
  data?: Buffer;
}

export function documentContent(files: FileStore, options: DocumentOptions): UserContent {
  const file = files.create({
    kind: "document",
    size: options.fileSize ?? options.data?.length ?? 100_000,
    fileName: options.fileName,
    mimeType: options.mimeType,
    ...(options.data && { data: options.data }),
  });
  return { document: documentOf(file), ...captionContent(options.caption) };
}

export function stickerContent(files: FileStore): UserContent {
  return { sticker: stickerOf(files.create({ kind: "sticker", size: 24_000 })) };
}

export function voiceContent(files: FileStore, options: { duration?: number } = {}): UserContent {
  const duration = options.duration ?? 4;
  return { voice: voiceOf(files.create({ kind: "voice", size: duration * 4_000, duration })) };
}

export function videoContent(
  files: FileStore,
  options: { fileSize?: number; duration?: number } = {},
): UserContent {
  const file = files.create({
    kind: "video",
    size: options.fileSize ?? 2_500_000,
    duration: options.duration ?? 12,
  });
  return { video: videoOf(file) };
}

export interface ContactOptions {
  phoneNumber: string;
  firstName?: string;
  /** The person shares their own contact card, so Telegram fills in their user_id. */
  own?: boolean;
}

export function contactContent(sender: User, options: ContactOptions): UserContent {
  return {
    contact: {
      phone_number: options.phoneNumber,
      first_name: options.firstName ?? (options.own ? sender.first_name : "Contact"),
      ...(options.own && { user_id: sender.id }),
    },
  };
}

/** Who a forwarded message originally came from; exactly one of the fields. */
export interface ForwardSource {
  user?: User | { id: number; firstName: string; username?: string };
  /** A sender who hides their account in forwards. */
  hiddenName?: string;
  channel?: { id: number; title: string; username?: string; messageId?: number };
  chat?: { id: number; title: string; username?: string };
}

/** Forwards look an hour old, as a forwarded job offer usually is. */
export function forwardOrigin(source: ForwardSource): MessageOrigin {
  const date = nowSeconds() - 3600;
  if (source.user) {
    const user: User =
      "is_bot" in source.user
        ? source.user
        : {
            id: source.user.id,
            is_bot: false,
            first_name: source.user.firstName,
            ...(source.user.username !== undefined && { username: source.user.username }),
          };
    return { type: "user", sender_user: user, date };
  }
  if (source.hiddenName !== undefined)
    return { type: "hidden_user", sender_user_name: source.hiddenName, date };
  if (source.channel) {
    const { id, title, username, messageId } = source.channel;
    const chat: Chat.ChannelChat = {
      id,
      type: "channel",
      title,
      ...(username !== undefined && { username }),
    };
    return { type: "channel", chat, message_id: messageId ?? 1, date };
  }
  if (source.chat) {
    const { id, title, username } = source.chat;
    const chat: Chat.SupergroupChat = {
      id,
      type: "supergroup",
      title,
      ...(username !== undefined && { username }),
    };
    return { type: "chat", sender_chat: chat, date };
  }
  throw new Error("forward: give one of from.user, from.hiddenName, from.channel or from.chat");
}
