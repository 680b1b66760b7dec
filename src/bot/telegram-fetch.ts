/**
 * The `fetch` every Bot API call goes through, including calls made inside conversations (they
 * build their own Api from the same client options, so a transformer on `bot.api` would miss
 * them). It retries 429 after `retry_after` and 5xx with backoff, both capped, and counts every
 * attempt by method and result.
 *
 * Network errors are retried only for methods that cannot post twice: a `sendMessage` whose
 * connection dropped may already have been delivered, and a duplicate warning to a frightened
 * person is worse than an error we log (jobs retry such sends with a recorded effect instead).
 */
import type { Readable } from "node:stream";
import nodeFetch, { type RequestInit, type Response } from "node-fetch";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";

export interface TelegramFetchOptions {
  maxRetries: number;
  maxDelaySeconds: number;
  metrics?: Metrics;
  logger?: Logger;
  /** Tests only: await points (before and after each call) where a test may kill the process. */
  faults?: { point(name: string): void };
  /** Injected by tests that want to observe waiting without real sleeps. */
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
}

const NOT_REPEATABLE = /^(send|copy|forward|create)/;

function methodOf(url: string): string {
  const path = new URL(url).pathname;
  return path.slice(path.lastIndexOf("/") + 1) || "unknown";
}

function abortableSleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A multipart body arrives as a one-shot stream; keep its bytes so a retry can send it again. */
async function repeatableBody(body: RequestInit["body"]): Promise<RequestInit["body"]> {
  if (body === null || body === undefined || typeof body === "string" || Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as unknown as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function retryAfterSeconds(response: Response): Promise<number | undefined> {
  try {
    const json = (await response.clone().json()) as { parameters?: { retry_after?: unknown } };
    const value = json.parameters?.retry_after;
    return typeof value === "number" && value >= 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function createTelegramFetch(options: TelegramFetchOptions): typeof nodeFetch {
  const sleep = options.sleep ?? abortableSleep;
  const maxDelayMs = options.maxDelaySeconds * 1000;

  async function telegramFetch(url: string, init: RequestInit = {}): Promise<Response> {
    const method = methodOf(url);
    options.faults?.point(`before ${method}`);
    const count = (result: string) => options.metrics?.telegramCalls.inc({ method, result });
    const signal = (init.signal ?? null) as AbortSignal | null;
    const request: RequestInit = { ...init, body: await repeatableBody(init.body) };
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < options.maxRetries;
      let response: Response;
      try {
        response = await nodeFetch(url, request);
      } catch (error) {
        count("network_error");
        if (!canRetry || signal?.aborted || NOT_REPEATABLE.test(method)) throw error;
        options.logger?.warn({ method, attempt }, "telegram network error, retrying");
        await sleep(Math.min(500 * 2 ** attempt, maxDelayMs), signal);
        continue;
      }
      count(response.ok ? "ok" : String(response.status));
      if (response.status === 429 && canRetry) {
        const seconds = (await retryAfterSeconds(response)) ?? 1;
        if (seconds * 1000 <= maxDelayMs) {
          options.logger?.warn({ method, attempt, retryAfter: seconds }, "telegram rate limit, waiting");
          await sleep(seconds * 1000, signal);
          continue;
        }
      } else if (response.status >= 500 && canRetry) {
        options.logger?.warn({ method, attempt, status: response.status }, "telegram server error, retrying");
        await sleep(Math.min(500 * 2 ** attempt, maxDelayMs), signal);
        continue;
      }
      options.faults?.point(`after ${method}`);
      return response;
    }
  }
  return telegramFetch as typeof nodeFetch;
}
