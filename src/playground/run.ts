/**
 * `npm run playground`: the real bot (the same createApp, polling) against the Bot API emulator, a
 * private redis-server in a temporary directory, throw-away keys, and the page on 127.0.0.1. Stops
 * everything on Ctrl-C and leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { type App, createApp } from "#src/app.js";
import { ConfigError, parseConfig } from "#src/config.js";
import { createLogger } from "#src/logger.js";
import { RedisServer, redisServerMissingMessage } from "#src/playground/redis-server.js";
import { seedReports } from "#src/playground/seed.js";
import { PageServer } from "#src/playground/server.js";
import { PlaygroundWorld } from "#src/playground/world.js";

export interface PlaygroundOptions {
  port: number;
  seed: boolean;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
}

export interface RunningPlayground {
  url: string;
  world: PlaygroundWorld;
  app: App;
  stop(): Promise<void>;
}

/** A start that cannot go on, with what to do about it; the CLI prints it and exits 1. */
export class PlaygroundStartError extends Error {}

export async function bundlePage(): Promise<string> {
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new PlaygroundStartError(
      "The playground's page is compiled with esbuild, a development dependency: run `npm ci` (not `npm ci --omit=dev`).",
    );
  }
  const entry = fileURLToPath(new URL("./page/main.ts", import.meta.url.replace("/dist/src/", "/src/")));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    target: "es2022",
    write: false,
    minify: true,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    const script = await bundlePage();
    const world = await PlaygroundWorld.start();
    cleanups.push(() => world.stop());
    // The port first: a second playground should say so before it starts a Redis.
    const page = await listenOrExplain(options.port, world, script);
    cleanups.push(() => page.close());

    const redisUrl = await privateRedis(options, cleanups);
    const prefix = `waspada-playground-${randomBytes(4).toString("hex")}:`;
    const dataKey = randomBytes(32).toString("base64");
    const operator = `Waspada playground (${randomBytes(2).toString("hex")})`;
    let config: ReturnType<typeof parseConfig>;
    try {
      config = parseConfig({
        ...world.botEnv(),
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        OPERATOR_NAME: operator,
        DATA_KEY: dataKey,
        PSEUDONYM_KEY: randomBytes(32).toString("base64"),
        HTTP_HOST: "127.0.0.1",
        HTTP_PORT: "0",
        LOG_LEVEL: options.env.LOG_LEVEL ?? "warn",
        DEFAULT_LOCALE: options.env.DEFAULT_LOCALE ?? "id",
        FOCAL_LOCALE: options.env.FOCAL_LOCALE ?? "en",
        MODERATOR_LOCALE: options.env.MODERATOR_LOCALE ?? "en",
      });
    } catch (error) {
      if (error instanceof ConfigError) throw new PlaygroundStartError(error.message);
      throw error;
    }
    if (options.env.REDIS_URL) cleanups.push(() => deleteKeys(redisUrl, prefix));
    options.out(
      `Throw-away DATA_KEY, PSEUDONYM_KEY and operator name "${operator}" (nothing here is real or kept).`,
    );

    const app = createApp(config, {
      logger: createLogger({ level: config.LOG_LEVEL, pretty: false, secrets: [config.BOT_TOKEN] }),
      startRetryDelayMs: () => 200,
    });
    cleanups.push(() => app.stop());
    await app.start();

    const url = `http://127.0.0.1:${page.port}`;
    if (options.seed) {
      options.out("Seeding sample reports…");
      const count = await seedReports(world);
      options.out(`Seeded ${count} sample reports.`);
    }
    options.out(`Playground: ${url}`);
    options.out("Ctrl-C stops the bot, the emulator and the Redis, and removes their files.");
    return { url, world, app, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function listenOrExplain(port: number, world: PlaygroundWorld, script: string): Promise<PageServer> {
  try {
    return await PageServer.listen(port, world, script);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    const ours = await fetch(`http://127.0.0.1:${port}/api/ping`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.json() as Promise<{ playground?: string }>)
      .then((body) => body.playground === "waspada")
      .catch(() => false);
    throw new PlaygroundStartError(
      ours
        ? `A Waspada playground is already running at http://127.0.0.1:${port}. Open it, or stop it with Ctrl-C in its terminal first.`
        : `Port ${port} is in use by another program. Start the playground on another port: PLAYGROUND_PORT=${port + 1} npm run playground`,
    );
  }
}

/** REDIS_URL if the user named one (keys under a fresh prefix, deleted at the end), else our own server. */
async function privateRedis(
  options: PlaygroundOptions,
  cleanups: Array<() => Promise<void>>,
): Promise<string> {
  const named = options.env.REDIS_URL;
  if (named) {
    options.out(`Redis: ${redactUrl(named)} (REDIS_URL), under a fresh key prefix removed at exit.`);
    return named;
  }
  const missing = redisServerMissingMessage("The playground");
  if (missing) throw new PlaygroundStartError(`${missing}\nOr point REDIS_URL at a Redis you want to use.`);
  const server = await RedisServer.start({ durable: false, dirPrefix: "waspada-playground-" });
  cleanups.push(() => server.stop());
  // However the process ends (a second Ctrl-C, a crash), the Redis and its files go with it.
  const onExit = () => server.killNow();
  process.once("exit", onExit);
  cleanups.push(async () => {
    process.off("exit", onExit);
  });
  options.out(
    `Redis: a private redis-server on port ${server.port}, data in ${server.dir} (removed at exit).`,
  );
  return server.url;
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectionName: "waspada-playground-cleanup" });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
