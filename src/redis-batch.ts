/**
 * Many independent commands in one round trip, on a single node and on a Cluster alike.
 * A plain ioredis pipeline refuses keys that live on different Cluster nodes, so on a Cluster the
 * commands are sent at once and each goes to its node (one round trip per node, in parallel).
 * Nothing here is atomic: callers only batch commands that are safe to repeat.
 */
import { createHash } from "node:crypto";
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

/**
 * A Lua script sent by its SHA-1 (EVALSHA), so each call carries its arguments and not its text;
 * the text goes once, when Redis does not know it yet (after a restart or on a new node).
 */
export class LuaScript {
  readonly sha: string;
  constructor(
    readonly lua: string,
    readonly numberOfKeys: number,
  ) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }

  /** The call as one command of a batch (`byText`: with the script's text, after NOSCRIPT). */
  command(args: readonly RedisArg[], byText = false): RedisCommand {
    return byText
      ? ["eval", this.lua, this.numberOfKeys, ...args]
      : ["evalsha", this.sha, this.numberOfKeys, ...args];
  }

  /** Runs the script alone. */
  async run(redis: RedisClient, args: readonly RedisArg[]): Promise<unknown> {
    return (await runScriptBatch(redis, [this.command(args)], (byText) => [this.command(args, byText)]))[0];
  }
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOSCRIPT");
}

/**
 * Runs a batch that holds EVALSHA commands; when Redis does not know a script, the batch is sent
 * again with the scripts' text (`build(true)`). Only for batches that are safe to repeat.
 */
export async function runScriptBatch(
  redis: RedisClient,
  commands: readonly RedisCommand[],
  build: (byText: boolean) => readonly RedisCommand[],
): Promise<unknown[]> {
  try {
    return await runBatch(redis, commands);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return runBatch(redis, build(true));
  }
}
