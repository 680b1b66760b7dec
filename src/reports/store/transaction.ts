/**
 * The optimistic transaction a report changes through: read under WATCH, apply, write in MULTI,
 * retried if the report changed in between; indexes and audit follow after the commit.
 */
import type { RedisClient } from "#src/redis.js";
import { type RedisCommand, runBatch } from "#src/redis-batch.js";
import { parseStoredReport, type Report } from "#src/reports/report.js";

/** Optimistic transactions retried this often before giving up (only under heavy contention on one report). */
const MAX_TRANSACTION_ATTEMPTS = 20;

export type ChangeResult<Reason extends string> =
  | { ok: true; report: Report }
  | { ok: false; reason: Reason };

/**
 * WATCH belongs to a connection, and the bot shares one connection between all its handlers: two
 * transactions interleaved on it would clear each other's WATCH. Transactions on one client
 * therefore run one at a time (other commands are unaffected).
 */
const transactionQueues = new WeakMap<object, Promise<unknown>>();
function oneTransactionAtATime<T>(redis: RedisClient, run: () => Promise<T>): Promise<T> {
  const previous = transactionQueues.get(redis) ?? Promise.resolve();
  const current = previous.then(run, run);
  transactionQueues.set(
    redis,
    current.catch(() => undefined),
  );
  return current;
}

/**
 * Optimistic transaction on one report key (`key`, the report `id`): `apply` returns the changed
 * report or a reason not to change it; `followUp` (indexes, audit) runs after the commit.
 */
export async function changeReport<Reason extends string>(
  redis: RedisClient,
  report: { id: string; key: string; now: () => Date },
  apply: (report: Report, at: string) => Report | Reason,
  followUp: (before: Report, after: Report) => RedisCommand[],
): Promise<ChangeResult<Reason | "not_found">> {
  const { id, key } = report;
  for (let attempt = 0; attempt < MAX_TRANSACTION_ATTEMPTS; attempt++) {
    const outcome = await oneTransactionAtATime(redis, async () => {
      let watching = false;
      try {
        await redis.watch(key);
        watching = true;
        const json = await redis.get(key);
        if (json === null) return { ok: false as const, reason: "not_found" as const };
        const before = parseStoredReport(json);
        const after = apply(before, report.now().toISOString());
        if (typeof after === "string") return { ok: false as const, reason: after };
        const replies = await redis.multi().set(key, JSON.stringify(after)).exec();
        watching = false; // EXEC ends the WATCH, committed or not
        if (replies === null) return undefined; // the report changed meanwhile: try again
        for (const [error] of replies) if (error) throw error;
        return { ok: true as const, before, after };
      } finally {
        if (watching) await redis.unwatch().catch(() => undefined);
      }
    });
    if (outcome === undefined) continue;
    if (!outcome.ok) return outcome;
    await runBatch(redis, followUp(outcome.before, outcome.after));
    return { ok: true, report: outcome.after };
  }
  throw new Error(`report ${id} kept changing; gave up after ${MAX_TRANSACTION_ATTEMPTS} attempts`);
}
