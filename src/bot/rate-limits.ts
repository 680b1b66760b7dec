/**
 * Floods: a token bucket per person and kind of action, in Redis (one key each, so it holds
 * across processes and on a Cluster). A refused action costs one round trip and nothing else: the
 * update is not handled, not appended to a conversation, and not answered — except the first
 * refusal of a burst, which gets a friendly answer in the person's language. Refusals are counted
 * (a metric, and an audit entry at the 1st, 10th, 100th … of a burst), never audited one by one.
 *
 * Buckets are keyed by the pseudonym of the Telegram user id; they expire when full again.
 */
import type { Locale } from "#src/config.js";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { ReportStore } from "#src/reports/store.js";

export interface Bucket {
  /** Most actions in a burst. */
  capacity: number;
  /** Time to refill the whole bucket (seconds). */
  refillSeconds: number;
}

/**
 * Per person. Generous for anyone using the bot as meant (a whole report is ~25 updates), tight
 * for a script. `urgent` grants the urgent queue's priority, not the report itself.
 */
export const BUCKETS = {
  /** Every update in a private chat (or a group other than the officers'). */
  message: { capacity: 40, refillSeconds: 60 },
  check: { capacity: 30, refillSeconds: 60 * 60 },
  report: { capacity: 6, refillSeconds: 60 * 60 },
  relay: { capacity: 10, refillSeconds: 60 * 60 },
  model: { capacity: 12, refillSeconds: 60 * 60 },
  urgent: { capacity: 2, refillSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, Bucket>;
export type BucketKind = keyof typeof BUCKETS;

/**
 * KEYS[1] the bucket; ARGV capacity, refill per millisecond. Returns {allowed, refused in a row}.
 * Time is Redis's own (TIME), so several processes with skewed clocks share one bucket fairly.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'refused')
local tokens = tonumber(h[1]) or capacity
local at = tonumber(h[2]) or now
local refused = tonumber(h[3]) or 0
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  refused = 0
  allowed = 1
else
  refused = refused + 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now), 'refused', tostring(refused))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return {allowed, refused}
`;

export interface TakeResult {
  allowed: boolean;
  /** Refusals in a row, this one included (0 when allowed). */
  refused: number;
}

/** Takes one token from a person's bucket of this kind. */
export async function takeToken(redis: RedisClient, key: string, bucket: Bucket): Promise<TakeResult> {
  const reply = (await redis.eval(
    TAKE_SCRIPT,
    1,
    key,
    bucket.capacity,
    bucket.capacity / (bucket.refillSeconds * 1000),
  )) as [number, number];
  return { allowed: Number(reply[0]) === 1, refused: Number(reply[1]) };
}

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
  locale: Locale;
  /** Sends the friendly answer (the first refusal of a burst only). */
  tell?: (key: string, args: Record<string, string | number>) => Promise<unknown>;
}

export interface RateLimits {
  /** True when the person may go on; false after answering them (once per burst). */
  take(asker: Asker, kind: BucketKind): Promise<boolean>;
  /** A refused action that needs no token (a forged button): counted, audited at 1, 10, 100 … a day. */
  countRefusal(reason: string): Promise<void>;
}

export function createRateLimits(deps: RateLimitsDeps): RateLimits {
  const { redis, keys, metrics, logger } = deps;
  return {
    async take(asker, kind) {
      const bucket = BUCKETS[kind];
      const ref = deps.pseudonymize("user", asker.userId);
      let result: TakeResult;
      try {
        result = await takeToken(redis, keys.rateBucket(kind, ref), bucket);
      } catch (error) {
        // Redis away: the error boundary answers the update anyway; a limiter must not add an outage.
        logger.warn({ err: error, kind }, "rate limit could not be checked; allowing");
        return true;
      }
      if (result.allowed) return true;
      metrics.rateLimited.inc({ kind });
      if (result.refused === 1) {
        await asker
          .tell?.(`rate-limited-${kind}`, { minutes: Math.ceil(bucket.refillSeconds / bucket.capacity / 60) })
          .catch(() => undefined);
      }
      if (worthAuditing(result.refused)) {
        await deps.reports
          .audit({
            action: "rate.limited",
            actor: "system",
            detail: { kind, inARow: String(result.refused) },
          })
          .catch(() => undefined);
      }
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
