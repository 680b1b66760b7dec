/**
 * The structured exchange with focal points (`/exchange`, `waspada exchange`): the cases shared
 * with each focal point as JSON Lines, one case a line, in a versioned schema that counterparts can
 * import into their own systems. The zod schema below is the definition; docs/exchange.schema.json
 * is generated from it (`npm run exchange-schema`) and docs/exchange.md explains it.
 *
 * What identifies the reporter is never in it: no reporter reference, kind, relationship, contact,
 * location, offer text or forwarded-from names — only the case, the recruiter and what happened.
 */
import { z } from "zod";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import { FOCAL_ANSWERS, type FocalResponses } from "#src/reports/focal-responses.js";
import { IDENTIFIER_KINDS } from "#src/reports/identifiers.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import { type SharedCase, sharedCases } from "#src/reports/shared-cases.js";
import { STATUSES } from "#src/reports/status.js";
import type { ReportStore } from "#src/reports/store.js";

export const EXCHANGE_SCHEMA_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true });
const country = z
  .string()
  .regex(/^(?:[A-Z]{2}|default)$/)
  .describe('ISO 3166-1 alpha-2, or "default" for the catch-all channel');

export const exchangeRecordSchema = z
  .object({
    schemaVersion: z.literal(EXCHANGE_SCHEMA_VERSION),
    caseId: z.string().regex(REPORT_ID_PATTERN).describe("Waspada case number, stable across exports"),
    createdAt: isoTime,
    updatedAt: isoTime,
    status: z.enum(STATUSES).describe("current status set by Indonesian officers"),
    level: z.enum(["low", "medium", "high", "critical"]).describe("risk level from screening"),
    urgent: z.boolean().describe("a person may be in danger now"),
    destination: z.object({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
      place: z.string().max(500).optional().describe("city or place as the reporter wrote it"),
    }),
    job: z.object({
      title: z.string().max(500).optional(),
      salary: z.string().max(500).optional().describe("as promised, as written"),
    }),
    recruiter: z.object({
      identifiers: z
        .array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string().min(1).max(500) }))
        .describe("phone numbers (E.164), handles, domains, bank accounts … of the recruiter"),
      agency: z.string().max(500).optional(),
    }),
    indicators: z
      .array(z.string().max(100))
      .describe("ids from the indicator catalogue (data/indicators.json)"),
    departed: z.boolean().describe("someone already left for this job"),
    sharedWith: z
      .array(
        z.object({
          country,
          postedAt: isoTime.optional(),
          reason: z.enum(["level", "urgent", "escalated"]).optional(),
        }),
      )
      .min(1),
    statusHistory: z.array(z.object({ status: z.enum(STATUSES), at: isoTime })),
    focalResponses: z.array(z.object({ country, answer: z.enum(FOCAL_ANSWERS), at: isoTime })),
  })
  .strict()
  .describe("One case shared with focal points (Waspada exchange format)");
export type ExchangeRecord = z.infer<typeof exchangeRecordSchema>;

/** The published JSON Schema (docs/exchange.schema.json). */
export function exchangeJsonSchema(): Record<string, unknown> {
  return {
    $id: `urn:waspada:exchange:v${EXCHANGE_SCHEMA_VERSION}`,
    title: `Waspada case exchange, version ${EXCHANGE_SCHEMA_VERSION}`,
    ...z.toJSONSchema(exchangeRecordSchema, { target: "draft-2020-12" }),
  };
}

export function exchangeRecord(
  shared: SharedCase,
  responses: ReadonlyArray<{ country: string; answer: (typeof FOCAL_ANSWERS)[number]; at: string }>,
  countryOf: (chatId: number) => string | undefined,
): ExchangeRecord {
  const { report, posts } = shared;
  return exchangeRecordSchema.parse({
    schemaVersion: EXCHANGE_SCHEMA_VERSION,
    caseId: report.id,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    status: report.status,
    level: report.screening.level,
    urgent: report.urgent,
    destination: {
      ...(report.destination.country && { country: report.destination.country }),
      ...(report.destination.city && { place: report.destination.city }),
    },
    job: {
      ...(report.jobTitle && { title: report.jobTitle }),
      ...(report.salary && { salary: report.salary }),
    },
    recruiter: {
      identifiers: report.recruiter.identifiers.map(({ kind, value }) => ({ kind, value })),
      ...(report.recruiter.agencyName && { agency: report.recruiter.agencyName }),
    },
    indicators: report.screening.indicators,
    departed: report.departed !== null,
    sharedWith: posts.map((p) => ({
      country: countryOf(p.chatId) ?? "default",
      ...(p.postedAt && { postedAt: p.postedAt }),
      ...((p.reason === "level" || p.reason === "urgent" || p.reason === "escalated") && {
        reason: p.reason,
      }),
    })),
    statusHistory: report.history.map(({ status, at }) => ({ status, at })),
    focalResponses: responses.map(({ country: c, answer, at }) => ({ country: c, answer, at })),
  });
}

/** Every case created in [from, to) and shared with a focal point, one JSON line each. */
export async function exchangeJsonLines(
  deps: { reports: ReportStore; redis: RedisClient; keys: Keys; responses: FocalResponses },
  range: { from: Date; to: Date },
  countryOf: (chatId: number) => string | undefined,
): Promise<{ lines: string; count: number }> {
  const shared = await sharedCases(deps.reports, deps.redis, deps.keys, range);
  const out: string[] = [];
  for (const item of shared) {
    const record = exchangeRecord(item, await deps.responses.list(item.report.id), countryOf);
    out.push(JSON.stringify(record));
  }
  return { lines: out.map((l) => `${l}\n`).join(""), count: out.length };
}
