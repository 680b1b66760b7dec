/**
 * Screenshots for the model, only when OPENAI_SEND_IMAGES is on: fetched through the Bot API
 * (getFile, then the file URL) and passed as data URLs, so the model never sees a URL that carries
 * the bot token. Few and small: a poster or a chat screenshot is enough.
 */
import type { Api } from "grammy";
import type { Media } from "#src/reports/report.js";

const MAX_IMAGES = 3;
const MAX_BYTES = 5 * 1024 * 1024;

export interface ImageSource {
  api: Api;
  /** TELEGRAM_API_ROOT and BOT_TOKEN: where files are downloaded from. */
  apiRoot: string;
  token: string;
}

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
    try {
      const file = await source.api.getFile(item.fileId);
      if (!file.file_path || (file.file_size ?? 0) > MAX_BYTES) continue;
      const mime = mimeOf(item, file.file_path);
      if (!mime) continue;
      const response = await fetch(`${source.apiRoot}/file/bot${source.token}/${file.file_path}`, {
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) continue;
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length === 0 || bytes.length > MAX_BYTES) continue;
      urls.push(`data:${mime};base64,${bytes.toString("base64")}`);
    } catch {
      // A missing screenshot only means the model reads less; the text is still analysed.
    }
  }
  return urls;
}
