/**
 * What the analysis tests share: a real Redis, the fake OpenAI server driven through the real
 * SDK, a report store, metrics, and logs kept in memory.
 */
import { Writable } from "node:stream";
import type { Redis } from "ioredis";
import { type AnalyserDeps, createAnalyser } from "#src/analysis/analyse.js";
import { type AnalysisConfig, createModelClient } from "#src/analysis/client.js";
import { createLogger } from "#src/logger.js";
import { createMetrics, type Metrics } from "#src/metrics.js";
import type { ReportDraft } from "#src/reports/report.js";
import { FakeOpenAI } from "../../harness/openai/index.js";
import { TestRedis } from "../../harness/redis.js";
import { botRedis, createStore, sampleDraft } from "../reports/fixtures.js";

export const REPORTER = { chatId: 5550001234, phone: "+6281377778888", userId: 5550001234 };

export interface AnalysisWorld {
  server: TestRedis;
  redis: Redis;
  ai: FakeOpenAI;
  store: ReturnType<typeof createStore>["store"];
  keys: ReturnType<typeof createStore>["keys"];
  pseudonymize: ReturnType<typeof createStore>["pseudonymize"];
  logs: string[];
  metrics: Metrics;
  config(overrides?: Partial<AnalysisConfig>): AnalysisConfig;
  analyser(
    options?: { config?: Partial<AnalysisConfig> } & Partial<Omit<AnalyserDeps, "config">>,
  ): ReturnType<typeof createAnalyser>;
  report(
    overrides?: Partial<ReportDraft>,
    reporterUserId?: number,
  ): ReturnType<ReturnType<typeof createStore>["store"]["createOnce"]>;
  close(): Promise<void>;
}

let onceCounter = 0;

export async function startAnalysisWorld(): Promise<AnalysisWorld> {
  const server = await TestRedis.start();
  const redis = await botRedis(server);
  const ai = await FakeOpenAI.start();
  const { store, keys, pseudonymize } = createStore(redis);
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    pretty: false,
    secrets: ["sk-test-key"],
    destination: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const world: AnalysisWorld = {
    server,
    redis,
    ai,
    store,
    keys,
    pseudonymize,
    logs,
    metrics: createMetrics({ defaultMetrics: false }),
    config: (overrides = {}) => ({
      OPENAI_API_KEY: "sk-test-key",
      OPENAI_BASE_URL: ai.baseURL,
      OPENAI_MODEL: "fake-small-1",
      OPENAI_SEND_IMAGES: false,
      OPENAI_TIMEOUT_SECONDS: 5,
      OPENAI_DAILY_BUDGET: 2000,
      OPENAI_USER_DAILY_BUDGET: 20,
      ...overrides,
    }),
    analyser({ config: overrides, ...options } = {}) {
      const config = world.config(overrides);
      const client = createModelClient(config);
      if (!client) throw new Error("no client");
      return createAnalyser({
        client,
        config,
        redis,
        keys,
        metrics: world.metrics,
        logger,
        retry: { baseMs: 20 },
        ...options,
      });
    },
    report(overrides = {}, reporterUserId = REPORTER.userId) {
      onceCounter++;
      return store.createOnce(`chat-${onceCounter}:${onceCounter}`, sampleDraft(overrides), {
        ref: pseudonymize("user", reporterUserId),
        chatId: REPORTER.chatId,
        locale: "id",
        contactPhone: REPORTER.phone,
        contactConsent: true,
      });
    },
    async close() {
      await ai.stop();
      redis.disconnect();
      await server.stop();
    },
  };
  return world;
}
