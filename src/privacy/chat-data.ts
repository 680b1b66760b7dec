/**
 * What the bot keeps for one private chat and for one check, in one place: the key of each, so
 * what is written for a chat (or a check) is also what erasure removes. Keyed by the chat's
 * pseudonym (or the check's id) and read by name — never by SCAN, which visits one node of a
 * Redis Cluster. A key added for a chat or a check belongs in these lists.
 */
import type { RedisClient } from "#src/redis.js";
import { type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

/** Details a person opened under a verdict (each shown once per check). */
const CHECK_DETAILS = ["why", "do", "share"] as const;

/**
 * A private chat's keys: who owns its open conversation, the conversation itself, a pending reply
 * to an officer, the case she last answered, an answer waiting for "to the officers too?", and the
 * links from relayed questions to her cases.
 */
export function chatKeys(keys: Keys, chatRef: string): string[] {
  return [
    keys.conversationOwner(chatRef),
    keys.conversation(chatRef),
    keys.pendingReply(chatRef),
    keys.answeredCase(chatRef),
    keys.followUp(chatRef),
    keys.relayLinks(chatRef),
  ];
}

/**
 * A check's keys: the checked text, the reply with its second opinion, the opinion, her vote on it
 * (already counted in the day's totals, which hold no person) and what she opened.
 */
export function checkKeys(keys: Keys, checkId: string): string[] {
  return [
    keys.check(checkId),
    keys.checkReply(checkId),
    keys.checkOpinion(checkId),
    keys.checkVote(checkId),
    ...CHECK_DETAILS.map((what) => keys.checkShown(checkId, what)),
  ];
}

const deletes = (names: string[]): RedisCommand[] => names.map((key): RedisCommand => ["del", key]);

/** Everything kept for one private chat, gone (one round trip, by name). */
export async function eraseChat(deps: { redis: RedisClient; keys: Keys }, chatRef: string): Promise<void> {
  await runBatch(deps.redis, deletes(chatKeys(deps.keys, chatRef)));
}
