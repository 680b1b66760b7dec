import type { ResponseParameters } from "grammy/types";

/** An error answered the way the Bot API answers it: `{ ok: false, error_code, description }`. */
export class TelegramError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "TelegramError";
  }

  toResponseBody(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
    };
    if (this.parameters) body.parameters = this.parameters;
    return body;
  }
}

export const badRequest = (reason: string) => new TelegramError(400, `Bad Request: ${reason}`);
export const forbidden = (reason: string) => new TelegramError(403, `Forbidden: ${reason}`);
export const conflict = (reason: string) => new TelegramError(409, `Conflict: ${reason}`);
export const unauthorized = () => new TelegramError(401, "Unauthorized");
/** What api.telegram.org answers for a method it does not know. */
export const methodNotFound = () => new TelegramError(404, "Not Found");

export const tooManyRequests = (retryAfter: number) =>
  new TelegramError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

const serverErrorText: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};
export const serverError = (status: 500 | 502 | 503) => new TelegramError(status, serverErrorText[status]!);

/** Telegram prefixes every formatting error the same way; bots match on it. */
export const cantParseEntities = (reason: string) => badRequest(`can't parse entities: ${reason}`);
