/**
 * The webhook endpoint: only Telegram (which knows WEBHOOK_SECRET) may post; a body must be an
 * update; the update is handled and answered within Telegram's patience. Duplicates are dropped
 * by the bot's dedupe middleware, so a Telegram retry after a slow answer does no harm.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { Logger } from "#src/logger.js";

const MAX_BODY_BYTES = 1024 * 1024;
/** Telegram gives up on a webhook after about 10 s; answer before that even if handling goes on. */
const ANSWER_WITHIN_MS = 8_000;

const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookHandlerOptions {
  secret: string;
  handleUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  /** Registers work in flight, so shutdown can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
}

export function createWebhookHandler(options: WebhookHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST") return reply(res, 405, "method not allowed");
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], options.secret)) {
      options.logger.warn("webhook request with a wrong or missing secret token");
      return reply(res, 401, "unauthorized");
    }
    const body = await readBody(req);
    if (!body) return reply(res, 413, "too large");
    let update: Update;
    try {
      update = updateShape.parse(JSON.parse(body.toString("utf8"))) as unknown as Update;
    } catch {
      return reply(res, 400, "not an update");
    }
    const work = options.track(options.handleUpdate(update));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ANSWER_WITHIN_MS);
    });
    try {
      const outcome = await Promise.race([work.then(() => "done" as const), late]);
      if (outcome === "late")
        options.logger.warn({ updateId: update.update_id }, "update still running, answered");
      reply(res, 200, "ok");
    } catch (error) {
      // Errors inside handlers are caught by the bot's boundary; reaching here means the bot itself failed.
      options.logger.error({ err: error, updateId: update.update_id }, "webhook update failed");
      reply(res, 500, "error");
    } finally {
      clearTimeout(timer);
    }
  };
}
