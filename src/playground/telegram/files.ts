import { type FileKind, newFileId, newFileUniqueId } from "./ids.js";

export interface StoredFile {
  kind: FileKind;
  fileId: string;
  fileUniqueId: string;
  fileSize: number;
  filePath: string;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
  duration?: number;
  /** Bytes the bot uploaded; files sent by simulated users are generated on download. */
  data?: Buffer;
}

const folders: Record<FileKind, { folder: string; extension: string }> = {
  photo: { folder: "photos", extension: "jpg" },
  document: { folder: "documents", extension: "dat" },
  sticker: { folder: "stickers", extension: "webp" },
  voice: { folder: "voice", extension: "oga" },
  video: { folder: "videos", extension: "mp4" },
};

/** Files known to the fake server, by file_id and by download path. */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  create(
    input: Pick<StoredFile, "kind" | "fileName" | "mimeType" | "width" | "height" | "duration" | "data"> & {
      size: number;
    },
  ): StoredFile {
    this.counter++;
    const { folder, extension } = folders[input.kind];
    const nameExtension = input.fileName?.includes(".") ? input.fileName.split(".").pop() : undefined;
    const file: StoredFile = {
      kind: input.kind,
      fileId: newFileId(input.kind),
      fileUniqueId: newFileUniqueId(),
      fileSize: input.data?.length ?? input.size,
      filePath: `${folder}/file_${this.counter}.${nameExtension ?? extension}`,
      ...(input.fileName !== undefined && { fileName: input.fileName }),
      ...(input.mimeType !== undefined && { mimeType: input.mimeType }),
      ...(input.width !== undefined && { width: input.width }),
      ...(input.height !== undefined && { height: input.height }),
      ...(input.duration !== undefined && { duration: input.duration }),
      ...(input.data !== undefined && { data: input.data }),
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /** The bytes served at /file/bot<token>/<path>: the upload, or filler of the declared size. */
  contents(file: StoredFile): Buffer {
    return file.data ?? Buffer.alloc(file.fileSize, 0x2a);
  }
}

export function guessMimeType(fileName: string): string {
  const extension = fileName.split(".").pop()?.toLowerCase() ?? "";
  const types: Record<string, string> = {
    pdf: "application/pdf",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    png: "image/png",
    txt: "text/plain",
    csv: "text/csv",
    json: "application/json",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    zip: "application/zip",
  };
  return types[extension] ?? "application/octet-stream";
}
