/**
 * What is stored about one report's analysis (`report:{id}:analysis`): the outcome, the validated
 * model output, and how it came about (model, prompt versions, timings, tokens). Parsed with zod on
 * every read, like every stored JSON.
 */
import { z } from "zod";
import { extractionSchema } from "#src/analysis/schemas.js";
import { LEVELS, type Level } from "#src/screening/types.js";

const level = z.enum(LEVELS as readonly Level[] as [Level, ...Level[]]);

export const ANALYSIS_STATUSES = ["done", "needs_review", "skipped", "failed"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const callRecordSchema = z.object({
  task: z.enum(["extract", "second_opinion"]),
  result: z.enum(["ok", "invalid", "error", "cached"]),
  ms: z.number().nonnegative(),
  attempts: z.number().int().nonnegative(),
  reason: z.string().max(300).optional(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

export const usageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

export const opinionSchema = z.object({
  ruleLevel: level,
  modelLevel: level,
  level,
  indicators: z.array(z.object({ id: z.string(), quote: z.string().max(300), added: z.boolean() })).max(40),
  discarded: z
    .array(
      z.object({
        id: z.string().max(100),
        quote: z.string().max(300),
        reason: z.enum(["unknown_id", "quote_not_in_text"]),
      }),
    )
    .max(40),
  injection: z.object({ quotes: z.array(z.string().max(300)).max(5), encoded: z.boolean() }).optional(),
});

export const analysisSchema = z.object({
  schemaVersion: z.literal(1),
  status: z.enum(ANALYSIS_STATUSES),
  /** Why it was skipped, failed or needs review: `circuit_open`, `budget`, `timeout`, `schema: …`. */
  reason: z.string().max(300).optional(),
  model: z.string().max(200),
  prompts: z.object({ extract: z.string().max(50), secondOpinion: z.string().max(50) }),
  at: z.iso.datetime({ offset: true }),
  durationMs: z.number().nonnegative(),
  usage: usageSchema,
  calls: z.array(callRecordSchema).max(10),
  extraction: extractionSchema.nullable(),
  opinion: opinionSchema.nullable(),
  imagesSent: z.number().int().nonnegative(),
});
export type Analysis = z.infer<typeof analysisSchema>;

/** A stored analysis, or undefined when absent or unreadable (an unreadable one is not trusted). */
export function parseStoredAnalysis(raw: string | null): Analysis | undefined {
  if (!raw) return undefined;
  try {
    const parsed = analysisSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
