/**
 * Screenshots on their way to a group or channel. A photo goes by file_id: Telegram re-encoded it
 * when the person sent it, so no EXIF (GPS) and no file name travel. A file sent "as a document"
 * keeps both, so an image document is downloaded and uploaded again as a photo (Telegram
 * re-encodes it), and a PDF is not posted at all — its metadata may name its author; officers
 * see it counted on the card and can ask for it through the relay.
 */
import { InputFile } from "grammy";
import type { Media } from "#src/reports/report.js";
import { downloadTelegramFile, type FileSource } from "#src/telegram-files.js";

export type { FileSource };

/** Telegram uploads photos up to 10 MB. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

async function download(source: FileSource, fileId: string): Promise<Buffer | undefined> {
  const result = await downloadTelegramFile(source, fileId, MAX_PHOTO_BYTES, 30_000);
  if (result.ok) return result.bytes;
  // A file that is gone or too large is left out; a failed download is retried with the job.
  if (result.reason === "failed") throw new Error("file download failed");
  return undefined;
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
