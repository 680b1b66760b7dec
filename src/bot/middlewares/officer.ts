/**
 * Who may act on cases: people who are, right now, administrators of the moderator group (or,
 * with OFFICERS=members, any member). Asked of Telegram with getChatMember and cached in Redis for
 * at most a minute, so a demoted officer loses access quickly; a chat_member update about the
 * moderator group drops the cached answer at once.
 */
import type { Api } from "grammy";
import type { ChatMember } from "grammy/types";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

export type OfficerPolicy = "admins" | "members";

export interface OfficerCheck {
  isOfficer(userId: number): Promise<boolean>;
  forget(userId: number): Promise<void>;
}

function qualifies(member: ChatMember, policy: OfficerPolicy): boolean {
  if (member.status === "creator" || member.status === "administrator") return true;
  if (policy === "admins") return false;
  return member.status === "member" || (member.status === "restricted" && member.is_member);
}

export function createOfficerCheck(options: {
  api: Api;
  redis: RedisClient;
  keys: Keys;
  moderatorChatId: number | undefined;
  policy: OfficerPolicy;
  cacheSeconds: number;
}): OfficerCheck {
  const { api, redis, keys, moderatorChatId, policy, cacheSeconds } = options;
  return {
    async isOfficer(userId) {
      if (moderatorChatId === undefined) return false;
      const cached = await redis.get(keys.officer(userId));
      if (cached !== null) return cached === "1";
      let allowed = false;
      let firstName: string | undefined;
      try {
        const member = await api.getChatMember(moderatorChatId, userId);
        allowed = qualifies(member, policy);
        firstName = member.user.first_name;
      } catch {
        allowed = false; // unknown user or chat: not an officer
      }
      await redis.set(keys.officer(userId), allowed ? "1" : "0", "EX", cacheSeconds);
      // The first name only, for "taken by" and the history on cards.
      if (allowed && firstName) await redis.hset(keys.officerNames(), String(userId), firstName.slice(0, 64));
      return allowed;
    },
    async forget(userId) {
      await redis.del(keys.officer(userId));
    },
  };
}

/** First names of the officers who took or changed a report, by Telegram id (for its card). */
export async function officerNamesOf(
  redis: RedisClient,
  keys: Keys,
  report: { assignee?: string | null; history: ReadonlyArray<{ actor: string }> },
): Promise<Record<string, string>> {
  const ids = [
    ...new Set([
      ...(report.assignee ? [report.assignee] : []),
      ...report.history.filter((h) => h.actor.startsWith("officer:")).map((h) => h.actor.slice(8)),
    ]),
  ];
  if (ids.length === 0) return {};
  const names = await redis.hmget(keys.officerNames(), ...ids);
  return Object.fromEntries(ids.flatMap((id, i) => (names[i] ? [[id, names[i]]] : [])));
}
