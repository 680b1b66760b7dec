/** Counts updates and times their handling; gives each update a child logger with its id. */
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "#src/bot/context.js";

export function updateType(ctx: { update: object }): string {
  return Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
}

export function observeUpdates(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const type = updateType(ctx);
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ updateId: ctx.update.update_id, type });
    const stop = deps.metrics.updateDuration.startTimer({ type });
    try {
      await next();
    } finally {
      stop();
      deps.metrics.updates.inc({ type });
    }
  };
}
