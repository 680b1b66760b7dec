/**
 * The language model's part as jobs: one analysis per new report (extraction + second opinion,
 * then the card is re-published with the model notes), and one extraction per offer being
 * reported, so the conversation can pre-fill what arrives in time. Job data holds ids only; the
 * offer of a draft waits in Redis under its id for an hour. Checks get a second opinion too
 * (src/jobs/check-opinion.ts). Without a model nothing is queued.
 */
import { randomBytes } from "node:crypto";
import type { Analyser, AnalysisDraft, OfferInput } from "#src/analysis/analyse.js";
import type { Analysis } from "#src/analysis/result.js";
import type { ModelExtraction } from "#src/analysis/schemas.js";
import { type CheckOpinionDeps, type CheckReply, createCheckOpinions } from "#src/jobs/check-opinion.js";
import type { JobRunner } from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { RedisClient } from "#src/redis.js";
import { runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import { modelAnalysisOf } from "#src/reports/case-records.js";
import type { Report } from "#src/reports/report.js";
import type { ReportStore } from "#src/reports/store.js";

export const ANALYSIS_QUEUE = "offer-analysis";
export const DRAFT_EXTRACTION_QUEUE = "offer-extraction";

const DRAFT_TTL_SECONDS = 60 * 60;

export interface OfferAnalysis {
  readonly enabled: boolean;
  /** Queues the analysis of a new report. */
  enqueue(report: Report): Promise<void>;
  /** Keeps the offer being reported under a fresh id and queues its extraction. */
  queueDraft(offer: OfferInput, reporterRef: string): Promise<void>;
  /** The extraction of an offer, if it has arrived. */
  extractionFor(offer: OfferInput): Promise<ModelExtraction | undefined>;
  /** The stored analysis of a report, for the case card. */
  analysisOf(reportId: string): Promise<Analysis | undefined>;
  /** Queues the second opinion on a check whose reply was sent (the text is under `check:{id}`). */
  queueCheck(checkId: string, reply: CheckReply): Promise<void>;
}

export interface OfferAnalysisDeps {
  /** Absent when no model is configured. */
  analyser: Analyser | undefined;
  reports: ReportStore;
  redis: RedisClient;
  keys: Keys;
  logger: Logger;
  /** Called after a result is stored (the card shows it). */
  onResult: (reportId: string) => Promise<void>;
  /** What editing a check reply needs; without it checks get no second opinion. */
  checks?: Pick<CheckOpinionDeps, "api" | "sealer" | "translate">;
  concurrency?: number;
}

export function createOfferAnalysis(runner: JobRunner, deps: OfferAnalysisDeps): OfferAnalysis {
  const { analyser, redis, keys } = deps;
  const analysisOf = (reportId: string) => modelAnalysisOf(redis, keys, reportId);
  if (!analyser) {
    return {
      enabled: false,
      enqueue: async () => {},
      queueDraft: async () => {},
      extractionFor: async () => undefined,
      analysisOf,
      queueCheck: async () => {},
    };
  }
  const concurrency = deps.concurrency ?? 4;
  const checks =
    deps.checks &&
    createCheckOpinions(runner, { ...deps.checks, analyser, redis, keys, logger: deps.logger, concurrency });

  runner.process<{ reportId: string }>(
    ANALYSIS_QUEUE,
    async (job) => {
      const report = await deps.reports.get(job.data.reportId);
      if (!report) return;
      await analyser.analyseReport(report);
      await deps.onResult(report.id);
    },
    { concurrency },
  );
  runner.process<{ draftId: string }>(
    DRAFT_EXTRACTION_QUEUE,
    async (job) => {
      await analyser.extractDraft(job.data.draftId);
    },
    // A draft extraction is only useful within the conversation: no long retries.
    { concurrency },
  );

  return {
    enabled: true,
    async enqueue(report) {
      await runner.add(ANALYSIS_QUEUE, { reportId: report.id }, { jobId: `analysis/${report.id}` });
    },
    async queueDraft(offer, reporterRef) {
      const draftId = randomBytes(9).toString("base64url");
      const draft: AnalysisDraft = { texts: offer.texts, media: offer.media, ref: reporterRef };
      // Listed under the person's pseudonym, so /delete erases it without SCAN.
      await runBatch(redis, [
        ["set", keys.analysisDraft(draftId), JSON.stringify(draft), "EX", DRAFT_TTL_SECONDS],
        ["sadd", keys.draftsOf(reporterRef), draftId],
        ["expire", keys.draftsOf(reporterRef), DRAFT_TTL_SECONDS],
      ]);
      await runner.add(DRAFT_EXTRACTION_QUEUE, { draftId }, { jobId: `extraction/${draftId}`, attempts: 2 });
    },
    extractionFor: (offer) => analyser.cachedExtraction(offer),
    analysisOf,
    queueCheck: async (checkId, reply) => checks?.queue(checkId, reply),
  };
}
