/**
 * The app's start and stop. Start: Redis, the keys, Telegram, the command menu, HTTP, jobs and
 * housekeeping, then the update source (webhook or polling). Stop drains in order — no new updates,
 * those in flight finished, HTTP closed, housekeeping and jobs stopped, OCR closed — within
 * SHUTDOWN_TIMEOUT_SECONDS, and closes Redis last.
 *
 * Polling uses grammY's built-in loop on purpose: it confirms an update only after the batch is
 * handled, so a crash re-delivers instead of losing a report (duplicates are dropped by the
 * dedupe middleware). @grammyjs/runner would confirm early and can lose updates on a hard kill;
 * its concurrency is not needed here because slow work runs in jobs. To scale out, use webhook
 * mode with several processes behind one Redis.
 */
import type { Server } from "node:http";
import type { I18n } from "@grammyjs/i18n";
import { checkStoreKeys, initBot, waitForRedis } from "#src/app/startup.js";
import { registerCommands } from "#src/bot/commands.js";
import type { BotContext } from "#src/bot/context.js";
import { ALLOWED_UPDATES, type WaspadaBot } from "#src/bot/index.js";
import type { Config, Locale } from "#src/config.js";
import { sweepExpiredConversations } from "#src/jobs/conversation-expiry.js";
import type { FocalDigest } from "#src/jobs/focal-digest.js";
import { deleteExpiredReports } from "#src/jobs/retention.js";
import type { JobRunner } from "#src/jobs/runner.js";
import { type Repeating, repeatEvery } from "#src/jobs/schedule.js";
import type { Logger } from "#src/logger.js";
import type { ScreenshotReader } from "#src/ocr/reader.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { ReportStore } from "#src/reports/store.js";
import { closeServer, listen } from "#src/server/http.js";

/** Webhook requests being handled, so a stop can wait for them. */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  settled(): Promise<unknown>;
}

export function createInFlight(): InFlight {
  const inFlight = new Set<Promise<unknown>>();
  return {
    track(work) {
      inFlight.add(work);
      work.finally(() => inFlight.delete(work)).catch(() => {});
      return work;
    },
    settled: () => Promise.allSettled([...inFlight]),
  };
}

export interface LifecycleParts {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  pseudonymize: Pseudonymize;
  reports: ReportStore;
  i18n: I18n<BotContext>;
  bot: WaspadaBot;
  server: Server;
  jobs: JobRunner;
  digest: FocalDigest;
  inFlight: InFlight;
  screenshotReader: ScreenshotReader | undefined;
  startDelay: (attempt: number) => number;
}

export interface Lifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
  httpPort(): number;
  finished: Promise<Error | undefined>;
}

export function createLifecycle(parts: LifecycleParts): Lifecycle {
  const { config, logger, redis, bot, server, jobs } = parts;
  const stopping = new AbortController();
  const retrying = { logger, signal: stopping.signal, delay: parts.startDelay };
  let housekeeping: Repeating[] = [];
  let port = 0;
  let polling: Promise<void> | undefined;
  let resolveFinished!: (error?: Error) => void;
  const finished = new Promise<Error | undefined>((resolve) => {
    resolveFinished = resolve;
  });

  async function start(): Promise<void> {
    await waitForRedis(redis, config, retrying);
    if (stopping.signal.aborted) return;
    await checkStoreKeys(parts);
    await initBot(bot, retrying);
    if (stopping.signal.aborted) return;
    try {
      await registerCommands(
        bot.api,
        parts.i18n,
        config.DEFAULT_LOCALE,
        config.MODERATOR_CHAT_ID === undefined
          ? undefined
          : { chatId: config.MODERATOR_CHAT_ID, locale: config.MODERATOR_LOCALE ?? config.DEFAULT_LOCALE },
      );
    } catch (error) {
      logger.warn({ err: error }, "could not register the command menu; continuing");
    }
    port = await listen(server, config.HTTP_PORT, config.HTTP_HOST);
    jobs.start();
    await parts.digest
      .schedule()
      .catch((error: unknown) =>
        logger.warn({ err: error }, "could not schedule the weekly focal-point digest"),
      );
    housekeeping = startHousekeeping(parts);
    if (config.BOT_MODE === "webhook") {
      await bot.api.setWebhook(config.WEBHOOK_URL, {
        secret_token: config.WEBHOOK_SECRET,
        allowed_updates: [...ALLOWED_UPDATES],
        max_connections: config.WEBHOOK_MAX_CONNECTIONS,
        drop_pending_updates: false,
      });
      logger.info({ mode: "webhook", port, bot: bot.botInfo.username }, "Waspada is running");
      return;
    }
    polling = bot
      .start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false })
      .catch((error: unknown) => {
        logger.fatal({ err: error }, "polling stopped with an error");
        throw error;
      });
    polling.then(
      () => resolveFinished(),
      (error: unknown) => resolveFinished(error instanceof Error ? error : new Error(String(error))),
    );
    logger.info({ mode: "polling", port, bot: bot.botInfo.username }, "Waspada is running");
  }

  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping.abort();
      logger.info("shutting down: no new updates, finishing those in flight");
      const deadline = new Promise<void>((resolve) =>
        setTimeout(resolve, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref(),
      );
      const drain = (async () => {
        if (polling && bot.isRunning())
          await bot.stop().catch((e: unknown) => logger.warn({ err: e }, "stop polling"));
        await polling?.catch(() => {});
        if (server.listening) await closeServer(server);
        await parts.inFlight.settled();
        await Promise.all(housekeeping.map((task) => task.stop()));
        await jobs.stop(redis.status === "ready" ? 10_000 : 500);
        await parts.screenshotReader?.close();
      })();
      await Promise.race([drain, deadline]);
      await jobs.stop(0); // past the deadline: cut what is still waiting (idempotent otherwise)
      await parts.screenshotReader?.close();
      // QUIT waits for an answer; a Redis that is away cannot give one.
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
      resolveFinished();
      logger.info("stopped");
    })();
    return stopped;
  }

  return { start, stop, httpPort: () => port, finished };
}

/** Conversation expiry and retention, on a timer in every process. */
function startHousekeeping(parts: LifecycleParts): Repeating[] {
  const { config, logger, redis, keys, i18n } = parts;
  const expiry = {
    redis,
    keys,
    sealer: parts.sealer,
    api: parts.bot.api,
    translate: (locale: Locale, key: string) => i18n.t(locale, key),
    defaultLocale: config.DEFAULT_LOCALE,
    logger,
  };
  const retention = { redis, keys, reports: parts.reports, retentionDays: config.REPORT_RETENTION_DAYS };
  return [
    repeatEvery(
      "conversation-expiry",
      config.CONVERSATION_SWEEP_SECONDS * 1000,
      () => sweepExpiredConversations(expiry),
      logger,
    ),
    repeatEvery("retention", 60 * 60 * 1000, () => deleteExpiredReports(retention), logger),
  ];
}
