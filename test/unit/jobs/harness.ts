/**
 * What the job tests share: a real Redis, the fake Bot API over HTTP, a report store, the real
 * translations, logs kept in memory, and JobRunners that can be started, stopped and killed.
 */
import { Writable } from "node:stream";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import { createI18n } from "#src/bot/i18n.js";
import type { Config } from "#src/config.js";
import { createForwarding, type ForwardingDeps } from "#src/jobs/forward-to-focal-point.js";
import { createNotifications, type NotificationDeps } from "#src/jobs/notify-reporter.js";
import { JobRunner } from "#src/jobs/runner.js";
import { createLogger, type Logger } from "#src/logger.js";
import type { ReportDraft } from "#src/reports/report.js";
import type { ReporterInput, ReportStore } from "#src/reports/store.js";
import { TestRedis } from "../../harness/redis.js";
import { FakeTelegram, type SimUser } from "../../harness/telegram/index.js";
import { botRedis, createStore, sampleDraft } from "../reports/fixtures.js";

export interface JobWorld {
  server: TestRedis;
  redis: Redis;
  tg: FakeTelegram;
  api: Api;
  store: ReportStore;
  keys: ReturnType<typeof createStore>["keys"];
  pseudonymize: ReturnType<typeof createStore>["pseudonymize"];
  i18n: ReturnType<typeof createI18n>;
  logger: Logger;
  logs: string[];
  runners: JobRunner[];
  newRunner(): JobRunner;
  close(): Promise<void>;
}

export async function startWorld(): Promise<JobWorld> {
  const server = await TestRedis.start();
  const redis = await botRedis(server);
  const tg = await FakeTelegram.start();
  const { store, keys, pseudonymize } = createStore(redis);
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    pretty: false,
    secrets: [tg.token],
    destination: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const runners: JobRunner[] = [];
  const runnerConfig = {
    REDIS_URL: server.url,
    REDIS_SENTINEL_MASTER: "mymaster",
    REDIS_PREFIX: "waspada:",
  } as Pick<
    Config,
    "REDIS_URL" | "REDIS_SENTINELS" | "REDIS_SENTINEL_MASTER" | "REDIS_CLUSTER_NODES" | "REDIS_PREFIX"
  >;
  return {
    server,
    redis,
    tg,
    api: new Api(tg.token, { apiRoot: tg.apiRoot }),
    store,
    keys,
    pseudonymize,
    i18n: createI18n("en"),
    logger,
    logs,
    runners,
    newRunner() {
      const runner = new JobRunner(runnerConfig, logger);
      runners.push(runner);
      return runner;
    },
    async close() {
      await Promise.allSettled(runners.map((r) => r.stop()));
      redis.disconnect();
      await tg.stop();
      await server.stop();
    },
  };
}

/** Stops every runner of the previous test and empties Redis and the call log. */
export async function resetWorld(world: JobWorld): Promise<void> {
  await Promise.allSettled(world.runners.splice(0).map((r) => r.kill()));
  await world.server.flush();
  world.tg.clearCalls();
  world.tg.clearFaults();
}

export function forwardingDeps(
  world: JobWorld,
  channels: Record<string, number>,
  overrides: Partial<ForwardingDeps> = {},
): ForwardingDeps {
  return {
    api: world.api,
    reports: world.store,
    redis: world.redis,
    keys: world.keys,
    config: { FOCAL_CHANNELS: channels, FORWARD_MIN_LEVEL: "high", FOCAL_LOCALE: "en" },
    files: { api: world.api, apiRoot: world.tg.apiRoot, token: world.tg.token },
    i18n: world.i18n,
    logger: world.logger,
    rate: { max: 5, durationMs: 1000 },
    ...overrides,
  };
}

export function startForwarding(
  world: JobWorld,
  channels: Record<string, number>,
  overrides: Partial<ForwardingDeps> = {},
) {
  const runner = world.newRunner();
  const forwarding = createForwarding(runner, forwardingDeps(world, channels, overrides));
  runner.start();
  return { runner, forwarding };
}

export function startNotifications(world: JobWorld, overrides: Partial<NotificationDeps> = {}) {
  const runner = world.newRunner();
  const notifications = createNotifications(runner, {
    api: world.api,
    reports: world.store,
    redis: world.redis,
    keys: world.keys,
    i18n: world.i18n,
    logger: world.logger,
    pseudonymize: world.pseudonymize,
    ...overrides,
  });
  runner.start();
  return { runner, notifications };
}

let reportCounter = 0;

/** A report by `user` (or a made-up reporter), stored as the bot stores it. */
export async function createReport(
  world: JobWorld,
  draft: Partial<ReportDraft> = {},
  reporter: Partial<ReporterInput> & { user?: SimUser } = {},
) {
  reportCounter += 1;
  const { user, ...rest } = reporter;
  const chatId = user?.id ?? 5_550_000_000 + reportCounter;
  const input: ReporterInput = {
    ref: world.pseudonymize("user", chatId),
    chatId,
    locale: "id",
    contactConsent: true,
    ...rest,
  };
  const { report } = await world.store.createOnce(
    `chat-${chatId}:${reportCounter}`,
    sampleDraft(draft),
    input,
  );
  return report;
}

/** Waits until `check` passes (polls; jobs run in the background). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
