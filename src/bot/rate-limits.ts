/**
 * Floods: a token bucket per person and kind of action, in Redis (one key each, so it holds
 * across processes and on a Cluster). A refused action costs at most one round trip (none while the
 * bucket is known to be empty) and nothing else: the update is not handled, not appended to a
 * conversation, and not answered — except the first
 * refusal of a burst, which gets a friendly answer in the person's language. Refusals are counted
 * (a metric, and an audit entry at the 1st, 10th, 100th … of a burst), never audited one by one.
 *
 * Buckets are keyed by the pseudonym of the Telegram user id; they expire when full again.
 */
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import { BUCKETS, type BucketKind, type TakeResult, takeToken } from "#src/rate-limit.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { ReportStore } from "#src/reports/store.js";

export { BUCKETS, type BucketKind };

/** 1, 10, 100, …: the refusals of a burst that leave a trace in the audit stream. */
function worthAuditing(count: number): boolean {
  return /^10*$/.test(String(count));
}

export interface RateLimitsDeps {
  redis: RedisClient;
  keys: Keys;
  metrics: Metrics;
  pseudonymize: Pseudonymize;
  reports: Pick<ReportStore, "audit">;
  logger: Logger;
}

/** Who is asking and how to tell them; a plain shape so jobs and tests need no grammY context. */
export interface Asker {
  userId: number;
  /** Sends the friendly answer (the first refusal of a burst only). */
  tell?: (key: string, args: Record<string, string | number>) => Promise<unknown>;
}

export interface RateLimits {
  /** True when the person may go on; false after answering them (once per burst). */
  take(asker: Asker, kind: BucketKind): Promise<boolean>;
  /** A refused action that needs no token (a forged button): counted, audited at 1, 10, 100 … a day. */
  countRefusal(reason: string): Promise<void>;
}

/** People refused right now, or holding leased tokens, remembered in this process (oldest forgotten). */
const MAX_REMEMBERED = 10_000;
/**
 * The "message" bucket is taken on every update: a few tokens are taken at once and spent here,
 * so a person's updates cost a Redis round trip every few updates, not each. Unspent tokens lapse
 * after a few seconds; across processes nothing is over-spent (the tokens left Redis).
 */
const LEASE: Partial<Record<BucketKind, { tokens: number; ms: number }>> = {
  message: { tokens: 5, ms: 5_000 },
};

export function createRateLimits(deps: RateLimitsDeps): RateLimits {
  const { redis, keys, metrics, logger } = deps;
  /**
   * Buckets known to be empty, until their next token: while a flood lasts, its updates are
   * refused in this process without a Redis round trip, so one account's flood costs the others
   * next to nothing. Redis stays the judge the moment a token may be there again.
   */
  const empty = new Map<string, { until: number; refused: number }>();
  const leased = new Map<string, { tokens: number; until: number }>();

  async function refused(kind: BucketKind, count: number): Promise<void> {
    metrics.rateLimited.inc({ kind });
    if (worthAuditing(count)) {
      await deps.reports
        .audit({ action: "rate.limited", actor: "system", detail: { kind, inARow: String(count) } })
        .catch(() => undefined);
    }
  }

  return {
    async take(asker, kind) {
      const bucket = BUCKETS[kind];
      const ref = deps.pseudonymize("user", asker.userId);
      const key = keys.rateBucket(kind, ref);
      const known = empty.get(key);
      if (known && known.until > Date.now()) {
        known.refused += 1;
        await refused(kind, known.refused);
        return false;
      }
      const lease = LEASE[kind];
      const credit = leased.get(key);
      if (credit && credit.tokens > 0 && credit.until > Date.now()) {
        credit.tokens -= 1;
        return true;
      }
      let result: TakeResult;
      try {
        result = await takeToken(redis, key, bucket, lease?.tokens ?? 1);
      } catch (error) {
        // Redis away: the error boundary answers the update anyway; a limiter must not add an outage.
        logger.warn({ err: error, kind }, "rate limit could not be checked; allowing");
        return true;
      }
      if (result.allowed) {
        empty.delete(key);
        if (lease && result.granted > 1) {
          if (leased.size >= MAX_REMEMBERED) leased.delete(leased.keys().next().value!);
          leased.set(key, { tokens: result.granted - 1, until: Date.now() + lease.ms });
        } else leased.delete(key);
        return true;
      }
      leased.delete(key);
      if (empty.size >= MAX_REMEMBERED) empty.delete(empty.keys().next().value!);
      empty.set(key, { until: Date.now() + result.waitMs, refused: result.refused });
      if (result.refused === 1) {
        await asker
          .tell?.(`rate-limited-${kind}`, { minutes: Math.ceil(bucket.refillSeconds / bucket.capacity / 60) })
          .catch(() => undefined);
      }
      await refused(kind, result.refused);
      return false;
    },

    async countRefusal(reason) {
      metrics.refusedActions.inc({ reason });
      const day = new Date().toISOString().slice(0, 10);
      const key = keys.refusals(day);
      const count = await redis.hincrby(key, reason, 1);
      if (count === 1) await redis.expire(key, 8 * 24 * 60 * 60);
      if (worthAuditing(count)) {
        await deps.reports.audit({
          action: "refusals.counted",
          actor: "system",
          detail: { reason, today: String(count) },
        });
      }
    },
  };
}
