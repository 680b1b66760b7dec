/**
 * The cases shared with focal points: reports with a post in a focal-point channel, with when and
 * where they were posted. Used by the weekly digest and by the structured exchange.
 */
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { Report } from "#src/reports/report.js";
import type { ReportStore } from "#src/reports/store.js";

export interface SharedPost {
  chatId: number;
  messageId: number;
  /** When the post was confirmed in the channel (ISO), if recorded. */
  postedAt?: string;
  reason?: string;
}

export interface SharedCase {
  report: Report;
  posts: SharedPost[];
}

const BATCH = 200;

/** Reports created in [from, to) that were posted to at least one focal-point channel. */
export async function sharedCases(
  store: ReportStore,
  redis: RedisClient,
  keys: Keys,
  range: { from: Date; to: Date },
): Promise<SharedCase[]> {
  const ids = await store.idsCreatedBetween(range.from, range.to);
  const result: SharedCase[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const reports = await store.getMany(ids.slice(i, i + BATCH));
    for (const report of reports) {
      const posts = await redis.hgetall(keys.reportPosts(report.id));
      if (Object.keys(posts).length === 0) continue;
      const steps = await redis.hgetall(keys.reportForwarding(report.id));
      result.push({
        report,
        posts: Object.entries(posts).map(([chat, message]) => ({
          chatId: Number(chat),
          messageId: Number(message),
          ...(steps[`${chat}:done`] !== undefined && { postedAt: steps[`${chat}:done`] }),
          ...(steps[`${chat}:reason`] !== undefined && { reason: steps[`${chat}:reason`] }),
        })),
      });
    }
  }
  return result;
}
