/** The usual e2e setup as vitest hooks (kept apart from app.ts, which benchmarks import too). */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startTestApp, type TestApp, testEnv } from "./app.js";
import { TestRedis } from "./redis.js";
import { FakeTelegram } from "./telegram/index.js";

export interface RunningBot {
  redis: TestRedis;
  tg: FakeTelegram;
  app: TestApp;
  /** Stops the bot and starts a fresh process on the same Redis and Telegram, as after a restart. */
  restart(): Promise<TestApp>;
}

/**
 * The usual e2e setup: a Redis for the file (or the describe block it is called in), and for every
 * test a fresh fake Telegram and a running bot on a flushed Redis. Read the fields inside tests
 * (they change from test to test).
 *
 * `extraEnv` runs once per test, before the bot starts, with that test's Telegram: it may create
 * the groups and channels its variables name (or find a free port); a restart keeps its answer.
 */
export function useRunningBot(
  extraEnv: (tg: FakeTelegram) => Record<string, string> | Promise<Record<string, string>> = () => ({}),
): RunningBot {
  const bot = {} as RunningBot;
  let env: Record<string, string> = {};
  bot.restart = async () => {
    await bot.app.stop();
    bot.app = await startTestApp(env);
    return bot.app;
  };
  beforeAll(async () => {
    bot.redis = await TestRedis.start();
  });
  afterAll(async () => {
    await bot.redis.stop();
  });
  beforeEach(async () => {
    await bot.redis.flush();
    bot.tg = await FakeTelegram.start();
    env = testEnv(bot.tg, bot.redis, await extraEnv(bot.tg));
    bot.app = await startTestApp(env);
  });
  afterEach(async () => {
    await bot.app.stop();
    await bot.tg.stop();
  });
  return bot;
}
