/** /healthz: Redis answers PING and Telegram answers getMe, each within a short deadline. */
import type { Api } from "grammy";
import type { RedisClient } from "#src/redis.js";

export interface HealthReport {
  status: "ok" | "unavailable";
  redis: "ok" | "down";
  telegram: "ok" | "down";
  /** Posts to focal-point channels that failed for good (bot removed, channel gone): needs a person. */
  forwarding?: "ok" | "failing";
  forwardingFailures?: number;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function createHealthCheck(
  redis: RedisClient,
  api: Api,
  options: { telegramCacheMs?: number; forwardingFailures?: () => Promise<number> } = {},
) {
  const cacheMs = options.telegramCacheMs ?? 15_000;
  let telegramOkAt = 0;
  return async function check(): Promise<HealthReport> {
    const redisOk = within(redis.ping(), 1_000).then(
      () => true,
      () => false,
    );
    // A healthy Telegram answer is reused for a few seconds: probes every second must not hit the API.
    const telegramOk =
      Date.now() - telegramOkAt < cacheMs
        ? Promise.resolve(true)
        : within(api.getMe(), 3_000).then(
            () => {
              telegramOkAt = Date.now();
              return true;
            },
            () => false,
          );
    const [r, t] = await Promise.all([redisOk, telegramOk]);
    const report: HealthReport = {
      status: r && t ? "ok" : "unavailable",
      redis: r ? "ok" : "down",
      telegram: t ? "ok" : "down",
    };
    if (r && options.forwardingFailures) {
      // Reported, not fatal: the bot still takes reports; an operator must fix the channel.
      const failures = await within(options.forwardingFailures(), 1_000).catch(() => 0);
      report.forwarding = failures > 0 ? "failing" : "ok";
      report.forwardingFailures = failures;
    }
    return report;
  };
}
