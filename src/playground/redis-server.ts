/**
 * A private redis-server on a free port in a temporary directory, for the playground and the tests:
 * nothing of the user's Redis is touched, and stop() removes every file it wrote.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? "redis-server";

/** Undefined when redis-server can be run; otherwise how to install it, for `who` ("The tests"). */
export function redisServerMissingMessage(who = "The tests"): string | undefined {
  const probe = spawnSync(REDIS_SERVER_BIN, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    return (
      `${who} need a redis-server binary (looked for "${REDIS_SERVER_BIN}"). Install it with ` +
      "`sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), " +
      "or set REDIS_SERVER_BIN to its path. It is started and stopped for you."
    );
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RedisServerOptions {
  /** Append-only file with fsync on every write (tests kill -9 and restart); off for the playground. */
  durable?: boolean;
  /** Prefix of the temporary directory's name. */
  dirPrefix?: string;
}

export class RedisServer {
  private process: ChildProcess | undefined;
  constructor(
    readonly port: number,
    readonly dir: string,
    private readonly durable: boolean,
  ) {}

  static start(options: RedisServerOptions = {}): Promise<RedisServer> {
    return RedisServer.startAs(RedisServer, options);
  }

  /** Starts an instance of a subclass (the tests' TestRedis). */
  protected static async startAs<T extends RedisServer>(
    Kind: new (port: number, dir: string, durable: boolean) => T,
    options: RedisServerOptions,
  ): Promise<T> {
    const server = new Kind(
      await freePort(),
      mkdtempSync(join(tmpdir(), options.dirPrefix ?? "waspada-redis-")),
      options.durable ?? true,
    );
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  protected async launch(): Promise<void> {
    const persistence = this.durable
      ? ["--appendonly", "yes", "--appendfsync", "always"]
      : ["--appendonly", "no"];
    const child = spawn(
      REDIS_SERVER_BIN,
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--dir",
        this.dir,
        ...persistence,
        "--save",
        "",
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
      ],
      { stdio: "ignore" },
    );
    this.process = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode})`);
      const client = new Redis({
        port: this.port,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on("error", () => {}); // refused while the server is still starting: expected
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${this.port}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  }

  /** kill -9: no shutdown, no final write beyond what AOF (fsync always) already has. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  /** For a process that is exiting now (no awaiting): SIGKILL and remove the directory. */
  killNow(): void {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill("SIGKILL");
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
