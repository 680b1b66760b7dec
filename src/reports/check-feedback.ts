/**
 * "Was this helpful? 👍 👎" under a check: one vote per check (the first press counts, a second
 * press changes nothing), counted per day so `/stats [days]` can add up its window.
 */

import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

export type Vote = "up" | "down";
/** A check's vote is remembered longer than the check itself (an hour), so it cannot count twice. */
const VOTE_TTL_SECONDS = 2 * 24 * 60 * 60;
/** Daily counts are kept as long as /stats can look back. */
const DAY_TTL_SECONDS = 3_660 * 24 * 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Counts a vote once per check; "already" when this check was voted on before. */
export async function recordCheckVote(
  redis: RedisClient,
  keys: Keys,
  checkId: string,
  vote: Vote,
  now: Date,
): Promise<"counted" | "already"> {
  // Separate keys (a Cluster may put them on different slots): the NX decides, the count follows.
  const first = await redis.set(keys.checkVote(checkId), vote, "EX", VOTE_TTL_SECONDS, "NX");
  if (first !== "OK") return "already";
  const day = keys.checkFeedback(dayOf(now.getTime()));
  await runBatch(redis, [
    ["hincrby", day, vote, 1],
    ["expire", day, DAY_TTL_SECONDS],
  ]);
  return "counted";
}

/** Votes over the last `days` days (today included). */
export async function checkFeedbackIn(
  redis: RedisClient,
  keys: Keys,
  days: number,
  now: Date,
): Promise<Record<Vote, number>> {
  const totals: Record<Vote, number> = { up: 0, down: 0 };
  const commands = Array.from(
    { length: days },
    (_, i) => ["hmget", keys.checkFeedback(dayOf(now.getTime() - i * DAY_MS)), "up", "down"] as const,
  );
  const results = (await runBatch(redis, commands)) as Array<[string | null, string | null]>;
  for (const [up, down] of results) {
    totals.up += Number(up ?? 0);
    totals.down += Number(down ?? 0);
  }
  return totals;
}
