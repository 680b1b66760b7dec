/**
 * Sends to one Telegram chat, spread out under its limit across every process: at most `max`
 * in any sliding `durationMs` (not BullMQ's fixed windows, which let a burst through on each side
 * of a boundary), and never two closer than `durationMs / max`, so 20 a minute arrive one every
 * 3 s instead of 20 at once and then a minute's silence.
 */
import type { RedisClient } from "#src/redis.js";

export interface SendRate {
  max: number;
  durationMs: number;
}

// KEYS: the chat's send log (sorted set). ARGV: now, window ms, max, gap ms, token.
// Returns 0 when the send may go now (and records it), else how many ms to wait.
const TAKE = `
local key, now, window, max, gap = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count >= max then
  local oldest = redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now + 1)
end
local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) + gap > now then return math.max(1, tonumber(last[2]) + gap - now) end
redis.call('ZADD', key, now, ARGV[5])
redis.call('PEXPIRE', key, window * 2)
return 0
`;

export interface SendWindow {
  /** 0 when a send may go now (it is counted), else the ms to wait before asking again. */
  take(): Promise<number>;
}

export function createSendWindow(options: {
  redis: RedisClient;
  key: string;
  rate: SendRate;
  now?: () => number;
}): SendWindow {
  const { redis, key, rate } = options;
  const now = options.now ?? Date.now;
  const gap = Math.floor(rate.durationMs / rate.max);
  return {
    async take() {
      const at = now();
      const token = `${at}:${Math.random().toString(36).slice(2, 10)}`;
      return Number(await redis.eval(TAKE, 1, key, at, rate.durationMs, rate.max, gap, token));
    },
  };
}
