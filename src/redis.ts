/**
 * The one Redis client factory: a single node (redis:// or rediss://), Sentinel, or Cluster.
 * The bot's connection fails fast while Redis is away (so users hear "try again in a minute"
 * instead of silence) and reconnects by itself; job workers ask for blocking connections.
 */
import { Cluster, Redis, type RedisOptions } from "ioredis";
import type { Config } from "#src/config.js";

export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /** BullMQ workers need `null` (block forever); the bot wants a quick failure. */
  maxRetriesPerRequest?: number | null;
  connectionName?: string;
  lazyConnect?: boolean;
}

type RedisSettings = Pick<
  Config,
  "REDIS_URL" | "REDIS_SENTINELS" | "REDIS_SENTINEL_MASTER" | "REDIS_CLUSTER_NODES"
>;

/** Reconnect after 100 ms, doubling up to 5 s, forever: Redis coming back must heal the bot. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 10), 5_000);
}

export function createRedis(settings: RedisSettings, options: RedisConnectionOptions = {}): RedisClient {
  const url = new URL(settings.REDIS_URL);
  const shared: RedisOptions = {
    connectionName: options.connectionName ?? "waspada",
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 1 : options.maxRetriesPerRequest,
    // While disconnected, commands fail at once instead of piling up behind a dead socket.
    enableOfflineQueue: options.maxRetriesPerRequest === null,
    retryStrategy: reconnectDelay,
    lazyConnect: options.lazyConnect ?? true,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === "rediss:" ? { servername: url.hostname } : undefined,
    connectTimeout: 5_000,
  };
  if (settings.REDIS_CLUSTER_NODES) {
    return new Cluster(settings.REDIS_CLUSTER_NODES, {
      redisOptions: shared,
      clusterRetryStrategy: reconnectDelay,
      enableOfflineQueue: shared.enableOfflineQueue,
      lazyConnect: shared.lazyConnect,
    });
  }
  if (settings.REDIS_SENTINELS) {
    return new Redis({
      ...shared,
      sentinels: settings.REDIS_SENTINELS,
      name: settings.REDIS_SENTINEL_MASTER,
      sentinelPassword: shared.password,
      db: Number(url.pathname.slice(1) || 0),
    });
  }
  return new Redis({
    ...shared,
    host: url.hostname || "127.0.0.1",
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
  });
}

/** Where Redis is, for log lines: host and port only, never credentials. */
export function describeRedis(settings: RedisSettings): string {
  if (settings.REDIS_CLUSTER_NODES)
    return `cluster ${settings.REDIS_CLUSTER_NODES.map((n) => `${n.host}:${n.port}`).join(",")}`;
  if (settings.REDIS_SENTINELS) return `sentinel ${settings.REDIS_SENTINEL_MASTER}`;
  const url = new URL(settings.REDIS_URL);
  return `${url.protocol}//${url.hostname}:${url.port || 6379}`;
}
