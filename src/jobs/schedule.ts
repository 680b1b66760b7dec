/**
 * Periodic housekeeping (conversation expiry, retention) in every bot process. Each task claims
 * its work item by item in Redis, so several processes sweeping at once do no harm; a sweep that
 * fails is logged and the next one runs as planned.
 */
import type { Logger } from "#src/logger.js";

export interface Repeating {
  stop(): Promise<void>;
}

export function repeatEvery(
  name: string,
  intervalMs: number,
  task: () => Promise<unknown>,
  logger: Logger,
): Repeating {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return; // a slow sweep is not started twice
    busy = true;
    running = task()
      .catch((error: unknown) => logger.warn({ err: error, task: name }, "scheduled task failed"))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
