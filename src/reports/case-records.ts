/**
 * What a case card shows beside the report, written by jobs and read here in plain Redis reads:
 * the focal-point posts of a case, posts that failed for good, the model's notes. Cards read them
 * without depending on the jobs that write them.
 */
import { z } from "zod";
import { type Analysis, parseStoredAnalysis } from "#src/analysis/result.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

export interface ForwardFailure {
  reportId: string;
  channelId: number;
  error: string;
  at: string;
}

const failureSchema = z.object({ error: z.string(), at: z.string() });

/** Channel id → message id of the card posted there. */
export async function focalPostsOf(
  redis: RedisClient,
  keys: Keys,
  reportId: string,
): Promise<Record<number, number>> {
  const all = await redis.hgetall(keys.reportPosts(reportId));
  const posts: Record<number, number> = {};
  for (const [chat, message] of Object.entries(all)) posts[Number(chat)] = Number(message);
  return posts;
}

/** Permanent failures of focal-point posts (bot not admin, channel gone), for /healthz and the card. */
export async function forwardFailures(redis: RedisClient, keys: Keys): Promise<ForwardFailure[]> {
  const all = await redis.hgetall(keys.forwardFailures());
  return Object.entries(all).flatMap(([field, json]) => {
    const i = field.lastIndexOf(":");
    const channelId = Number(field.slice(i + 1));
    const parsed = failureSchema.safeParse(safeJson(json));
    if (i < 0 || !Number.isSafeInteger(channelId) || !parsed.success) return [];
    return [{ reportId: field.slice(0, i), channelId, ...parsed.data }];
  });
}

/** The model's stored analysis of a report, if any (invalid output reads as "needs review"). */
export async function modelAnalysisOf(
  redis: RedisClient,
  keys: Keys,
  reportId: string,
): Promise<Analysis | undefined> {
  return parseStoredAnalysis(await redis.get(keys.reportAnalysis(reportId)));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
