/**
 * Start-up waits, never gives up on what may come back: Redis and Telegram are retried with
 * growing pauses (each logged) until they answer or the app is stopped. What will not come back —
 * a token Telegram rejects, a data key that does not open what is stored — stops the start with a
 * FatalStartError that says what to fix.
 */
import { GrammyError, HttpError } from "grammy";
import type { WaspadaBot } from "#src/bot/index.js";
import type { Config } from "#src/config.js";
import type { Logger } from "#src/logger.js";
import { checkKeys, WrongKeyError } from "#src/privacy/key-check.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { Sealer } from "#src/privacy/sealed.js";
import { describeRedis, type RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

export class FatalStartError extends Error {}

export const defaultStartDelay = (attempt: number): number => Math.min(1_000 * 2 ** attempt, 30_000);

export interface Retrying {
  logger: Logger;
  /** Aborted by stop(): every wait ends at once. */
  signal: AbortSignal;
  /** Backoff before each new attempt. */
  delay: (attempt: number) => number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function waitForRedis(redis: RedisClient, config: Config, retrying: Retrying): Promise<void> {
  const { logger, signal } = retrying;
  redis.connect().catch(() => {}); // the retry strategy keeps trying; we watch for "ready"
  // A healthy Redis answers within a moment: only complain if it does not.
  if (redis.status !== "ready") {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  for (let attempt = 0; !signal.aborted; attempt++) {
    if (redis.status === "ready") {
      try {
        await redis.ping();
        if (attempt > 0) logger.info({ redis: describeRedis(config) }, "Redis is reachable");
        return;
      } catch {
        // fall through to wait
      }
    }
    const delay = retrying.delay(attempt);
    logger.warn(
      { redis: describeRedis(config), attempt: attempt + 1, retryInMs: delay },
      `Redis is not reachable at ${describeRedis(config)}; retrying in ${Math.round(delay / 1000)} s`,
    );
    await sleep(delay, signal);
  }
}

/** The data keys must open what is stored, and pseudonyms must stay what they were. */
export async function checkStoreKeys(deps: {
  config: Config;
  redis: RedisClient;
  keys: Keys;
  pseudonymize: Pseudonymize;
  sealer: Sealer;
  logger: Logger;
}): Promise<void> {
  const { config, logger } = deps;
  if (!config.PSEUDONYM_KEY) {
    logger.warn(
      "PSEUDONYM_KEY is not set: pseudonyms are derived from the oldest DATA_KEY, which must then stay listed. " +
        "Set PSEUDONYM_KEY (to that oldest key's value to keep existing pseudonyms).",
    );
  }
  try {
    const { redis, keys, pseudonymize, sealer } = deps;
    await checkKeys({ redis, keys, pseudonymize, sealer, dataKeys: config.DATA_KEY });
  } catch (error) {
    if (error instanceof WrongKeyError) throw new FatalStartError(error.message);
    throw error;
  }
}

export async function initBot(bot: WaspadaBot, retrying: Retrying): Promise<void> {
  const { logger, signal } = retrying;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      // grammY retries getMe on network errors until this signal says stop.
      await bot.init(signal as Parameters<typeof bot.init>[0]);
      return;
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new FatalStartError(
          "Telegram rejected BOT_TOKEN (401 Unauthorized): check the token from BotFather.",
        );
      }
      const delay = retrying.delay(attempt);
      logger.warn(
        { err: error instanceof HttpError ? error.message : error, attempt: attempt + 1, retryInMs: delay },
        "Telegram is not reachable; retrying",
      );
      await sleep(delay, signal);
    }
  }
}
