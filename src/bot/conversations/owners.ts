/**
 * Who is in a conversation, for the one message the bot sends without being asked: the notice
 * that an abandoned report was discarded. The chat id is sealed (encrypted); the key is the chat's
 * pseudonym, the same as the conversation state's.
 */
import type { Locale } from "#src/config.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

export interface ConversationOwners {
  remember(chatId: number, locale: Locale): Promise<void>;
}

export function createConversationOwners(options: {
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  pseudonymize: Pseudonymize;
  ttlSeconds: number;
}): ConversationOwners {
  const { redis, keys, sealer, pseudonymize, ttlSeconds } = options;
  return {
    async remember(chatId, locale) {
      const ref = pseudonymize("chat", chatId);
      const key = keys.conversationOwner(ref);
      await runBatch(redis, [
        ["hset", key, "chat", sealer.seal(String(chatId), `conv-owner:${ref}`), "locale", locale],
        ["expire", key, ttlSeconds],
      ]);
    },
  };
}
