/**
 * Files people sent, fetched through the Bot API: getFile, then the file URL under
 * TELEGRAM_API_ROOT. The URL carries the bot token, so it never leaves this module (not in logs,
 * not to a model). Bots may download up to 20 MB; callers set a smaller cap of their own.
 */
import type { Api } from "grammy";

export interface FileSource {
  api: Api;
  /** TELEGRAM_API_ROOT and BOT_TOKEN: where files are downloaded from. */
  apiRoot: string;
  token: string;
}

export type Download =
  | { ok: true; bytes: Buffer; path: string }
  | { ok: false; reason: "too_large" | "unavailable" };

/** The file's bytes, or why not; never throws for a missing, expired or oversized file. */
export async function downloadTelegramFile(
  source: FileSource,
  fileId: string,
  maxBytes: number,
  timeoutMs = 15_000,
): Promise<Download> {
  try {
    const file = await source.api.getFile(fileId);
    if (!file.file_path) return { ok: false, reason: "unavailable" };
    if ((file.file_size ?? 0) > maxBytes) return { ok: false, reason: "too_large" };
    const response = await fetch(`${source.apiRoot}/file/bot${source.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, reason: "unavailable" };
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > maxBytes) return { ok: false, reason: "too_large" };
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) return { ok: false, reason: "too_large" };
    if (bytes.length === 0) return { ok: false, reason: "unavailable" };
    return { ok: true, bytes, path: file.file_path };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}
