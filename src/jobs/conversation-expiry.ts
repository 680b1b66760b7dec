/**
 * Ends conversations nobody answered within CONVERSATION_TIMEOUT_HOURS: their state is deleted
 * (nothing half-stored remains) and the person gets a short notice in their language. Several
 * processes may sweep at once: removing the deadline entry is the claim, so each chat is told once.
 */
import type { Api } from "grammy";
import type { Locale } from "#src/config.js";
import type { Logger } from "#src/logger.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import { isLocale } from "#src/render/locales.js";

export interface ExpiryDeps {
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  api: Api;
  translate: (locale: Locale, key: string) => string;
  defaultLocale: Locale;
  logger: Logger;
  now?: () => number;
}

const BATCH = 100;

export async function sweepExpiredConversations(deps: ExpiryDeps): Promise<number> {
  const { redis, keys } = deps;
  const now = (deps.now ?? Date.now)();
  const refs = await redis.zrangebyscore(keys.conversationDeadlines(), "-inf", now, "LIMIT", 0, BATCH);
  let ended = 0;
  for (const ref of refs) {
    // The person may have answered a moment ago and moved their deadline: check before claiming.
    const score = await redis.zscore(keys.conversationDeadlines(), ref);
    if (score === null || Number(score) > now) continue;
    if ((await redis.zrem(keys.conversationDeadlines(), ref)) === 0) continue; // another sweeper has it
    const owner = await redis.hgetall(keys.conversationOwner(ref));
    await runBatch(redis, [
      ["del", keys.conversation(ref)],
      ["del", keys.conversationOwner(ref)],
    ]);
    ended += 1;
    if (!owner.chat) continue;
    try {
      const chatId = Number(deps.sealer.open(owner.chat, `conv-owner:${ref}`));
      const locale = isLocale(owner.locale) ? owner.locale : deps.defaultLocale;
      await deps.api.sendMessage(chatId, deps.translate(locale, "report-expired"), {
        reply_markup: { remove_keyboard: true },
      });
    } catch (error) {
      deps.logger.warn({ err: error }, "could not send a conversation expiry notice");
    }
  }
  if (ended > 0) deps.logger.info({ ended }, "expired conversations ended");
  return ended;
}
