/**
 * Files people sent, fetched through the Bot API: getFile, then the file URL under
 * TELEGRAM_API_ROOT. The URL carries the bot token, so it never leaves this module (not in logs,
 * not to a model). Bots may download up to 20 MB; callers set a smaller cap of their own.
 */
import { type Api, GrammyError } from "grammy";

export interface FileSource {
  api: Api;
  /** TELEGRAM_API_ROOT and BOT_TOKEN: where files are downloaded from. */
  apiRoot: string;
  token: string;
}

export type Download =
  | { ok: true; bytes: Buffer; path: string }
  /** too_large and missing (expired, deleted) are final; failed (network, 5xx) may work later. */
  | { ok: false; reason: "too_large" | "missing" | "failed" };

/** The file's bytes, or why not; never throws. */
export async function downloadTelegramFile(
  source: FileSource,
  fileId: string,
  maxBytes: number,
  timeoutMs = 15_000,
): Promise<Download> {
  try {
    const file = await source.api.getFile(fileId);
    if (!file.file_path) return { ok: false, reason: "missing" };
    if ((file.file_size ?? 0) > maxBytes) return { ok: false, reason: "too_large" };
    const response = await fetch(`${source.apiRoot}/file/bot${source.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false, reason: response.status === 404 ? "missing" : "failed" };
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > maxBytes) return { ok: false, reason: "too_large" };
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) return { ok: false, reason: "too_large" };
    if (bytes.length === 0) return { ok: false, reason: "missing" };
    return { ok: true, bytes, path: file.file_path };
  } catch (error) {
    return {
      ok: false,
      reason: error instanceof GrammyError && error.error_code === 400 ? "missing" : "failed",
    };
  }
}
