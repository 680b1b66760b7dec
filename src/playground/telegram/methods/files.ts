import type { Message } from "grammy/types";
import type { TelegramBackend } from "../backend.js";
import { badRequest } from "../errors.js";
import { guessMimeType, type StoredFile } from "../files.js";
import type { FileKind } from "../ids.js";
import { limits } from "../limits.js";
import { documentOf, photoSizes, videoOf } from "../media.js";
import { Params } from "../params.js";
import { UploadedFile } from "../uploaded-file.js";
import { writableChat } from "./chat-access.js";
import type { MethodTable } from "./context.js";
import { messageCaption } from "./message-content.js";
import { placementFrom, postBotMessage } from "./outgoing.js";

const kindNames: Record<FileKind, string> = {
  photo: "Photo",
  document: "Document",
  sticker: "Sticker",
  voice: "Voice",
  video: "Video",
};

/** A file given as upload, file_id or URL, stored so it can be sent on and downloaded. */
function inputFile(backend: TelegramBackend, input: unknown, kind: FileKind): StoredFile {
  if (input instanceof UploadedFile) {
    if (input.size === 0) throw badRequest("file must be non-empty");
    return backend.files.create({
      kind,
      size: input.size,
      data: input.data,
      fileName: input.fileName,
      ...(kind === "document" && { mimeType: guessMimeType(input.fileName) }),
    });
  }
  if (typeof input !== "string" || input === "") throw badRequest(`there is no ${kind} in the request`);
  if (/^https?:\/\//i.test(input)) {
    const fileName = new URL(input).pathname.split("/").pop() || "file";
    return backend.files.create({ kind, size: 2048, fileName, mimeType: guessMimeType(fileName) });
  }
  const known = backend.files.get(input);
  if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
  if (known.kind !== kind)
    throw badRequest(`can't use file of type ${kindNames[known.kind]} as ${kindNames[kind]}`);
  return known;
}

function mediaContent(backend: TelegramBackend, file: StoredFile): Partial<Message> {
  switch (file.kind) {
    case "photo":
      return { photo: photoSizes(backend.files, file) };
    case "video":
      return { video: videoOf(file) };
    default:
      return { document: documentOf(file) };
  }
}

function sendFile(kind: FileKind) {
  return ({ backend, params }: { backend: TelegramBackend; params: Params }) => {
    const chat = writableChat(backend, params.chatId());
    const file = inputFile(backend, params.file(kind), kind);
    const caption = messageCaption(params);
    const placement = placementFrom(backend, chat, params);
    return postBotMessage(backend, chat, { ...mediaContent(backend, file), ...caption }, placement).message;
  };
}

const albumTypes: Record<string, FileKind> = { photo: "photo", video: "video", document: "document" };

export const fileMethods: MethodTable = {
  sendPhoto: sendFile("photo"),
  sendDocument: sendFile("document"),
  sendVideo: sendFile("video"),

  sendMediaGroup: ({ backend, params }) => {
    const chat = writableChat(backend, params.chatId());
    const media = params.json<Array<Record<string, unknown>>>("media");
    if (!Array.isArray(media)) throw badRequest("can't parse media JSON object");
    if (media.length === 0) throw badRequest("there are no messages to send");
    if (media.length > limits.mediaGroupMax) throw badRequest("too many messages to send as an album");
    // Telegram documents 2–10 items; this wording is ours.
    if (media.length < limits.mediaGroupMin) throw badRequest("media group must contain 2-10 items");
    const kinds = media.map((item) => {
      const kind = albumTypes[String(item.type)];
      if (!kind) throw badRequest("can't parse InputMedia: unsupported media type");
      return kind;
    });
    if (kinds.includes("document") && new Set(kinds).size > 1) {
      throw badRequest("document can't be mixed with other media types");
    }
    const items = media.map((item, index) => {
      const file = inputFile(backend, item.media, kinds[index]!);
      return { ...mediaContent(backend, file), ...messageCaption(new Params(item)) };
    });
    const placement = placementFrom(backend, chat, params);
    const mediaGroupId = String(Date.now()) + String(chat.nextMessageId);
    return items.map(
      (content) =>
        postBotMessage(backend, chat, { ...content, media_group_id: mediaGroupId }, placement).message,
    );
  },

  getFile: ({ backend, params }) => {
    const file = backend.files.get(params.requiredString("file_id"));
    if (!file) throw badRequest("invalid file_id");
    if (file.fileSize > limits.downloadBytes) throw badRequest("file is too big");
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.fileSize,
      file_path: file.filePath,
    };
  },
};
