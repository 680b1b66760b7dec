/**
 * Token buckets in Redis: one key per person and kind of action, refilled continuously, so a
 * limit holds across processes and on a Cluster. Used against floods (src/bot/rate-limits.ts) and
 * to ration the urgent queue's priority per reporter (src/jobs/forward-to-focal-point.ts).
 */
import type { RedisClient } from "#src/redis.js";

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
 * KEYS[1] the bucket; ARGV capacity, refill per millisecond, tokens wanted (a caller may take a few
 * at once and spend them locally). Returns {tokens granted (0: refused), refusals so far,
 * milliseconds until the next token when refused}:
 * refusals are counted over a whole burst — until the bucket is full again and its key expires —
 * so a long flood that gets a token now and then is still told to slow down only once.
 * Time is Redis's own (TIME), so several processes with skewed clocks share one bucket fairly.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local want = tonumber(ARGV[3]) or 1
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'refused')
local tokens = tonumber(h[1]) or capacity
local at = tonumber(h[2]) or now
local refused = tonumber(h[3]) or 0
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local allowed = 0
if tokens >= 1 then
  allowed = math.min(want, math.floor(tokens))
  tokens = tokens - allowed
else
  refused = refused + 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now), 'refused', tostring(refused))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
local waitMs = 0
if allowed == 0 then waitMs = math.ceil((1 - tokens) / perMs) end
return {allowed, refused, waitMs}
`;

export interface TakeResult {
  allowed: boolean;
  /** Tokens taken (1 … want) when allowed. */
  granted: number;
  /** Refusals in this burst so far, this one included. */
  refused: number;
  /** When refused: milliseconds until the bucket holds a token again. */
  waitMs: number;
}

/** Takes one token (or up to `want`, as many as there are) from a person's bucket of this kind. */
export async function takeToken(
  redis: RedisClient,
  key: string,
  bucket: Bucket,
  want = 1,
): Promise<TakeResult> {
  const reply = (await redis.eval(
    TAKE_SCRIPT,
    1,
    key,
    bucket.capacity,
    bucket.capacity / (bucket.refillSeconds * 1000),
    Math.max(1, Math.floor(want)),
  )) as [number, number, number];
  const granted = Number(reply[0]);
  return { allowed: granted > 0, granted, refused: Number(reply[1]), waitMs: Number(reply[2]) };
}
