/**
 * Screenshots for the model, only when OPENAI_SEND_IMAGES is on: fetched through the Bot API
 * (getFile, then the file URL) and passed as data URLs, so the model never sees a URL that carries
 * the bot token. Few and small: a poster or a chat screenshot is enough.
 */
import type { Media } from "#src/reports/report.js";
import { downloadTelegramFile, type FileSource } from "#src/telegram-files.js";

const MAX_IMAGES = 3;
const MAX_BYTES = 5 * 1024 * 1024;

export type ImageSource = FileSource;

function mimeOf(item: Media, path: string): string | undefined {
  if (item.kind === "photo") return "image/jpeg";
  if (item.mimeType?.startsWith("image/")) return item.mimeType;
  if (/\.(png)$/i.test(path)) return "image/png";
  if (/\.(jpe?g)$/i.test(path)) return "image/jpeg";
  return undefined;
}

/** Data URLs of the report's images; a file that cannot be fetched is left out, not fatal. */
export async function downloadImages(source: ImageSource, media: readonly Media[]): Promise<string[]> {
  const urls: string[] = [];
  for (const item of media) {
    if (urls.length >= MAX_IMAGES) break;
    if (item.kind === "document" && !item.mimeType?.startsWith("image/")) continue;
    if ((item.fileSize ?? 0) > MAX_BYTES) continue;
    const download = await downloadTelegramFile(source, item.fileId, MAX_BYTES);
    // A missing screenshot only means the model reads less; the text is still analysed.
    if (!download.ok) continue;
    const mime = mimeOf(item, download.path);
    if (mime) urls.push(`data:${mime};base64,${download.bytes.toString("base64")}`);
  }
  return urls;
}
