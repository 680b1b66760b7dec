/**
 * What keeps the language model from hurting the service: retries on 429/5xx (honouring
 * retry-after, capped), a circuit breaker shared through Redis by every process, and daily
 * budgets in total and per reporter. When any of them says no, the rules' result stands.
 */
import OpenAI from "openai";
import type { AnalysisConfig } from "#src/analysis/client.js";
import type { Logger } from "#src/logger.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

export interface BreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failures: number;
  /** How long it stays open; afterwards one call probes, and one more failure opens it again. */
  coolDownMs: number;
}

export interface RetryOptions {
  attempts: number;
  baseMs: number;
  /** Longest wait between attempts (a longer retry-after fails the call instead). */
  maxWaitMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failures: 5, coolDownMs: 5 * 60_000 };
export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseMs: 1_000, maxWaitMs: 30_000 };
const BUDGET_TTL_SECONDS = 2 * 24 * 60 * 60;

export class CallFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    readonly waitMs?: number,
  ) {
    super(reason);
  }
}

/** Sorts an SDK error: what to record, and whether another attempt can help. */
export function classify(error: unknown): CallFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new CallFailure("timeout", false);
  if (error instanceof OpenAI.APIConnectionError) return new CallFailure("network", true);
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    if (status === 429 || status >= 500) {
      const header = error.headers?.get?.("retry-after");
      const seconds = header !== null && header !== undefined ? Number(header) : Number.NaN;
      return new CallFailure(
        `http_${status}`,
        true,
        Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined,
      );
    }
    return new CallFailure(`http_${status}`, false);
  }
  return new CallFailure("error", false);
}

/** The wait before the next attempt, or undefined when no more attempt should be made. */
export function retryWait(failure: CallFailure, attempts: number, retry: RetryOptions): number | undefined {
  if (!failure.retryable || attempts >= retry.attempts) return undefined;
  const wait = failure.waitMs ?? retry.baseMs * 2 ** (attempts - 1);
  return wait > retry.maxWaitMs ? undefined : wait;
}

export interface ModelLimits {
  circuitOpen(): Promise<boolean>;
  /** A call succeeded: the count of consecutive failures starts again. */
  recordSuccess(): Promise<void>;
  /** A call failed after its retries; enough in a row open the circuit. */
  recordFailure(): Promise<void>;
  /** Takes `calls` from today's budgets (per reporter and in total), or nothing when either is spent. */
  reserve(ref: string, calls: number): Promise<boolean>;
}

export function createModelLimits(deps: {
  redis: RedisClient;
  keys: Keys;
  config: AnalysisConfig;
  logger: Logger;
  breaker: BreakerOptions;
  now: () => number;
}): ModelLimits {
  const { redis, keys, config, logger, breaker, now } = deps;
  return {
    async circuitOpen() {
      return (await redis.exists(keys.llmCircuitOpen())) === 1;
    },
    async recordSuccess() {
      await redis.del(keys.llmFailures());
    },
    async recordFailure() {
      const failures = await redis.incr(keys.llmFailures());
      if (failures >= breaker.failures) {
        await redis.set(keys.llmCircuitOpen(), String(failures), "PX", breaker.coolDownMs);
        logger.warn({ failures, coolDownMs: breaker.coolDownMs }, "language model circuit open");
      }
    },
    async reserve(ref, calls) {
      const day = new Date(now()).toISOString().slice(0, 10);
      const counters: Array<[string, number]> = [
        [keys.llmUserBudget(day, ref), config.OPENAI_USER_DAILY_BUDGET],
        [keys.llmBudget(day), config.OPENAI_DAILY_BUDGET],
      ];
      const taken: string[] = [];
      for (const [key, limit] of counters) {
        const used = await redis.incrby(key, calls);
        if (used === calls) await redis.expire(key, BUDGET_TTL_SECONDS);
        taken.push(key);
        if (used > limit) {
          for (const k of taken) await redis.decrby(k, calls);
          return false;
        }
      }
      return true;
    },
  };
}
