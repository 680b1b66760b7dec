/**
 * Screenshots on their way to a group or channel. A photo goes by file_id: Telegram re-encoded it
 * when the person sent it, so no EXIF (GPS) and no file name travel. A file sent "as a document"
 * keeps both, so an image document is downloaded and uploaded again as a photo (Telegram
 * re-encodes it), and a PDF is not posted at all — its metadata may name its author; officers
 * see it counted on the card and can ask for it through the relay.
 */
import { type Api, InputFile } from "grammy";
import type { Media } from "#src/reports/report.js";

/** Where files are downloaded from: the Bot API and its file URL (TELEGRAM_API_ROOT, BOT_TOKEN). */
export interface FileSource {
  api: Api;
  apiRoot: string;
  token: string;
}

/** Telegram uploads photos up to 10 MB. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

async function download(source: FileSource, fileId: string): Promise<Buffer | undefined> {
  const file = await source.api.getFile(fileId);
  if (!file.file_path || (file.file_size ?? 0) > MAX_PHOTO_BYTES) return undefined;
  const response = await fetch(`${source.apiRoot}/file/bot${source.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return bytes.length > 0 && bytes.length <= MAX_PHOTO_BYTES ? bytes : undefined;
}

/**
 * What may be posted of the report's media, all as photos, in order: file ids of photos, and
 * image documents re-uploaded under a neutral name. PDFs and unreadable files are left out.
 */
export async function photosForGroups(
  source: FileSource | undefined,
  media: readonly Media[],
): Promise<Array<string | InputFile>> {
  const photos: Array<string | InputFile> = [];
  for (const [index, item] of media.entries()) {
    if (item.kind === "photo") {
      photos.push(item.fileId);
      continue;
    }
    if (!source || !item.mimeType?.startsWith("image/")) continue;
    const bytes = await download(source, item.fileId);
    if (bytes) photos.push(new InputFile(bytes, `screenshot-${index + 1}.jpg`));
  }
  return photos;
}
