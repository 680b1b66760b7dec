/**
 * Conversation state in Redis, one key per chat (its pseudonym), with a TTL so an abandoned
 * conversation cannot linger. Each write also moves the chat's deadline in a sorted set that the
 * expiry sweeper reads to tell people their unfinished report was discarded.
 */
import type { ConversationData, VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

export interface ConversationStorageOptions {
  redis: RedisClient;
  keys: Keys;
  /** How long a conversation may wait for its next answer. */
  timeoutMs: number;
  now?: () => number;
}

export function createConversationStorage(
  options: ConversationStorageOptions,
): VersionedStateStorage<string, ConversationData> {
  const { redis, keys, timeoutMs } = options;
  const now = options.now ?? Date.now;
  // The state outlives the deadline a little, so the sweeper still finds it to send its notice.
  const ttlSeconds = Math.ceil(timeoutMs / 1000) + 24 * 60 * 60;
  return {
    async read(ref) {
      const raw = await redis.get(keys.conversation(ref));
      return raw ? (JSON.parse(raw) as VersionedState<ConversationData>) : undefined;
    },
    async write(ref, state) {
      await runBatch(redis, [
        ["set", keys.conversation(ref), JSON.stringify(state), "EX", ttlSeconds],
        ["zadd", keys.conversationDeadlines(), now() + timeoutMs, ref],
      ]);
    },
    async delete(ref) {
      await runBatch(redis, [
        ["del", keys.conversation(ref)],
        ["zrem", keys.conversationDeadlines(), ref],
      ]);
    },
  };
}
