/**
 * One analysis of an offer by the language model: extraction, then a guarded second opinion.
 * A timeout per call (the SDK's) and metrics here; retries on 429/5xx (honouring retry-after), the
 * circuit breaker and the daily budgets in src/analysis/limits.ts. Nothing
 * here throws for a bad model: invalid output is recorded as `needs_review`, a dead server as
 * `failed` or `skipped` — the rules' result stands either way.
 *
 * Only offer texts (and, if allowed, screenshots) are sent: never the reporter, never ids.
 */
import { createHash } from "node:crypto";
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { z } from "zod";
import type { AnalysisConfig, ModelClient } from "#src/analysis/client.js";
import { type GuardedOpinion, guardSecondOpinion } from "#src/analysis/guards.js";
import {
  type BreakerOptions,
  type CallFailure,
  classify,
  createModelLimits,
  DEFAULT_BREAKER,
  DEFAULT_RETRY,
  type RetryOptions,
  retryWait,
} from "#src/analysis/limits.js";
import { indicatorList, loadPrompt, offerAsData, PROMPT_VERSIONS } from "#src/analysis/prompts.js";
import {
  type Analysis,
  type AnalysisStatus,
  type CallRecord,
  parseStoredAnalysis,
  type Usage,
} from "#src/analysis/result.js";
import {
  extractionSchema,
  jsonSchemaOf,
  type ModelExtraction,
  secondOpinionReplySchema,
  secondOpinionSchema,
} from "#src/analysis/schemas.js";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import { type Media, mediaSchema, type Report } from "#src/reports/report.js";
import { screeningEngine } from "#src/screening/screen.js";
import type { Level } from "#src/screening/types.js";

export type Task = "extract" | "second_opinion";

export interface AnalyserDeps {
  client: ModelClient;
  config: AnalysisConfig;
  /** Holds results, budgets and the circuit; only the eval's `secondOpinion` runs without it. */
  redis?: RedisClient;
  keys: Keys;
  metrics: Metrics;
  logger: Logger;
  /** Data URLs of a report's screenshots; used only when OPENAI_SEND_IMAGES is on. */
  images?: (media: readonly Media[]) => Promise<string[]>;
  breaker?: Partial<BreakerOptions>;
  retry?: Partial<RetryOptions>;
  now?: () => number;
}

export interface OfferInput {
  texts: string[];
  media: Media[];
}

const EXTRACTION_TTL_SECONDS = 2 * 60 * 60;

type CallOutcome<T> =
  | { kind: "ok"; data: T; usage: Usage; record: CallRecord }
  | { kind: "invalid" | "error"; reason: string; usage: Usage; record: CallRecord };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const digestOf = (parts: readonly string[]) =>
  createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32);
/** What the conversation leaves for the draft extraction job (which gets only the draft id). */
export const analysisDraftSchema = z.object({
  texts: z.array(z.string().max(10_000)).max(20),
  media: z.array(mediaSchema).max(10),
  /** The reporter's pseudonym, for the per-reporter budget. */
  ref: z.string().max(100),
});
export type AnalysisDraft = z.infer<typeof analysisDraftSchema>;

const ZERO: Usage = { promptTokens: 0, completionTokens: 0 };

/** A check's second opinion: the guarded opinion, or why there is none (the rules' reply stands). */
export type CheckOpinion =
  | { status: "done"; opinion: GuardedOpinion }
  | { status: "skipped" | "failed" | "needs_review"; reason: string };

export interface Analyser {
  /** Extraction for the report conversation: stored by offer digest, read back by `cachedExtraction`. */
  extractDraft(draftId: string): Promise<void>;
  cachedExtraction(offer: OfferInput): Promise<ModelExtraction | undefined>;
  /** The full analysis of a stored report; returns the stored result (an existing one is kept). */
  analyseReport(report: Report): Promise<Analysis>;
  /**
   * The guarded second opinion of a checked text, under the same circuit, budgets (`ref` is the
   * person's pseudonym), retries and metrics as a report's; nothing is stored.
   */
  checkOpinion(input: {
    texts: string[];
    rules: { level: Level; indicators: readonly string[] };
    ref: string;
  }): Promise<CheckOpinion>;
  /** The second opinion alone, for the eval: no Redis state beyond metrics. */
  secondOpinion(
    texts: string[],
    rules: { level: Level; indicators: readonly string[] },
  ): Promise<{ level: Level; outcome: string }>;
}

export function createAnalyser(deps: AnalyserDeps): Analyser {
  const { client, keys, metrics, logger, config } = deps;
  // Only `secondOpinion` (the eval) runs without Redis; every other path reads and writes state.
  const redis = deps.redis as RedisClient;
  const retry = { ...DEFAULT_RETRY, ...deps.retry };
  const now = deps.now ?? Date.now;
  const { circuitOpen, recordFailure, reserve, recordSuccess } = createModelLimits({
    redis,
    keys,
    config,
    logger,
    breaker: { ...DEFAULT_BREAKER, ...deps.breaker },
    now,
  });
  const riskIds = [...screeningEngine().compiled.indicators.keys()];
  const riskIdSet = new Set(riskIds);
  const opinionSchema = secondOpinionSchema(riskIds);
  const extractFormat = jsonSchemaOf(extractionSchema);
  const opinionFormat = jsonSchemaOf(opinionSchema);
  let opinionPrompt: string | undefined;

  async function call<T>(
    task: Task,
    messages: ChatCompletionMessageParam[],
    format: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<CallOutcome<T>> {
    const started = now();
    let attempts = 0;
    let failure: CallFailure | undefined;
    while (attempts < retry.attempts) {
      attempts++;
      const timer = metrics.llmLatency.startTimer({ task });
      try {
        const completion = await client.openai.chat.completions.create({
          model: client.model,
          messages,
          temperature: 0,
          response_format: {
            type: "json_schema",
            json_schema: {
              name: task === "extract" ? "offer_extraction" : "second_opinion",
              strict: true,
              schema: format,
            },
          },
        });
        timer();
        const usage = {
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
        };
        metrics.llmTokens.inc({ task, kind: "prompt" }, usage.promptTokens);
        metrics.llmTokens.inc({ task, kind: "completion" }, usage.completionTokens);
        if (deps.redis) await recordSuccess();
        const content = completion.choices[0]?.message?.content;
        const invalid = (reason: string): CallOutcome<T> => {
          metrics.llmCalls.inc({ task, result: "invalid" });
          metrics.llmFailures.inc({ task, reason: reason.split(":")[0]! });
          logger.warn({ task, reason }, "language model output invalid");
          return {
            kind: "invalid",
            reason,
            usage,
            record: { task, result: "invalid", ms: now() - started, attempts, reason },
          };
        };
        if (!content) return invalid("empty_output");
        let json: unknown;
        try {
          json = JSON.parse(content);
        } catch {
          return invalid("malformed_json");
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return invalid(
            `schema: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.slice(0, 200),
          );
        }
        metrics.llmCalls.inc({ task, result: "ok" });
        return {
          kind: "ok",
          data: parsed.data,
          usage,
          record: { task, result: "ok", ms: now() - started, attempts },
        };
      } catch (error) {
        timer();
        failure = classify(error);
        metrics.llmFailures.inc({ task, reason: failure.reason });
        const wait = retryWait(failure, attempts, retry);
        if (wait === undefined) break;
        logger.info(
          { task, reason: failure.reason, attempt: attempts, waitMs: wait },
          "language model call retried",
        );
        await sleep(wait);
      }
    }
    const reason = failure?.reason ?? "error";
    metrics.llmCalls.inc({ task, result: "error" });
    logger.warn({ task, reason, attempts }, "language model call failed");
    await recordFailure();
    return {
      kind: "error",
      reason,
      usage: ZERO,
      record: { task, result: "error", ms: now() - started, attempts, reason },
    };
  }

  function extractionDigest(offer: OfferInput): string {
    const withImages = config.OPENAI_SEND_IMAGES && offer.media.length > 0;
    return digestOf([
      PROMPT_VERSIONS.extract,
      client.model,
      withImages ? offer.media.map((m) => m.fileUniqueId).join(",") : "",
      ...offer.texts,
    ]);
  }

  async function extract(
    offer: OfferInput,
  ): Promise<{ outcome: CallOutcome<ModelExtraction>; imagesSent: number }> {
    const images =
      config.OPENAI_SEND_IMAGES && deps.images && offer.media.length > 0
        ? await deps.images(offer.media)
        : [];
    const content: ChatCompletionContentPart[] = [
      { type: "text", text: offerAsData(offer.texts.length > 0 ? offer.texts : ["(pictures only)"]) },
      ...images.map((url): ChatCompletionContentPart => ({ type: "image_url", image_url: { url } })),
    ];
    const outcome = await call(
      "extract",
      [
        { role: "system", content: loadPrompt("extract").text },
        { role: "user", content },
      ],
      extractFormat,
      extractionSchema,
    );
    if (outcome.kind === "ok") {
      await redis.set(
        keys.extractionCache(extractionDigest(offer)),
        JSON.stringify(outcome.data),
        "EX",
        EXTRACTION_TTL_SECONDS,
      );
    }
    return { outcome, imagesSent: images.length };
  }

  async function cachedExtraction(offer: OfferInput): Promise<ModelExtraction | undefined> {
    const raw = await redis.get(keys.extractionCache(extractionDigest(offer)));
    if (!raw) return undefined;
    try {
      const parsed = extractionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async function opinion(texts: string[]) {
    opinionPrompt ??= loadPrompt("second-opinion").text.replace("{{INDICATORS}}", indicatorList(riskIds));
    return call(
      "second_opinion",
      [
        { role: "system", content: opinionPrompt },
        { role: "user", content: offerAsData(texts) },
      ],
      opinionFormat,
      secondOpinionReplySchema,
    );
  }

  /** The guards over a valid reply, with discarded quotes counted as failures of the model. */
  function guarded(
    reply: Parameters<typeof guardSecondOpinion>[0]["reply"],
    rules: { level: Level; indicators: readonly string[] },
    texts: readonly string[],
  ): GuardedOpinion {
    const opinion = guardSecondOpinion({ reply, rules, texts, riskIds: riskIdSet });
    if (opinion.discarded.length > 0)
      metrics.llmFailures.inc(
        { task: "second_opinion", reason: "quote_discarded" },
        opinion.discarded.length,
      );
    return opinion;
  }

  function skippedCall(task: Task, reason: string): void {
    metrics.llmCalls.inc({ task, result: `skipped_${reason}` });
  }

  return {
    cachedExtraction,

    async extractDraft(draftId) {
      const raw = await redis.get(keys.analysisDraft(draftId));
      if (!raw) return;
      const parsed = analysisDraftSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) return;
      const draft = parsed.data;
      const offer = { texts: draft.texts, media: draft.media };
      if (offer.texts.length === 0 && !(config.OPENAI_SEND_IMAGES && offer.media.length > 0)) return;
      // Listed under the person, so /delete erases what the model read from her offer and screenshots.
      const owned = keys.extractionsOf(draft.ref);
      await runBatch(redis, [
        ["sadd", owned, extractionDigest(offer)],
        ["expire", owned, EXTRACTION_TTL_SECONDS],
      ]);
      if (await cachedExtraction(offer)) return;
      if (await circuitOpen()) return skippedCall("extract", "circuit_open");
      if (!(await reserve(draft.ref, 1))) return skippedCall("extract", "budget");
      await extract(offer);
    },

    async analyseReport(report) {
      const key = keys.reportAnalysis(report.id);
      const existing = parseStoredAnalysis(await redis.get(key));
      if (existing) return existing;
      const started = now();
      // The text read from screenshots on this machine counts as offer text (quotes may come from it).
      const offerTexts = report.offer.texts.map((t) => t.text);
      if (report.offer.readText) offerTexts.push(report.offer.readText);
      const offer: OfferInput = { texts: offerTexts, media: report.offer.media };
      const base = {
        schemaVersion: 1 as const,
        model: client.model,
        prompts: { extract: PROMPT_VERSIONS.extract, secondOpinion: PROMPT_VERSIONS["second-opinion"] },
      };
      const finish = async (
        status: AnalysisStatus,
        rest: Partial<Pick<Analysis, "reason" | "extraction" | "opinion" | "calls" | "usage" | "imagesSent">>,
      ): Promise<Analysis> => {
        const analysis: Analysis = {
          ...base,
          status,
          at: new Date(now()).toISOString(),
          durationMs: now() - started,
          usage: rest.usage ?? ZERO,
          calls: rest.calls ?? [],
          extraction: rest.extraction ?? null,
          opinion: rest.opinion ?? null,
          imagesSent: rest.imagesSent ?? 0,
          ...(rest.reason ? { reason: rest.reason } : {}),
        };
        // First writer wins: a re-run job (at-least-once) never replaces a stored result.
        await redis.set(key, JSON.stringify(analysis), "NX");
        logger.info({ reportId: report.id, status, reason: rest.reason }, "offer analysed");
        return parseStoredAnalysis(await redis.get(key)) ?? analysis;
      };

      const withImages = config.OPENAI_SEND_IMAGES && offer.media.length > 0;
      if (offer.texts.join("").trim() === "" && !withImages) return finish("skipped", { reason: "no_text" });
      if (await circuitOpen()) {
        skippedCall("extract", "circuit_open");
        return finish("skipped", { reason: "circuit_open" });
      }
      const cached = await cachedExtraction(offer);
      if (!(await reserve(report.reporterRef ?? "erased", cached ? 1 : 2))) {
        skippedCall("extract", "budget");
        return finish("skipped", { reason: "budget" });
      }
      const calls: CallRecord[] = [];
      const usage: Usage = { ...ZERO };
      const add = (u: Usage) => {
        usage.promptTokens += u.promptTokens;
        usage.completionTokens += u.completionTokens;
      };
      let extraction: ModelExtraction | null = cached ?? null;
      let imagesSent = 0;
      const problems: string[] = [];
      if (cached) calls.push({ task: "extract", result: "cached", ms: 0, attempts: 0 });
      else {
        const result = await extract(offer);
        imagesSent = result.imagesSent;
        calls.push(result.outcome.record);
        add(result.outcome.usage);
        if (result.outcome.kind === "ok") extraction = result.outcome.data;
        else if (result.outcome.kind === "error")
          return finish("failed", { reason: `extract: ${result.outcome.reason}`, calls, usage, imagesSent });
        else problems.push(`extract: ${result.outcome.reason}`);
      }
      if (await circuitOpen()) {
        return finish(problems.length ? "needs_review" : "skipped", {
          reason: problems[0] ?? "circuit_open",
          calls,
          usage,
          extraction,
          imagesSent,
        });
      }
      // Text read from screenshots counts as offer text: quotes from it are allowed.
      const texts = extraction?.image_text ? [...offer.texts, extraction.image_text] : offer.texts;
      const result = await opinion(texts);
      calls.push(result.record);
      add(result.usage);
      let checked: Analysis["opinion"] = null;
      if (result.kind === "ok") {
        checked = guarded(
          result.data,
          { level: report.screening.level, indicators: report.screening.indicators },
          texts,
        );
      } else problems.push(`second_opinion: ${result.reason}`);
      if (result.kind === "error" && !extraction)
        return finish("failed", { reason: problems[0], calls, usage, imagesSent });
      return finish(problems.length > 0 ? "needs_review" : "done", {
        ...(problems.length > 0 ? { reason: problems.join("; ").slice(0, 300) } : {}),
        calls,
        usage,
        extraction,
        opinion: checked,
        imagesSent,
      });
    },

    async checkOpinion({ texts, rules, ref }) {
      if (texts.join("").trim() === "") return { status: "skipped", reason: "no_text" };
      if (await circuitOpen()) {
        skippedCall("second_opinion", "circuit_open");
        return { status: "skipped", reason: "circuit_open" };
      }
      if (!(await reserve(ref, 1))) {
        skippedCall("second_opinion", "budget");
        return { status: "skipped", reason: "budget" };
      }
      const result = await opinion(texts);
      if (result.kind !== "ok")
        return { status: result.kind === "error" ? "failed" : "needs_review", reason: result.reason };
      return { status: "done", opinion: guarded(result.data, rules, texts) };
    },

    async secondOpinion(texts, rules) {
      const result = await opinion(texts);
      if (result.kind !== "ok") return { level: rules.level, outcome: result.reason };
      const checked = guardSecondOpinion({ reply: result.data, rules, texts, riskIds: riskIdSet });
      return { level: checked.level, outcome: checked.injection ? "injection" : "ok" };
    },
  };
}
