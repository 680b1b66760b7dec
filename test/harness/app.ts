/**
 * Starts the real app in-process against the fake Bot API server and a test Redis, with logs kept
 * in memory so tests can read them (and prove they hold no personal data).
 */
import { Writable } from "node:stream";
import { type App, type AppOptions, createApp } from "#src/app.js";
import { parseConfig } from "#src/config.js";
import { createLogger } from "#src/logger.js";
import type { TestRedis } from "./redis.js";
import type { FakeTelegram } from "./telegram/index.js";

export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString("base64");
export const TEST_OPERATOR = "Tim Uji Waspada";

export interface TestApp extends App {
  logs: Array<Record<string, unknown>>;
  logText(): string;
}

export function testEnv(
  tg: FakeTelegram,
  redis: TestRedis,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    REDIS_URL: redis.url,
    OPERATOR_NAME: TEST_OPERATOR,
    DATA_KEY: TEST_DATA_KEY,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: "0",
    LOG_LEVEL: "debug",
    NODE_ENV: "test",
    TELEGRAM_MAX_RETRY_DELAY_SECONDS: "5",
    ...extra,
  };
}

export function createTestApp(
  env: Record<string, string>,
  options: Pick<AppOptions, "faults"> = {},
): TestApp {
  const config = parseConfig(env);
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({
    level: config.LOG_LEVEL,
    pretty: false,
    secrets: [config.BOT_TOKEN],
    destination,
  });
  const app = createApp(config, { logger, startRetryDelayMs: () => 100, ...options });
  return Object.assign(app, { logs, logText: () => logs.map((l) => JSON.stringify(l)).join("\n") });
}

export async function startTestApp(env: Record<string, string>): Promise<TestApp> {
  const app = createTestApp(env);
  await app.start();
  return app;
}
