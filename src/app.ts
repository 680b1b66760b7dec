/**
 * The running service, wired from its parts in one straight line: Redis and the store, the Bot API
 * client, the officers' side (src/app/case-desk.ts), screenshots, the bot, the HTTP server; start
 * and stop are in src/app/lifecycle.ts, start-up retries in src/app/startup.ts. `main.ts` adds
 * only process concerns (environment, signals, exit codes), so tests start exactly this in-process.
 */
import { Api } from "grammy";
import { createCaseDesk } from "#src/app/case-desk.js";
import { createInFlight, createLifecycle } from "#src/app/lifecycle.js";
import { defaultStartDelay } from "#src/app/startup.js";
import type { BotContext, BotDeps } from "#src/bot/context.js";
import { createConversationOwners } from "#src/bot/conversations/owners.js";
import { createImageCheckFinisher } from "#src/bot/features/check-screenshot.js";
import { createI18n } from "#src/bot/i18n.js";
import { createBot, telegramClient, type WaspadaBot } from "#src/bot/index.js";
import { createRateLimits } from "#src/bot/rate-limits.js";
import type { Config } from "#src/config.js";
import { createScreenshotReadings } from "#src/jobs/read-screenshots.js";
import { JobRunner } from "#src/jobs/runner.js";
import { createLogger, type Logger } from "#src/logger.js";
import { createMetrics, type Metrics } from "#src/metrics.js";
import { createScreenshotReader } from "#src/ocr/reader.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer } from "#src/privacy/sealed.js";
import { createRedis, type RedisClient } from "#src/redis.js";
import { createKeys } from "#src/redis-keys.js";
import { ReportStore } from "#src/reports/store.js";
import { createHealthCheck } from "#src/server/health.js";
import { createHttpServer } from "#src/server/http.js";
import { createWebhookHandler } from "#src/server/webhook.js";

export { FatalStartError } from "#src/app/startup.js";

export interface App {
  config: Config;
  bot: WaspadaBot;
  redis: RedisClient;
  logger: Logger;
  metrics: Metrics;
  reports: ReportStore;
  /** Port the HTTP server listens on (useful when HTTP_PORT=0). */
  httpPort(): number;
  start(): Promise<void>;
  /** Stops taking updates, finishes those in flight, closes HTTP and Redis. Safe to call twice. */
  stop(): Promise<void>;
  /** Settles when polling ends by itself (with the fatal error) or after stop() (with nothing). */
  finished: Promise<Error | undefined>;
}

export interface AppOptions {
  logger?: Logger;
  /** Backoff before each new attempt to reach Redis or Telegram at start-up. */
  startRetryDelayMs?: (attempt: number) => number;
  /** Tests only: await points where the test may kill this "process" (see chat-state.ts). */
  faults?: BotDeps["faults"];
}

export function createApp(config: Config, options: AppOptions = {}): App {
  const logger = options.logger ?? appLogger(config);
  const metrics = createMetrics();
  const redis = createRedis(config, { connectionName: "waspada-bot" });
  redis.on("error", (error: Error) => logger.debug({ err: error }, "redis connection error"));
  const keys = createKeys(config.REDIS_PREFIX);
  const sealer = createSealer(config.DATA_KEY);
  const pseudonymize = createPseudonymizer(config.DATA_KEY, config.PSEUDONYM_KEY);
  const reports = new ReportStore({ redis, keys, sealer, pseudonymize });
  const i18n = createI18n<BotContext>(config.DEFAULT_LOCALE);
  // One Bot API client for the bot and its jobs: every call through the same retrying fetch.
  const client = telegramClient({ config, metrics, logger, faults: options.faults });
  const api = new Api(config.BOT_TOKEN, client);
  const files = { api, apiRoot: config.TELEGRAM_API_ROOT, token: config.BOT_TOKEN };
  const jobs = new JobRunner(config, logger);
  const stores = { api, reports, redis, keys, i18n, sealer, pseudonymize, logger, metrics };
  const desk = createCaseDesk(jobs, { ...stores, config, files });
  // Unfinished reports and their screenshot readings outlive the conversation's timeout by a day.
  const stateTtlSeconds =
    Math.ceil((config.CONVERSATION_TIMEOUT_HOURS * 60 * 60 * 1000) / 1000) + 24 * 60 * 60;
  const screenshotReader = config.OCR_ENABLED
    ? createScreenshotReader(ocrOptions(config, logger))
    : undefined;
  const screenshots = createScreenshotReadings(
    jobs,
    {
      ...stores,
      reader: screenshotReader,
      files,
      maxBytes: ocrMaxBytes(config),
      readingTtlSeconds: stateTtlSeconds,
    },
    createImageCheckFinisher(stores),
  );
  const deps: BotDeps = {
    config,
    logger,
    redis,
    metrics,
    i18n,
    keys,
    pseudonymize,
    sealer,
    reports,
    limits: createRateLimits({ redis, keys, metrics, pseudonymize, reports, logger }),
    cases: desk.cases,
    analysis: desk.analysis,
    screenshots,
    faults: options.faults,
    conversationOwners: createConversationOwners({ ...stores, ttlSeconds: stateTtlSeconds }),
  };
  const bot = createBot(deps, { client });
  const inFlight = createInFlight();
  const server = createHttpServer({
    logger,
    metrics,
    health: createHealthCheck(redis, bot.api, {
      forwardingFailures: async () => (await desk.forwarding.failures()).length,
    }),
    metricsToken: config.METRICS_TOKEN,
    webhook:
      config.BOT_MODE === "webhook"
        ? {
            path: new URL(config.WEBHOOK_URL).pathname,
            handle: createWebhookHandler({
              secret: config.WEBHOOK_SECRET,
              handleUpdate: (update) => bot.handleUpdate(update),
              logger,
              track: inFlight.track,
            }),
          }
        : undefined,
  });
  const startDelay = options.startRetryDelayMs ?? defaultStartDelay;
  const life = createLifecycle({
    ...stores,
    config,
    bot,
    server,
    jobs,
    digest: desk.digest,
    inFlight,
    screenshotReader,
    startDelay,
  });
  return { config, bot, redis, logger, metrics, reports, ...life };
}

function appLogger(config: Config): Logger {
  return createLogger({
    level: config.LOG_LEVEL,
    pretty: config.NODE_ENV === "development",
    secrets: [config.BOT_TOKEN, ...(config.BOT_MODE === "webhook" ? [config.WEBHOOK_SECRET] : [])],
  });
}

const ocrMaxBytes = (config: Config) => config.OCR_MAX_MEGABYTES * 1024 * 1024;

function ocrOptions(config: Config, logger: Logger) {
  return {
    langs: config.OCR_LANGS,
    concurrency: config.OCR_CONCURRENCY,
    timeoutMs: config.OCR_TIMEOUT_SECONDS * 1000,
    maxBytes: ocrMaxBytes(config),
    maxPixels: config.OCR_MAX_MEGAPIXELS * 1_000_000,
    logger,
  };
}
