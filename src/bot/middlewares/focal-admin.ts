/**
 * Who may answer on a focal post: people who are, right now, administrators of that channel, or of
 * the focal group named for the channel's destination (FOCAL_ADMIN_GROUPS). Asked of Telegram with
 * getChatMember and cached in Redis for at most OFFICER_CACHE_SECONDS (≤ 60 s), like officers; a
 * chat_member update about the channel or group drops the cached answer at once.
 */
import type { Api } from "grammy";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

export interface FocalAdminCheck {
  /** `country` is the channel's destination ("KH" or "default"), to find its focal group. */
  isFocalAdmin(chatId: number, country: string | undefined, userId: number): Promise<boolean>;
  /** Drops cached answers about this person in this chat (a membership change). */
  forget(chatId: number, userId: number): Promise<void>;
  /** The chats whose administrators may answer: every focal channel and group. */
  watches(chatId: number): boolean;
}

export function createFocalAdminCheck(options: {
  api: Api;
  redis: RedisClient;
  keys: Keys;
  channels: Record<string, number>;
  groups: Record<string, number>;
  cacheSeconds: number;
}): FocalAdminCheck {
  const { api, redis, keys, groups, cacheSeconds } = options;
  const watched = new Set([...Object.values(options.channels), ...Object.values(groups)]);

  async function adminOf(chatId: number, userId: number): Promise<boolean> {
    const key = keys.focalAdmin(chatId, userId);
    const cached = await redis.get(key);
    if (cached !== null) return cached === "1";
    let allowed = false;
    try {
      const member = await api.getChatMember(chatId, userId);
      allowed = member.status === "creator" || member.status === "administrator";
    } catch {
      allowed = false; // unknown user or chat: not an administrator
    }
    await redis.set(key, allowed ? "1" : "0", "EX", cacheSeconds);
    return allowed;
  }

  return {
    async isFocalAdmin(chatId, country, userId) {
      if (await adminOf(chatId, userId)) return true;
      const group = country === undefined ? undefined : (groups[country] ?? undefined);
      return group !== undefined && (await adminOf(group, userId));
    },
    async forget(chatId, userId) {
      await redis.del(keys.focalAdmin(chatId, userId));
    },
    watches: (chatId) => watched.has(chatId),
  };
}
