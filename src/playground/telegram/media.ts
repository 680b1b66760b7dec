import type { Document, PhotoSize, Sticker, Video, Voice } from "grammy/types";
import type { FileStore, StoredFile } from "./files.js";

/** Bot API objects describing stored files, shared by bot sends and simulated users. */
export function photoSizes(files: FileStore, file: StoredFile): PhotoSize[] {
  const width = file.width ?? 1280;
  const height = file.height ?? 960;
  // Telegram always adds smaller renditions; the last entry is the original.
  const scale = 90 / Math.max(width, height);
  const thumbnail = files.create({
    kind: "photo",
    size: Math.max(1, Math.round(file.fileSize * scale * scale)),
    width: Math.round(width * scale),
    height: Math.round(height * scale),
  });
  return [photoSize(thumbnail), photoSize(file)];
}

function photoSize(file: StoredFile): PhotoSize {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.fileSize,
    width: file.width ?? 1280,
    height: file.height ?? 960,
  };
}

export function documentOf(file: StoredFile): Document {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.fileSize,
    ...(file.fileName !== undefined && { file_name: file.fileName }),
    ...(file.mimeType !== undefined && { mime_type: file.mimeType }),
  };
}

export function voiceOf(file: StoredFile): Voice {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.fileSize,
    duration: file.duration ?? 3,
    mime_type: "audio/ogg",
  };
}

export function videoOf(file: StoredFile): Video {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.fileSize,
    duration: file.duration ?? 10,
    width: file.width ?? 1280,
    height: file.height ?? 720,
    mime_type: "video/mp4",
  };
}

export function stickerOf(file: StoredFile): Sticker {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.fileSize,
    type: "regular",
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
    emoji: "👍",
  };
}
