/**
 * Many independent commands in one round trip, on a single node and on a Cluster alike.
 * A plain ioredis pipeline refuses keys that live on different Cluster nodes, so on a Cluster the
 * commands are sent at once and each goes to its node (one round trip per node, in parallel).
 * Nothing here is atomic: callers only batch commands that are safe to repeat.
 */
import type { RedisClient } from "#src/redis.js";

export type RedisArg = string | number | Buffer;
export type RedisCommand = readonly [name: string, ...args: RedisArg[]];

/** Runs the commands and returns their raw replies in order; throws the first command error. */
export async function runBatch(redis: RedisClient, commands: readonly RedisCommand[]): Promise<unknown[]> {
  if (commands.length === 0) return [];
  if (redis.isCluster) {
    return Promise.all(commands.map(([name, ...args]) => redis.call(name, args)));
  }
  const pipeline = redis.pipeline();
  for (const [name, ...args] of commands) pipeline.call(name, args);
  const replies = await pipeline.exec();
  if (!replies) throw new Error("Redis discarded the pipeline");
  return replies.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}

/** A hash as a record, from HGETALL (which ioredis turns into an object) or a flat field/value list (XRANGE). */
export function hashReply(reply: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (Array.isArray(reply)) {
    for (let i = 0; i + 1 < reply.length; i += 2) record[String(reply[i])] = String(reply[i + 1]);
  } else if (typeof reply === "object" && reply !== null) {
    for (const [field, value] of Object.entries(reply)) record[field] = String(value);
  }
  return record;
}
