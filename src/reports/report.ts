/**
 * The Report: one zod schema, the types derived from it. Stored as JSON under `report:{id}` and
 * parsed on every read (stored JSON is not trusted: it may be old, or written by an older build).
 * `schemaVersion` lets a later build migrate old reports as it reads them (see parseStoredReport).
 *
 * What identifies the reporter is NOT here: only `reporterRef`, a pseudonym that is set to null
 * when the reporter erases themselves. Contact details live sealed in the reporter record;
 * officers' notes are kept elsewhere.
 */
import { z } from "zod";
import { IDENTIFIER_KINDS } from "#src/reports/identifiers.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import { STATUSES } from "#src/reports/status.js";
import type { Level } from "#src/screening/types.js";

export const REPORT_SCHEMA_VERSION = 1;

/** Bounds on what users type, so one report cannot grow without limit (Telegram allows 4,096 per message). */
export const LIMITS = {
  offerTexts: 20,
  offerText: 10_000,
  media: 10,
  /** Text read from a report's screenshots, all together. */
  readText: 20_000,
  shortField: 500,
  longField: 4_000,
  additions: 100,
  identifiers: 100,
} as const;

const shortText = z.string().max(LIMITS.shortField);
const longText = z.string().max(LIMITS.longField);
const isoTime = z.iso.datetime({ offset: true });

const LEVEL_VALUES = ["low", "medium", "high", "critical"] as const satisfies readonly Level[];

export const actorSchema = z
  .string()
  .regex(
    /^(?:reporter|system|officer:\d{1,20})$/,
    'an actor: "reporter", "system" or "officer:<telegram id>"',
  );
/** Who did something: the reporter, the bot itself, or an officer by Telegram id (officer ids are not secret). */
export type Actor = "reporter" | "system" | `officer:${number}`;

export const mediaSchema = z.object({
  kind: z.enum(["photo", "document"]),
  fileId: z.string().min(1).max(300),
  fileUniqueId: z.string().min(1).max(100),
  mimeType: z.string().max(100).optional(),
  fileSize: z.number().int().nonnegative().optional(),
});
export type Media = z.infer<typeof mediaSchema>;

/**
 * Who sent a forwarded message. Lives only in the open conversation: the person is asked whether
 * this is the recruiter (then the id and username become identifiers); a report keeps no sender.
 */
export const forwardedFromSchema = z.object({
  kind: z.enum(["user", "hidden_user", "chat", "channel"]),
  id: z.number().int().optional(),
  username: z.string().max(64).optional(),
  name: shortText.optional(),
});

export const recruiterIdentifierSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  /** Canonical (src/reports/identifiers.ts) when it could be made canonical, else as given. */
  value: shortText.min(1),
  raw: shortText.optional(),
  source: z.enum(["extracted", "reporter", "forwarded"]),
});
export type RecruiterIdentifier = z.infer<typeof recruiterIdentifierSchema>;

const yesNoUnknown = z.enum(["yes", "no", "unknown"]);

export const departedSchema = z.object({
  relationship: shortText,
  when: shortText.optional(),
  lastContact: shortText.optional(),
  whereabouts: longText.optional(),
  canCommunicate: yesNoUnknown,
  passportTaken: yesNoUnknown,
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
});

export const additionSchema = z.object({
  at: isoTime,
  text: z.string().max(LIMITS.offerText).optional(),
  media: z.array(mediaSchema).max(LIMITS.media).optional(),
  /** Contacts named in the added text (canonical), indexed so `/find` reaches the case. */
  identifiers: z
    .array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: shortText.min(1) }))
    .max(LIMITS.identifiers)
    .optional(),
});
export type Addition = z.infer<typeof additionSchema>;

export const historyEntrySchema = z.object({
  status: z.enum(STATUSES),
  at: isoTime,
  actor: actorSchema,
  note: longText.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What the chat flow collects: a report without id, dates, status, history, additions and reporter. */
export const reportDraftSchema = z.object({
  locale: z.enum(["id", "en"]),
  /** May officers contact the reporter (through the bot's relay)? Forced false on erasure. */
  contactConsent: z.boolean(),
  urgent: z.boolean(),
  reporterKind: z.enum(["self", "family_friend", "abroad", "other"]),
  offer: z.object({
    texts: z
      .array(
        // A forwarded text is marked as such, never with its sender (who may be the reporter herself,
        // or a relative): a sender the person confirmed as the recruiter is in recruiter.identifiers.
        z.object({ text: z.string().max(LIMITS.offerText), forwarded: z.boolean().optional() }),
      )
      .max(LIMITS.offerTexts),
    media: z.array(mediaSchema).max(LIMITS.media),
    /** The text read from the screenshots on this machine (OCR); personal data like the texts. */
    readText: z.string().max(LIMITS.readText).optional(),
  }),
  screening: z.object({
    level: z.enum(LEVEL_VALUES),
    score: z.number(),
    indicators: z.array(z.string().max(100)).max(200),
    catalogueVersion: z.string().max(100),
  }),
  recruiter: z.object({
    identifiers: z.array(recruiterIdentifierSchema).max(LIMITS.identifiers),
    agencyName: shortText.optional(),
  }),
  destination: z.object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2, upper case")
      .optional(),
    city: shortText.optional(),
  }),
  jobTitle: shortText.optional(),
  salary: shortText.optional(),
  money: z.object({
    asked: shortText.optional(),
    paidTo: shortText.optional(),
    paid: z.enum(["none", "asked", "paid"]).optional(),
  }),
  documents: z.object({ passportHandedOver: yesNoUnknown, other: shortText.optional() }),
  departed: departedSchema.nullable(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

export const reportSchema = reportDraftSchema.extend({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  id: z.string().regex(REPORT_ID_PATTERN),
  createdAt: isoTime,
  updatedAt: isoTime,
  status: z.enum(STATUSES),
  /** +1 on every status change; a notification is sent once per (report, statusVersion). */
  statusVersion: z.number().int().positive(),
  history: z.array(historyEntrySchema).min(1),
  /** Pseudonym of the reporter's Telegram user id; null once they erased themselves. */
  reporterRef: z.string().min(1).max(64).nullable(),
  additions: z.array(additionSchema).max(LIMITS.additions),
  /** Telegram user id of the officer who took the case. */
  assignee: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
});
export type Report = z.infer<typeof reportSchema>;

export class StoredReportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoredReportError";
  }
}

/**
 * Upgrades from version N to N+1, applied in order until the current version. Version 1 is the
 * first, so there are none yet; when v2 comes, add `1: (v1) => ({ ...v1, schemaVersion: 2, … })`.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parses a stored report, migrating older versions; throws StoredReportError naming the problem. */
export function parseStoredReport(json: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new StoredReportError("stored report is not JSON", { cause: error });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new StoredReportError("stored report is not an object");
  }
  let record = data as Record<string, unknown>;
  let version = record.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new StoredReportError("stored report has no valid schemaVersion");
  }
  if (version > REPORT_SCHEMA_VERSION) {
    throw new StoredReportError(
      `stored report has schemaVersion ${version}, newer than this build understands (${REPORT_SCHEMA_VERSION})`,
    );
  }
  while (version < REPORT_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new StoredReportError(`no migration from report schemaVersion ${version}`);
    record = migrate(record);
    version += 1;
  }
  const result = reportSchema.safeParse(record);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new StoredReportError(
      `stored report is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  return result.data;
}
