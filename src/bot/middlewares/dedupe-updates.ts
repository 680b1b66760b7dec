/**
 * Telegram delivers an update at least once (webhook retries, polling after a crash). An update
 * is claimed with SET NX before it is handled and marked done after; a second delivery of a
 * claimed or finished update is dropped. A claim expires after a minute, so an update whose
 * handler died with the process is handled again when Telegram redelivers it.
 */
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "#src/bot/context.js";

const CLAIM_SECONDS = 60;
const DONE_SECONDS = 24 * 60 * 60;

export function dedupeUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { redis, keys } = ctx.deps;
    const key = keys.update(ctx.update.update_id);
    const claimed = await redis.set(key, "claimed", "EX", CLAIM_SECONDS, "NX");
    if (claimed !== "OK") {
      ctx.deps.metrics.updates.inc({ type: "duplicate" });
      ctx.logger.info({ updateId: ctx.update.update_id }, "duplicate update dropped");
      return;
    }
    await next();
    await redis.set(key, "done", "EX", DONE_SECONDS);
  };
}
