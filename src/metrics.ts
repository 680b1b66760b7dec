/** Prometheus metrics of one running bot, on a registry of its own (tests run several bots in one process). */
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  updates: Counter<"type">;
  updateErrors: Counter<"kind">;
  updateDuration: Histogram<"type">;
  telegramCalls: Counter<"method" | "result">;
  llmCalls: Counter<"task" | "result">;
  llmFailures: Counter<"task" | "reason">;
  llmLatency: Histogram<"task">;
  llmTokens: Counter<"task" | "kind">;
  ocrReadings: Counter<"result">;
  ocrDuration: Histogram<string>;
  rateLimited: Counter<"kind">;
  refusedActions: Counter<"reason">;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "waspada_" });
  return {
    registry,
    updates: new Counter({
      name: "waspada_updates_total",
      help: "Updates handled, by update type",
      labelNames: ["type"],
      registers: [registry],
    }),
    updateErrors: new Counter({
      name: "waspada_update_errors_total",
      help: "Updates whose handling failed, by kind of failure",
      labelNames: ["kind"],
      registers: [registry],
    }),
    updateDuration: new Histogram({
      name: "waspada_update_duration_seconds",
      help: "Time to handle one update",
      labelNames: ["type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    telegramCalls: new Counter({
      name: "waspada_telegram_api_calls_total",
      help: "Telegram Bot API calls, by method and result (ok, http status, network_error), retries included",
      labelNames: ["method", "result"],
      registers: [registry],
    }),
    llmCalls: new Counter({
      name: "waspada_llm_calls_total",
      help: "Language model calls, by task (extract, second_opinion) and result (ok, invalid, error, skipped)",
      labelNames: ["task", "result"],
      registers: [registry],
    }),
    llmFailures: new Counter({
      name: "waspada_llm_failures_total",
      help: "Failed language model calls, by task and reason (timeout, http status, network, invalid output)",
      labelNames: ["task", "reason"],
      registers: [registry],
    }),
    llmLatency: new Histogram({
      name: "waspada_llm_call_duration_seconds",
      help: "Time of one language model call (retries are separate calls)",
      labelNames: ["task"],
      buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers: [registry],
    }),
    llmTokens: new Counter({
      name: "waspada_llm_tokens_total",
      help: "Tokens used by the language model, by task and kind (prompt, completion)",
      labelNames: ["task", "kind"],
      registers: [registry],
    }),
    ocrReadings: new Counter({
      name: "waspada_ocr_readings_total",
      help: "Screenshots read on this machine, by result (text, no_text, not_an_image, too_large, timeout, failed)",
      labelNames: ["result"],
      registers: [registry],
    }),
    ocrDuration: new Histogram({
      name: "waspada_ocr_duration_seconds",
      help: "Time to read one screenshot, once a worker has it",
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "waspada_rate_limited_total",
      help: "Actions refused by a per-person rate limit, by kind (message, check, report, relay, model, urgent)",
      labelNames: ["kind"],
      registers: [registry],
    }),
    refusedActions: new Counter({
      name: "waspada_refused_actions_total",
      help: "Refused actions counted rather than audited one by one (forged buttons), by reason",
      labelNames: ["reason"],
      registers: [registry],
    }),
  };
}
