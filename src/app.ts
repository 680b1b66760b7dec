/**
 * The running service, composed from its parts: Redis, the bot, the HTTP server, and the update
 * source (long polling or webhook). `main.ts` adds only process concerns (environment, signals,
 * exit codes), so tests start exactly this in-process.
 *
 * Polling uses grammY's built-in loop on purpose: it confirms an update only after the batch is
 * handled, so a crash re-delivers instead of losing a report (duplicates are dropped by the
 * dedupe middleware). @grammyjs/runner would confirm early and can lose updates on a hard kill;
 * its concurrency is not needed here because slow work runs in jobs. To scale out, use webhook
 * mode with several processes behind one Redis.
 */
import type { Server } from "node:http";
import { GrammyError, HttpError } from "grammy";
import { createAnalyser } from "#src/analysis/analyse.js";
import { createModelClient } from "#src/analysis/client.js";
import { downloadImages } from "#src/analysis/images.js";
import { registerCommands } from "#src/bot/commands.js";
import type { BotContext, BotDeps } from "#src/bot/context.js";
import { createConversationOwners } from "#src/bot/conversations/owners.js";
import { createImageCheckFinisher } from "#src/bot/features/check-screenshot.js";
import { createI18n } from "#src/bot/i18n.js";
import { ALLOWED_UPDATES, createBot, type WaspadaBot } from "#src/bot/index.js";
import { createFocalAdminCheck } from "#src/bot/middlewares/focal-admin.js";
import { createOfficerCheck } from "#src/bot/middlewares/officer.js";
import { createRateLimits } from "#src/bot/rate-limits.js";
import type { Config, Locale } from "#src/config.js";
import { createOfferAnalysis } from "#src/jobs/analyse-offer.js";
import { createCaseCards } from "#src/jobs/case-card.js";
import { createCaseEvents } from "#src/jobs/case-events.js";
import { createCaseTopicPoster } from "#src/jobs/case-topic.js";
import { sweepExpiredConversations } from "#src/jobs/conversation-expiry.js";
import { createDeadlines } from "#src/jobs/deadlines.js";
import { createFocalAnswers } from "#src/jobs/focal-answers.js";
import { createFocalDigest } from "#src/jobs/focal-digest.js";
import { createForwarding } from "#src/jobs/forward-to-focal-point.js";
import { createNotifications } from "#src/jobs/notify-reporter.js";
import { createScreenshotReadings } from "#src/jobs/read-screenshots.js";
import { deleteExpiredReports } from "#src/jobs/retention.js";
import { JobRunner } from "#src/jobs/runner.js";
import { type Repeating, repeatEvery } from "#src/jobs/schedule.js";
import { createLogger, type Logger } from "#src/logger.js";
import { createMetrics, type Metrics } from "#src/metrics.js";
import { createScreenshotReader } from "#src/ocr/reader.js";
import { checkKeys, WrongKeyError } from "#src/privacy/key-check.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer } from "#src/privacy/sealed.js";
import { createRedis, describeRedis, type RedisClient } from "#src/redis.js";
import { createKeys } from "#src/redis-keys.js";
import { countryName } from "#src/render/country-name.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import { reportSignature } from "#src/reports/offer-index.js";
import { linkedReports } from "#src/reports/officer-search.js";
import { ReportStore } from "#src/reports/store.js";
import { createHealthCheck } from "#src/server/health.js";
import { closeServer, createHttpServer, listen } from "#src/server/http.js";
import { createWebhookHandler } from "#src/server/webhook.js";

export class FatalStartError extends Error {}

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

const defaultStartDelay = (attempt: number) => Math.min(1_000 * 2 ** attempt, 30_000);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function createApp(config: Config, options: AppOptions = {}): App {
  const logger =
    options.logger ??
    createLogger({
      level: config.LOG_LEVEL,
      pretty: config.NODE_ENV === "development",
      secrets: [config.BOT_TOKEN, ...(config.BOT_MODE === "webhook" ? [config.WEBHOOK_SECRET] : [])],
    });
  const startDelay = options.startRetryDelayMs ?? defaultStartDelay;
  const metrics = createMetrics();
  const redis = createRedis(config, { connectionName: "waspada-bot" });
  redis.on("error", (error: Error) => logger.debug({ err: error }, "redis connection error"));
  const keys = createKeys(config.REDIS_PREFIX);
  const sealer = createSealer(config.DATA_KEY);
  const pseudonymize = createPseudonymizer(config.DATA_KEY, config.PSEUDONYM_KEY);
  const conversationTimeoutMs = config.CONVERSATION_TIMEOUT_HOURS * 60 * 60 * 1000;
  const reports = new ReportStore({ redis, keys, sealer, pseudonymize });
  const deps: BotDeps = {
    config,
    logger,
    redis,
    metrics,
    i18n: createI18n<BotContext>(config.DEFAULT_LOCALE),
    keys,
    pseudonymize,
    sealer,
    reports,
    limits: createRateLimits({ redis, keys, metrics, pseudonymize, reports, logger }),
    cases: undefined as unknown as BotDeps["cases"], // set below, once the bot's Api exists
    analysis: undefined as unknown as BotDeps["analysis"], // set below, with the job runner
    screenshots: undefined as unknown as BotDeps["screenshots"], // set below, with the job runner
    faults: options.faults,
    conversationOwners: createConversationOwners({
      redis,
      keys,
      sealer,
      pseudonymize,
      ttlSeconds: Math.ceil(conversationTimeoutMs / 1000) + 24 * 60 * 60,
    }),
  };
  const bot = createBot(deps);
  const files = { api: bot.api, apiRoot: config.TELEGRAM_API_ROOT, token: config.BOT_TOKEN };
  const jobs = new JobRunner(config, logger);
  const moderatorLocale = config.MODERATOR_LOCALE ?? config.DEFAULT_LOCALE;
  const moderatorT = (key: string, args?: Record<string, string | number>) =>
    deps.i18n.t(moderatorLocale, key, args);
  const focalResponses = new FocalResponses(redis, keys);
  const forwarding = createForwarding(jobs, {
    api: bot.api,
    files,
    reports: deps.reports,
    redis,
    keys,
    config,
    i18n: deps.i18n,
    logger,
    onChange: (reportId) => cards.publish(reportId),
    onPosted: (reportId, chatId) => deadlines.start("focal_ack", { id: reportId }, String(chatId)),
  });
  const cards = createCaseCards(jobs, {
    api: bot.api,
    files,
    reports: deps.reports,
    redis,
    keys,
    moderatorChatId: config.MODERATOR_CHAT_ID,
    locale: moderatorLocale,
    translate: (key, args) => deps.i18n.t(moderatorLocale, key, args),
    context: async (report) => ({
      linked: await linkedReports(deps.reports, report),
      offerMatches: (
        await deps.reports.offers.matches(reportSignature(report), { excludeReportId: report.id })
      ).map((m) => m.reportId),
      posts: await forwarding.postsOf(report.id),
      failures: (await forwarding.failures()).filter((f) => f.reportId === report.id),
      notes: await redis.llen(keys.reportNotes(report.id)),
      model: await deps.analysis.analysisOf(report.id),
      focal: {
        responses: await focalResponses.list(report.id),
        waitingReview: forwarding.awaitingReview(report),
        deadlines: await deadlines.pending(report),
        now: Date.now(),
      },
    }),
    logger,
  });
  const postToCase = createCaseTopicPoster(bot.api, cards);
  const deadlines = createDeadlines(jobs, {
    reports: deps.reports,
    responses: focalResponses,
    redis,
    keys,
    durations: {
      urgent_take: config.SLA_URGENT_TAKE_MINUTES * 60_000,
      focal_ack: config.SLA_FOCAL_ACK_HOURS * 3_600_000,
      need_info: config.SLA_NEED_INFO_HOURS * 3_600_000,
    },
    postToCase,
    translate: moderatorT,
    logger,
    onChange: (reportId) => cards.publish(reportId),
  });
  const focalAnswers = createFocalAnswers(jobs, {
    api: bot.api,
    reports: deps.reports,
    responses: focalResponses,
    redis,
    keys,
    i18n: deps.i18n,
    moderatorTranslate: moderatorT,
    countryLabel: (code) => (code === "default" ? "—" : countryName(moderatorLocale, code)),
    postToCase,
    logger,
    onChange: (reportId) => cards.publish(reportId),
  });
  const digest = createFocalDigest(jobs, {
    api: bot.api,
    reports: deps.reports,
    responses: focalResponses,
    redis,
    keys,
    channels: config.FOCAL_CHANNELS ?? {},
    localeOf: forwarding.localeOf,
    i18n: deps.i18n,
    logger,
  });
  const notifications = createNotifications(jobs, {
    api: bot.api,
    reports: deps.reports,
    redis,
    keys,
    i18n: deps.i18n,
    pseudonymize,
    logger,
  });
  const modelClient = createModelClient(config);
  deps.analysis = createOfferAnalysis(jobs, {
    analyser:
      modelClient &&
      createAnalyser({
        client: modelClient,
        config,
        redis,
        keys,
        metrics,
        logger,
        images: (media) => downloadImages(files, media),
      }),
    reports: deps.reports,
    redis,
    keys,
    logger,
    onResult: (reportId) => cards.publish(reportId),
    checks: { api: bot.api, sealer, translate: (locale, key, args) => deps.i18n.t(locale, key, args) },
  });
  const screenshotReader = config.OCR_ENABLED
    ? createScreenshotReader({
        langs: config.OCR_LANGS,
        concurrency: config.OCR_CONCURRENCY,
        timeoutMs: config.OCR_TIMEOUT_SECONDS * 1000,
        maxBytes: config.OCR_MAX_MEGABYTES * 1024 * 1024,
        maxPixels: config.OCR_MAX_MEGAPIXELS * 1_000_000,
        logger,
      })
    : undefined;
  deps.screenshots = createScreenshotReadings(
    jobs,
    {
      reader: screenshotReader,
      files,
      maxBytes: config.OCR_MAX_MEGABYTES * 1024 * 1024,
      redis,
      keys,
      sealer,
      logger,
      metrics,
      readingTtlSeconds: Math.ceil(conversationTimeoutMs / 1000) + 24 * 60 * 60,
    },
    createImageCheckFinisher({ api: bot.api, i18n: deps.i18n, reports: deps.reports, redis, keys, logger }),
  );
  deps.cases = Object.assign(createCaseEvents(cards, forwarding, notifications, deps.analysis, deadlines), {
    focal: {
      admins: createFocalAdminCheck({
        api: bot.api,
        redis,
        keys,
        channels: config.FOCAL_CHANNELS ?? {},
        groups: config.FOCAL_ADMIN_GROUPS ?? {},
        cacheSeconds: config.OFFICER_CACHE_SECONDS,
      }),
      answers: focalAnswers,
      posts: forwarding,
      deadlines,
    },
    officers: createOfficerCheck({
      api: bot.api,
      redis,
      keys,
      moderatorChatId: config.MODERATOR_CHAT_ID,
      policy: config.OFFICERS,
      cacheSeconds: config.OFFICER_CACHE_SECONDS,
    }),
  });
  let housekeeping: Repeating[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };
  const webhookPath = config.BOT_MODE === "webhook" ? new URL(config.WEBHOOK_URL).pathname : undefined;
  const server: Server = createHttpServer({
    logger,
    metrics,
    health: createHealthCheck(redis, bot.api, {
      forwardingFailures: async () => (await forwarding.failures()).length,
    }),
    metricsToken: config.METRICS_TOKEN,
    webhook:
      config.BOT_MODE === "webhook" && webhookPath
        ? {
            path: webhookPath,
            handle: createWebhookHandler({
              secret: config.WEBHOOK_SECRET,
              handleUpdate: (update) => bot.handleUpdate(update),
              logger,
              track,
            }),
          }
        : undefined,
  });

  const stopping = new AbortController();
  let port = 0;
  let polling: Promise<void> | undefined;
  let resolveFinished!: (error?: Error) => void;
  const finished = new Promise<Error | undefined>((resolve) => {
    resolveFinished = resolve;
  });

  async function waitForRedis(): Promise<void> {
    redis.connect().catch(() => {}); // the retry strategy keeps trying; we watch for "ready"
    // A healthy Redis answers within a moment: only complain if it does not.
    if (redis.status !== "ready") {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        redis.once("ready", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      if (redis.status === "ready") {
        try {
          await redis.ping();
          if (attempt > 0) logger.info({ redis: describeRedis(config) }, "Redis is reachable");
          return;
        } catch {
          // fall through to wait
        }
      }
      const delay = startDelay(attempt);
      logger.warn(
        { redis: describeRedis(config), attempt: attempt + 1, retryInMs: delay },
        `Redis is not reachable at ${describeRedis(config)}; retrying in ${Math.round(delay / 1000)} s`,
      );
      await sleep(delay, stopping.signal);
    }
  }

  async function initBot(): Promise<void> {
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      try {
        // grammY retries getMe on network errors until this signal says stop.
        await bot.init(stopping.signal as Parameters<typeof bot.init>[0]);
        return;
      } catch (error) {
        if (stopping.signal.aborted) return;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
          throw new FatalStartError(
            "Telegram rejected BOT_TOKEN (401 Unauthorized): check the token from BotFather.",
          );
        }
        const delay = startDelay(attempt);
        logger.warn(
          { err: error instanceof HttpError ? error.message : error, attempt: attempt + 1, retryInMs: delay },
          "Telegram is not reachable; retrying",
        );
        await sleep(delay, stopping.signal);
      }
    }
  }

  async function start(): Promise<void> {
    await waitForRedis();
    if (stopping.signal.aborted) return;
    if (!config.PSEUDONYM_KEY) {
      logger.warn(
        "PSEUDONYM_KEY is not set: pseudonyms are derived from the oldest DATA_KEY, which must then stay listed. " +
          "Set PSEUDONYM_KEY (to that oldest key's value to keep existing pseudonyms).",
      );
    }
    try {
      await checkKeys({ redis, keys, pseudonymize, sealer, dataKeys: config.DATA_KEY });
    } catch (error) {
      if (error instanceof WrongKeyError) throw new FatalStartError(error.message);
      throw error;
    }
    await initBot();
    if (stopping.signal.aborted) return;
    try {
      await registerCommands(bot.api, deps.i18n, config.DEFAULT_LOCALE);
    } catch (error) {
      logger.warn({ err: error }, "could not register the command menu; continuing");
    }
    port = await listen(server, config.HTTP_PORT, config.HTTP_HOST);
    jobs.start();
    await digest
      .schedule()
      .catch((error: unknown) =>
        logger.warn({ err: error }, "could not schedule the weekly focal-point digest"),
      );
    const expiry = {
      redis,
      keys,
      sealer,
      api: bot.api,
      translate: (locale: Locale, key: string) => deps.i18n.t(locale, key),
      defaultLocale: config.DEFAULT_LOCALE,
      logger,
    };
    const retention = { redis, keys, reports: deps.reports, retentionDays: config.REPORT_RETENTION_DAYS };
    housekeeping = [
      repeatEvery(
        "conversation-expiry",
        config.CONVERSATION_SWEEP_SECONDS * 1000,
        () => sweepExpiredConversations(expiry),
        logger,
      ),
      repeatEvery("retention", 60 * 60 * 1000, () => deleteExpiredReports(retention), logger),
    ];
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
        await Promise.allSettled([...inFlight]);
        await Promise.all(housekeeping.map((task) => task.stop()));
        await jobs.stop(redis.status === "ready" ? 10_000 : 500);
        await screenshotReader?.close();
      })();
      await Promise.race([drain, deadline]);
      await jobs.stop(0); // past the deadline: cut what is still waiting (idempotent otherwise)
      await screenshotReader?.close();
      // QUIT waits for an answer; a Redis that is away cannot give one.
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
      resolveFinished();
      logger.info("stopped");
    })();
    return stopped;
  }

  return {
    config,
    bot,
    redis,
    logger,
    metrics,
    reports: deps.reports,
    httpPort: () => port,
    start,
    stop,
    finished,
  };
}
