/**
 * The right to erasure (UU 27/2022, Art. 8 and 43–44), in one place: the reporter record and the
 * links from her reports to her (src/reports/store.ts eraseReporter), and every other trace she
 * left, found by name — never by SCAN, which visits one node of a Redis Cluster: her open
 * conversation, a pending reply, the links from relayed questions to her cases, her recent checks
 * with their replies, offers waiting for the model's extraction and what it extracted, her
 * rate-limit buckets and model budget counters. What is kept for her chat and for each check is
 * listed by its owner, src/privacy/chat-data.ts.
 */
import { checkKeys, eraseChat } from "#src/privacy/chat-data.js";
import { BUCKETS } from "#src/rate-limit.js";
import type { RedisClient } from "#src/redis.js";
import { type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import type { ReportStore } from "#src/reports/store.js";

export interface ErasureDeps {
  redis: RedisClient;
  keys: Keys;
  reports: Pick<ReportStore, "eraseReporter">;
}

/** `userRef` and `chatRef`: pseudonyms of her Telegram user id and of her private chat. */
export async function erasePerson(
  deps: ErasureDeps,
  who: { userRef: string; chatRef: string },
): Promise<{ reports: number }> {
  const { redis, keys } = deps;
  const { userRef, chatRef } = who;
  const { reports } = await deps.reports.eraseReporter(userRef);
  const [checks, drafts, extractions] = (await runBatch(redis, [
    ["smembers", keys.checksOf(userRef)],
    ["smembers", keys.draftsOf(userRef)],
    ["smembers", keys.extractionsOf(userRef)],
  ])) as [string[], string[], string[]];
  await Promise.all([
    eraseChat(deps, chatRef),
    runBatch(redis, [
      ...checks.flatMap((id) => checkKeys(keys, id).map((key): RedisCommand => ["del", key])),
      ...drafts.map((id): RedisCommand => ["del", keys.analysisDraft(id)]),
      ...extractions.map((digest): RedisCommand => ["del", keys.extractionCache(digest)]),
      ["del", keys.checksOf(userRef)],
      ["del", keys.campaignOf(userRef)],
      ["del", keys.draftsOf(userRef)],
      ["del", keys.extractionsOf(userRef)],
      ...Object.keys(BUCKETS).map((kind): RedisCommand => ["del", keys.rateBucket(kind, userRef)]),
      // Her model-call counters of the last days (they expire after two days anyway).
      ...[0, 1, 2].map(
        (daysAgo): RedisCommand => [
          "del",
          keys.llmUserBudget(new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10), userRef),
        ],
      ),
    ]),
  ]);
  return { reports };
}
