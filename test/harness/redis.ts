/**
 * A real redis-server per test file (src/playground/redis-server.ts): a free port, a temporary
 * directory, AOF on. Tests can flush it, kill -9 it and start it again on the same port with the
 * same data directory.
 */
import { Redis } from "ioredis";
import {
  freePort,
  REDIS_SERVER_BIN,
  RedisServer,
  redisServerMissingMessage,
} from "#src/playground/redis-server.js";

export { freePort, REDIS_SERVER_BIN, redisServerMissingMessage };

export class TestRedis extends RedisServer {
  static override start(): Promise<TestRedis> {
    return RedisServer.startAs(TestRedis, { durable: true });
  }

  client(): Redis {
    const client = new Redis({ port: this.port, maxRetriesPerRequest: 1 });
    client.on("error", () => {}); // tests that kill the server expect refused connections
    return client;
  }

  async flush(): Promise<void> {
    const client = this.client();
    await client.flushall();
    client.disconnect();
  }

  /** Starts again on the same port with the same data directory (AOF is replayed). */
  async restart(): Promise<void> {
    await this.kill();
    await this.launch();
  }
}
