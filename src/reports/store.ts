/**
 * Reports in Redis: creation exactly once per confirming action, the recruiter-identifier index,
 * status changes with history, reporters (sealed) and the audit stream. Keys: src/redis-keys.ts.
 *
 * Cluster-safe by construction: no command and no transaction spans two keys. Writes that touch
 * many keys are batches of idempotent commands (SET NX, ZADD NX, SADD, HSETNX, HSET, DEL), so a
 * batch cut short by a crash is completed by running it again. A report itself changes only
 * through an optimistic transaction (WATCH/MULTI) on its one key; the indexes follow and are
 * repaired by the next change of the same report.
 */

import { z } from "zod";
import type { Locale } from "#src/config.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import { hashReply, type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import { canonicalIdentifier } from "#src/reports/identifiers.js";
import { OfferIndex, reportSignature } from "#src/reports/offer-index.js";
import {
  type Actor,
  type Addition,
  actorSchema,
  additionSchema,
  LIMITS,
  parseStoredReport,
  REPORT_SCHEMA_VERSION,
  type RecruiterIdentifier,
  type Report,
  type ReportDraft,
  reportDraftSchema,
} from "#src/reports/report.js";
import { newReportId, REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import { canTransition, isOpenStatus, type ReportStatus, STATUSES } from "#src/reports/status.js";
import { extractIdentifiers } from "#src/screening/extract/index.js";
import type {
  ExtractedIdentifier,
  IdentifierKind,
  IdentifierLookup,
  KnownIdentifier,
} from "#src/screening/types.js";

/** A repeated confirmation later than this creates a new report; Telegram redelivers within minutes. */
const ONCE_TTL_SECONDS = 30 * 24 * 60 * 60;
const AUDIT_MAX_LENGTH = 1_000_000;
/** Optimistic transactions retried this often before giving up (only under heavy contention on one report). */
const MAX_TRANSACTION_ATTEMPTS = 20;

export interface ReportStoreDeps {
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  pseudonymize: Pseudonymize;
  now?: () => Date;
}

/** Who sends a report. `ref` is pseudonymize("user", telegramUserId); nothing here is stored in clear. */
export interface ReporterInput {
  ref: string;
  chatId: number;
  locale: Locale;
  /** From Telegram's contact button; stored (sealed) only with consent. */
  contactPhone?: string;
  contactConsent: boolean;
}

export interface Reporter {
  chatId: number;
  contactPhone?: string;
  locale: Locale;
  consent: boolean;
  /** The reporter blocked the bot (403): do not try to notify them again. */
  blocked: boolean;
  reportIds: string[];
}

export type ChangeResult<Reason extends string> =
  | { ok: true; report: Report }
  | { ok: false; reason: Reason };
export type StatusChangeResult = ChangeResult<"not_found" | "not_allowed" | "unchanged">;
export type AdditionResult = ChangeResult<"not_found" | "closed" | "too_many">;

export type IdentifierVerdict = "known_recruiter" | "licensed_agency";

export interface IdentifierDetails {
  kind: IdentifierKind;
  value: string;
  /** Every report that mentions the identifier, sorted. */
  reportIds: string[];
  verdict?: IdentifierVerdict;
  /** Licence number (SIP2MI) from the imported list of licensed agencies. */
  licence?: string;
}

export interface AuditEvent {
  action: string;
  reportId?: string;
  actor: string;
  /** Ids, statuses, counts. Never names, phone numbers, reporters' Telegram ids or report text. */
  detail?: Record<string, string>;
}

export interface AuditEntry extends AuditEvent {
  /** Stream entry id. */
  id: string;
  at: string;
}

export interface IdentifierIndex extends IdentifierLookup {
  /** Known identifiers with their report counts; `excludeReportId` leaves one report out of the counts. */
  lookup(
    identifiers: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>,
    options?: { excludeReportId?: string },
  ): Promise<KnownIdentifier[]>;
  /** Ids of the reports that mention an identifier, sorted; `except` leaves one out ("N times before"). */
  reportsMentioning(kind: IdentifierKind, value: string, options?: { except?: string }): Promise<string[]>;
}

const onceValueSchema = z.string().regex(REPORT_ID_PATTERN);
const onceKeySchema = z.string().min(1).max(200);
const reporterInputSchema = z.object({
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "a pseudonym"),
  chatId: z.number().int().refine(Number.isSafeInteger),
  locale: z.enum(["id", "en"]),
  contactPhone: z.string().max(32).optional(),
  contactConsent: z.boolean(),
});
/** Contacts in an added text worth indexing (a bare URL is left to its domain). */
const ADDITION_IDENTIFIER_KINDS = new Set<IdentifierKind>([
  "phone",
  "whatsapp",
  "telegram_handle",
  "domain",
  "email",
  "bank_account",
]);
const newAdditionSchema = additionSchema.omit({ at: true, identifiers: true });
const verdictSchema = z.enum(["known_recruiter", "licensed_agency"]);
const officerIdSchema = z.string().regex(/^\d{1,20}$/, "an officer's Telegram user id");
const licenceSchema = z.string().trim().min(1).max(100);
const reporterHashSchema = z.object({
  chat: z.string(),
  contact: z.string().optional(),
  locale: z.enum(["id", "en"]),
  consent: z.enum(["0", "1"]),
  blocked: z.string().optional(),
});
const auditFieldsSchema = z.object({
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  reportId: z.string().optional(),
  detail: z.string().optional(),
});

/**
 * WATCH belongs to a connection, and the bot shares one connection between all its handlers: two
 * transactions interleaved on it would clear each other's WATCH. Transactions on one client
 * therefore run one at a time (other commands are unaffected).
 */
const transactionQueues = new WeakMap<object, Promise<unknown>>();
function oneTransactionAtATime<T>(redis: RedisClient, run: () => Promise<T>): Promise<T> {
  const previous = transactionQueues.get(redis) ?? Promise.resolve();
  const current = previous.then(run, run);
  transactionQueues.set(
    redis,
    current.catch(() => undefined),
  );
  return current;
}

function createdScore(report: Pick<Report, "createdAt">): number {
  return Date.parse(report.createdAt);
}

export class ReportStore {
  readonly lookup: IdentifierIndex;
  /** Offers seen before: MinHash signatures of reported offers (src/reports/offer-index.ts). */
  readonly offers: OfferIndex;
  private readonly redis: RedisClient;
  private readonly keys: Keys;
  private readonly sealer: Sealer;
  private readonly pseudonymize: Pseudonymize;
  private readonly now: () => Date;

  constructor(deps: ReportStoreDeps) {
    this.redis = deps.redis;
    this.keys = deps.keys;
    this.sealer = deps.sealer;
    this.pseudonymize = deps.pseudonymize;
    this.now = deps.now ?? (() => new Date());
    this.offers = new OfferIndex(this.redis, this.keys);
    this.lookup = {
      lookup: (identifiers, options) => this.lookupIdentifiers(identifiers, options?.excludeReportId),
      reportsMentioning: (kind, value, options) => this.reportsMentioning(kind, value, options),
    };
  }

  // ── creating ──────────────────────────────────────────────────────────────────────────────

  /**
   * Stores the report for one confirming action (`onceKey` = `chatRef:confirmingMessageId`) exactly
   * once: a repeated or concurrent call, or a re-run after a crash half-way, returns the same
   * report with `created: false` and completes whatever the first run left undone.
   */
  async createOnce(
    onceKey: string,
    draft: ReportDraft,
    reporter: ReporterInput,
  ): Promise<{ report: Report; created: boolean }> {
    const checkedDraft = reportDraftSchema.parse(draft);
    onceKeySchema.parse(onceKey);
    reporterInputSchema.parse(reporter);
    const id = await this.claimReportId(onceKey);

    const fresh = this.newReport(id, checkedDraft, reporter);
    const previous = await this.redis.call("set", [this.keys.report(id), JSON.stringify(fresh), "NX", "GET"]);
    const created = previous === null;
    const report = created ? fresh : parseStoredReport(String(previous));

    const commands = this.indexCommands(report);
    // A reporter who erased themselves in between must not be written back.
    if (report.reporterRef === reporter.ref)
      commands.push(...this.reporterCommands(report.id, onceKey, reporter));
    if (created) {
      commands.push(
        this.auditCommand({
          action: "report.create",
          reportId: id,
          actor: "reporter",
          detail: {
            level: report.screening.level,
            urgent: String(report.urgent),
            reporterKind: report.reporterKind,
          },
        }),
      );
    }
    await runBatch(this.redis, commands);
    return { report, created };
  }

  /**
   * Step (a): the id for this once-key, reserving a new one if there is none. A candidate id is
   * used only if no report has it, so an id collision cannot attach this report to another one
   * (the remaining window, two new reports drawing the same id within one round trip, is ~1e-12).
   */
  private async claimReportId(onceKey: string): Promise<string> {
    const onceRedisKey = this.keys.reportOnce(onceKey);
    for (;;) {
      const candidate = newReportId();
      const [existing, taken] = await runBatch(this.redis, [
        ["get", onceRedisKey],
        ["exists", this.keys.report(candidate)],
      ]);
      if (existing !== null) return onceValueSchema.parse(existing);
      if (taken === 1) continue;
      const winner = await this.redis.call("set", [
        onceRedisKey,
        candidate,
        "NX",
        "GET",
        "EX",
        ONCE_TTL_SECONDS,
      ]);
      return winner === null ? candidate : onceValueSchema.parse(winner);
    }
  }

  private newReport(id: string, draft: ReportDraft, reporter: ReporterInput): Report {
    const at = this.now().toISOString();
    return {
      ...draft,
      recruiter: { ...draft.recruiter, identifiers: canonicalIdentifiers(draft.recruiter.identifiers) },
      schemaVersion: REPORT_SCHEMA_VERSION,
      id,
      createdAt: at,
      updatedAt: at,
      status: "received",
      statusVersion: 1,
      history: [{ status: "received", at, actor: "reporter" }],
      reporterRef: reporter.ref,
      additions: [],
    };
  }

  /** Listing and identifier index entries of a report; all idempotent. */
  private indexCommands(report: Report): RedisCommand[] {
    const score = createdScore(report);
    const commands: RedisCommand[] = [
      ["zadd", this.keys.reportsByTime(), "NX", score, report.id],
      ["zadd", this.keys.reportsByStatus(report.status), "NX", score, report.id],
    ];
    commands.push(...this.offers.addCommands(report.id, reportSignature(report)));
    for (const { kind, value } of indexedIdentifiers(report)) {
      const entity = this.entityKey(kind, value);
      commands.push(
        ["sadd", this.entityReportsKey(kind, value), report.id],
        ["hsetnx", entity, "firstSeen", report.createdAt],
        ["hset", entity, "kind", kind, "lastSeen", report.createdAt],
      );
    }
    return commands;
  }

  private reporterCommands(reportId: string, onceKey: string, reporter: ReporterInput): RedisCommand[] {
    const key = this.keys.reporter(reporter.ref);
    const fields: string[] = [
      "chat",
      this.sealer.seal(String(reporter.chatId), `reporter:${reporter.ref}:chat`),
      "locale",
      reporter.locale,
      "consent",
      reporter.contactConsent ? "1" : "0",
    ];
    // The latest answer governs: a phone is kept only while the reporter agrees to be contacted.
    const contact: RedisCommand =
      reporter.contactConsent && reporter.contactPhone
        ? [
            "hset",
            key,
            "contact",
            this.sealer.seal(reporter.contactPhone, `reporter:${reporter.ref}:contact`),
          ]
        : ["hdel", key, "contact"];
    return [
      ["hset", key, ...fields],
      contact,
      ["sadd", this.keys.reporterReports(reporter.ref), reportId],
      ["sadd", this.keys.reporterOnceKeys(reporter.ref), onceKey],
    ];
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────

  async get(id: string): Promise<Report | undefined> {
    if (!REPORT_ID_PATTERN.test(id)) return undefined;
    const json = await this.redis.get(this.keys.report(id));
    return json === null ? undefined : parseStoredReport(json);
  }

  /** The reports that exist among `ids`, in the order given, in one round trip. */
  async getMany(ids: readonly string[]): Promise<Report[]> {
    const valid = [...new Set(ids)].filter((id) => REPORT_ID_PATTERN.test(id));
    const replies = await runBatch(
      this.redis,
      valid.map((id) => ["get", this.keys.report(id)] as const),
    );
    return replies.flatMap((json) => (typeof json === "string" ? [parseStoredReport(json)] : []));
  }

  /**
   * Newest first, optionally of one status. Pass the last report of a page as `before` for the
   * next page. Two round trips. A report whose status changed a moment ago may be missing from a
   * page rather than shown under the wrong status.
   */
  async listRecent(options: {
    status?: ReportStatus;
    limit: number;
    before?: Pick<Report, "id" | "createdAt">;
  }): Promise<Report[]> {
    const key = options.status ? this.keys.reportsByStatus(options.status) : this.keys.reportsByTime();
    const limit = Math.max(0, Math.min(Math.floor(options.limit), 1_000));
    if (limit === 0) return [];
    let ids: string[];
    if (!options.before) {
      ids = (await this.redis.call("zrange", [
        key,
        "+inf",
        "-inf",
        "BYSCORE",
        "REV",
        "LIMIT",
        0,
        limit,
      ])) as string[];
    } else {
      // Reports created in the same millisecond as the cursor are ordered by id.
      const score = createdScore(options.before);
      const [sameTime, older] = (await runBatch(this.redis, [
        ["zrange", key, score, score, "BYSCORE", "REV"],
        ["zrange", key, `(${score}`, "-inf", "BYSCORE", "REV", "LIMIT", 0, limit],
      ])) as [string[], string[]];
      const cursorId = options.before.id;
      ids = [...sameTime.filter((id) => id < cursorId), ...older].slice(0, limit);
    }
    const reports = await this.getMany(ids);
    return options.status ? reports.filter((r) => r.status === options.status) : reports;
  }

  /**
   * The oldest reports among some statuses (creation order), and how many reports those statuses
   * hold in all. Two round trips. Like listRecent, a report whose status changed a moment ago may
   * be missing rather than shown under the wrong status.
   */
  async listOldest(options: {
    statuses: readonly ReportStatus[];
    limit: number;
  }): Promise<{ reports: Report[]; total: number }> {
    const statuses = [...new Set(options.statuses)].filter((s) => STATUSES.includes(s));
    const limit = Math.max(0, Math.min(Math.floor(options.limit), 1_000));
    const replies = await runBatch(
      this.redis,
      statuses.flatMap((s): RedisCommand[] => [
        // At least one: "0 -1" would be the whole set.
        ["zrange", this.keys.reportsByStatus(s), 0, Math.max(limit, 1) - 1, "WITHSCORES"],
        ["zcard", this.keys.reportsByStatus(s)],
      ]),
    );
    const candidates: Array<{ id: string; score: number }> = [];
    let total = 0;
    statuses.forEach((_s, i) => {
      const flat = replies[i * 2] as string[];
      for (let j = 0; j + 1 < flat.length; j += 2)
        candidates.push({ id: flat[j]!, score: Number(flat[j + 1]) });
      total += Number(replies[i * 2 + 1]);
    });
    candidates.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
    const ids = candidates.slice(0, limit).map((c) => c.id);
    const wanted = new Set(statuses);
    const reports = (await this.getMany(ids)).filter((r) => wanted.has(r.status));
    return { reports, total };
  }

  /** Ids of the reports created in [from, to), oldest first, in one round trip. */
  async idsCreatedBetween(from: Date, to: Date): Promise<string[]> {
    const start = from.getTime();
    const end = to.getTime();
    if (!(start < end)) return [];
    return (await this.redis.call("zrange", [
      this.keys.reportsByTime(),
      start,
      `(${end}`,
      "BYSCORE",
    ])) as string[];
  }

  // ── the identifier index ──────────────────────────────────────────────────────────────────

  private async lookupIdentifiers(
    identifiers: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>,
    excludeReportId?: string,
  ): Promise<KnownIdentifier[]> {
    const wanted = uniqueCanonical(identifiers);
    const perIdentifier = excludeReportId ? 3 : 2;
    const commands: RedisCommand[] = [];
    for (const { kind, value } of wanted) {
      commands.push(
        ["scard", this.entityReportsKey(kind, value)],
        ["hget", this.entityKey(kind, value), "verdict"],
      );
      if (excludeReportId) commands.push(["sismember", this.entityReportsKey(kind, value), excludeReportId]);
    }
    const replies = await runBatch(this.redis, commands);
    const known: KnownIdentifier[] = [];
    wanted.forEach(({ kind, value }, i) => {
      const at = i * perIdentifier;
      const reports = Number(replies[at]) - (excludeReportId ? Number(replies[at + 2]) : 0);
      const verdict = verdictSchema.safeParse(replies[at + 1]);
      if (reports > 0 || verdict.success) {
        known.push({ kind, value, reports, ...(verdict.success ? { verdict: verdict.data } : {}) });
      }
    });
    return known;
  }

  /** Ids of the reports that mention an identifier, sorted; `except` leaves one out ("N times before"). */
  async reportsMentioning(
    kind: IdentifierKind,
    input: string,
    options: { except?: string } = {},
  ): Promise<string[]> {
    const value = canonicalIdentifier(kind, input);
    if (value === undefined) return [];
    const ids = await this.redis.smembers(this.entityReportsKey(kind, value));
    return ids.filter((id) => id !== options.except).sort();
  }

  /**
   * An officer's verdict on an identifier (null clears it), or the system's (`by` = "system", e.g.
   * the licensed-agency import, which also records the `licence` number the ministry publishes).
   * Any other verdict, or none, drops a stored licence: the officer has overruled the list. Returns
   * false when the value is not a valid identifier of that kind. The audit names the identifier by
   * a keyed digest, not in clear.
   */
  async markIdentifier(
    kind: IdentifierKind,
    input: string,
    verdict: IdentifierVerdict | null,
    by: string,
    facts: { licence?: string } = {},
  ): Promise<boolean> {
    const value = canonicalIdentifier(kind, input);
    if (value === undefined) return false;
    if (by !== "system") officerIdSchema.parse(by);
    const licence = facts.licence === undefined ? undefined : licenceSchema.parse(facts.licence);
    const key = this.entityKey(kind, value);
    const at = this.now().toISOString();
    const changes: RedisCommand[] =
      verdict === null
        ? [["hdel", key, "verdict", "verdictBy", "verdictAt", "licence"]]
        : [
            [
              "hset",
              key,
              "kind",
              kind,
              "verdict",
              verdictSchema.parse(verdict),
              "verdictBy",
              by,
              "verdictAt",
              at,
              ...(licence !== undefined && verdict === "licensed_agency" ? ["licence", licence] : []),
            ],
            ...(verdict === "licensed_agency" ? [] : [["hdel", key, "licence"] as RedisCommand]),
          ];
    await runBatch(this.redis, [
      ...changes,
      this.auditCommand({
        action: "identifier.mark",
        actor: by === "system" ? "system" : `officer:${by}`,
        detail: { kind, identifier: this.identifierDigest(kind, value), verdict: verdict ?? "none" },
      }),
    ]);
    return true;
  }

  /**
   * Stable, keyed stand-in for an identifier (same identifier, same digest): the index and the
   * audit stream name identifiers only by it, since every lookup needs only equality. Someone
   * reading Redis cannot list who was reported, nor test a number without the pseudonym key.
   */
  identifierDigest(kind: IdentifierKind, value: string): string {
    return this.pseudonymize("user", `identifier:${kind}:${value}`);
  }

  /** Hash of a canonical identifier: first/last seen, verdict, licence. */
  private entityKey(kind: IdentifierKind, value: string): string {
    return this.keys.entity(kind, this.identifierDigest(kind, value));
  }

  /** Set of the reports that mention a canonical identifier. */
  private entityReportsKey(kind: IdentifierKind, value: string): string {
    return this.keys.entityReports(kind, this.identifierDigest(kind, value));
  }

  /**
   * For each identifier (canonicalised, each once; invalid ones left out): the ids of the reports
   * that mention it, sorted, and its verdict and licence number. One round trip for any number.
   */
  async identifierDetails(
    identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string }>,
  ): Promise<IdentifierDetails[]> {
    const wanted = uniqueCanonical(identifiers);
    const replies = await runBatch(
      this.redis,
      wanted.flatMap(({ kind, value }): RedisCommand[] => [
        ["smembers", this.entityReportsKey(kind, value)],
        ["hmget", this.entityKey(kind, value), "verdict", "licence"],
      ]),
    );
    return wanted.map(({ kind, value }, i) => {
      const ids = replies[i * 2];
      const [verdict, licence] = (replies[i * 2 + 1] ?? []) as Array<string | null>;
      const checked = verdictSchema.safeParse(verdict);
      return {
        kind,
        value,
        reportIds: (Array.isArray(ids) ? ids.map(String) : []).sort(),
        ...(checked.success ? { verdict: checked.data } : {}),
        ...(typeof licence === "string" ? { licence } : {}),
      };
    });
  }

  // ── changing a report ─────────────────────────────────────────────────────────────────────

  async setStatus(id: string, to: ReportStatus, actor: Actor, note?: string): Promise<StatusChangeResult> {
    actorSchema.parse(actor);
    z.enum(STATUSES).parse(to);
    return this.change(
      id,
      (report, at) => {
        if (report.status === to) return "unchanged";
        if (!canTransition(report.status, to)) return "not_allowed";
        return {
          ...report,
          status: to,
          statusVersion: report.statusVersion + 1,
          updatedAt: at,
          history: [...report.history, { status: to, at, actor, ...(note ? { note } : {}) }],
        };
      },
      (before, after) => [
        // Removing from every other status set also repairs an index left stale by a crash.
        ...STATUSES.filter((s) => s !== after.status).map(
          (s): RedisCommand => ["zrem", this.keys.reportsByStatus(s), after.id],
        ),
        ["zadd", this.keys.reportsByStatus(after.status), createdScore(after), after.id],
        this.auditCommand({
          action: "report.status",
          reportId: after.id,
          actor,
          detail: { from: before.status, to: after.status, statusVersion: String(after.statusVersion) },
        }),
      ],
    );
  }

  /**
   * More text or screenshots from the reporter, while the report is not closed. Contacts named in
   * the text are indexed under the case so `/find` reaches it — never the reporter's own number.
   */
  async addInformation(
    id: string,
    addition: Omit<Addition, "at" | "identifiers">,
    actor: Actor = "reporter",
  ): Promise<AdditionResult> {
    actorSchema.parse(actor);
    const checked = newAdditionSchema.parse(addition);
    const identifiers = checked.text ? await this.contactsNamedIn(id, checked.text) : [];
    return this.change(
      id,
      (report, at) => {
        if (!isOpenStatus(report.status)) return "closed";
        if (report.additions.length >= LIMITS.additions) return "too_many";
        const added: Addition = { at, ...checked, ...(identifiers.length ? { identifiers } : {}) };
        return { ...report, updatedAt: at, additions: [...report.additions, added] };
      },
      (_before, after) => [
        ...identifiers.flatMap(({ kind, value }): RedisCommand[] => [
          ["sadd", this.entityReportsKey(kind, value), after.id],
          ["hsetnx", this.entityKey(kind, value), "firstSeen", after.updatedAt],
          ["hset", this.entityKey(kind, value), "kind", kind, "lastSeen", after.updatedAt],
        ]),
        this.auditCommand({
          action: "report.addition",
          reportId: after.id,
          actor,
          detail: { text: checked.text ? "yes" : "no", media: String(checked.media?.length ?? 0) },
        }),
      ],
    );
  }

  /** Recruiter contacts in a reporter's added text, without the reporter's own phone. */
  private async contactsNamedIn(
    id: string,
    text: string,
  ): Promise<Array<{ kind: IdentifierKind; value: string }>> {
    const report = await this.get(id);
    const own = report?.reporterRef ? (await this.reporterOf(report.reporterRef))?.contactPhone : undefined;
    const ownPhone = own ? canonicalIdentifier("phone", own) : undefined;
    return uniqueCanonical(extractIdentifiers(text).filter((i) => ADDITION_IDENTIFIER_KINDS.has(i.kind)))
      .filter((i) => !(ownPhone && (i.kind === "phone" || i.kind === "whatsapp") && i.value === ownPhone))
      .slice(0, LIMITS.identifiers);
  }

  /** Takes the case for an officer (null releases it). */
  async assign(
    id: string,
    officerId: string | null,
    actor?: Actor,
  ): Promise<ChangeResult<"not_found" | "unchanged">> {
    if (officerId !== null) officerIdSchema.parse(officerId);
    const by = actor ?? (officerId === null ? "system" : (`officer:${officerId}` as Actor));
    actorSchema.parse(by);
    return this.change(
      id,
      (report, at): Report | "unchanged" => {
        if ((report.assignee ?? null) === officerId) return "unchanged";
        const { assignee: _previous, ...rest } = report;
        return officerId === null
          ? { ...rest, updatedAt: at }
          : { ...rest, assignee: officerId, updatedAt: at };
      },
      (_before, after) => [
        this.auditCommand({
          action: "report.assign",
          reportId: after.id,
          actor: by,
          detail: { assignee: after.assignee ?? "none" },
        }),
      ],
    );
  }

  async setUrgent(
    id: string,
    urgent: boolean,
    actor: Actor,
  ): Promise<ChangeResult<"not_found" | "unchanged">> {
    actorSchema.parse(actor);
    return this.change(
      id,
      (report, at): Report | "unchanged" =>
        report.urgent === urgent ? "unchanged" : { ...report, urgent, updatedAt: at },
      (_before, after) => [
        this.auditCommand({
          action: "report.urgent",
          reportId: after.id,
          actor,
          detail: { urgent: String(urgent) },
        }),
      ],
    );
  }

  /**
   * Optimistic transaction on one report key: read under WATCH, apply, write in MULTI; retried if
   * the report changed in between. `followUp` (indexes, audit) runs after the commit.
   */
  private async change<Reason extends string>(
    id: string,
    apply: (report: Report, at: string) => Report | Reason,
    followUp: (before: Report, after: Report) => RedisCommand[],
  ): Promise<ChangeResult<Reason | "not_found">> {
    if (!REPORT_ID_PATTERN.test(id)) return { ok: false, reason: "not_found" };
    const key = this.keys.report(id);
    const redis = this.redis;
    for (let attempt = 0; attempt < MAX_TRANSACTION_ATTEMPTS; attempt++) {
      const outcome = await oneTransactionAtATime(redis, async () => {
        let watching = false;
        try {
          await redis.watch(key);
          watching = true;
          const json = await redis.get(key);
          if (json === null) return { ok: false as const, reason: "not_found" as const };
          const before = parseStoredReport(json);
          const after = apply(before, this.now().toISOString());
          if (typeof after === "string") return { ok: false as const, reason: after };
          const replies = await redis.multi().set(key, JSON.stringify(after)).exec();
          watching = false; // EXEC ends the WATCH, committed or not
          if (replies === null) return undefined; // the report changed meanwhile: try again
          for (const [error] of replies) if (error) throw error;
          return { ok: true as const, before, after };
        } finally {
          if (watching) await redis.unwatch().catch(() => undefined);
        }
      });
      if (outcome === undefined) continue;
      if (!outcome.ok) return outcome;
      await runBatch(redis, followUp(outcome.before, outcome.after));
      return { ok: true, report: outcome.after };
    }
    throw new Error(`report ${id} kept changing; gave up after ${MAX_TRANSACTION_ATTEMPTS} attempts`);
  }

  // ── reporters ─────────────────────────────────────────────────────────────────────────────

  /** The reporter's record with contact details opened, or undefined if there is none. */
  async reporterOf(ref: string): Promise<Reporter | undefined> {
    const [hash, ids] = await runBatch(this.redis, [
      ["hgetall", this.keys.reporter(ref)],
      ["smembers", this.keys.reporterReports(ref)],
    ]);
    const parsed = reporterHashSchema.safeParse(hashReply(hash));
    if (!parsed.success) return undefined;
    const record = parsed.data;
    const chatId = Number(this.sealer.open(record.chat, `reporter:${ref}:chat`));
    if (!Number.isSafeInteger(chatId)) throw new Error("reporter record holds an invalid chat id");
    return {
      chatId,
      ...(record.contact
        ? { contactPhone: this.sealer.open(record.contact, `reporter:${ref}:contact`) }
        : {}),
      locale: record.locale,
      consent: record.consent === "1",
      blocked: record.blocked !== undefined,
      reportIds: (Array.isArray(ids) ? ids.map(String) : []).sort(),
    };
  }

  /** The reporter's reports, newest first. */
  async reportsOf(ref: string): Promise<Report[]> {
    const ids = await this.redis.smembers(this.keys.reporterReports(ref));
    const reports = await this.getMany(ids);
    return reports.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The reporter blocked the bot; notifications stop. No effect if the record does not exist. */
  async markReporterBlocked(ref: string): Promise<void> {
    const key = this.keys.reporter(ref);
    if ((await this.redis.hexists(key, "chat")) === 1) {
      await this.redis.hset(key, "blocked", this.now().toISOString());
    }
  }

  /**
   * The reporter's right to erasure: their record and contact details are deleted and their
   * reports detached from them (reporterRef null, no contact consent). The reports stay for the
   * officers, anonymised. Safe to run again if interrupted.
   */
  async eraseReporter(ref: string): Promise<{ reports: number }> {
    const ids = await this.redis.smembers(this.keys.reporterReports(ref));
    let reports = 0;
    const detached: Report[] = [];
    for (const id of ids) {
      const result = await this.change(
        id,
        (report, at) =>
          report.reporterRef === ref
            ? { ...report, reporterRef: null, contactConsent: false, updatedAt: at }
            : ("unchanged" as const),
        () => [],
      );
      // "unchanged": already detached by an earlier, interrupted run.
      if (result.ok) detached.push(result.report);
      else if (result.reason === "unchanged") {
        const report = await this.get(id);
        if (report) detached.push(report);
      }
      if (result.ok || result.reason === "unchanged") reports += 1;
    }
    // What she contributed to the identifier index goes too: her reports stay readable by case
    // number, but no longer count towards "seen in N reports" nor answer /find.
    await this.unindex(detached);
    // The record goes last, so an interrupted erasure still finds the reports when run again.
    const onceKeys = await this.redis.smembers(this.keys.reporterOnceKeys(ref));
    await runBatch(this.redis, [
      ...onceKeys.map((onceKey): RedisCommand => ["del", this.keys.reportOnce(onceKey)]),
      ["del", this.keys.reporter(ref)],
      ["del", this.keys.reporterReports(ref)],
      ["del", this.keys.reporterOnceKeys(ref)],
      this.auditCommand({
        action: "reporter.erase",
        actor: "reporter",
        detail: { reports: String(reports) },
      }),
    ]);
    return { reports };
  }

  /**
   * Takes reports out of the identifier index, and drops every identifier left with no report and
   * no verdict (its hash and set), so nothing of an erased or expired report lingers there.
   */
  private async unindex(reports: readonly Report[]): Promise<void> {
    const pairs = reports.flatMap((report) =>
      searchableIdentifiers(report).map((identifier) => ({ ...identifier, id: report.id })),
    );
    if (pairs.length === 0) return;
    await runBatch(
      this.redis,
      pairs.map(({ kind, value, id }): RedisCommand => ["srem", this.entityReportsKey(kind, value), id]),
    );
    const identifiers = uniqueCanonical(pairs);
    const replies = await runBatch(
      this.redis,
      identifiers.flatMap(({ kind, value }): RedisCommand[] => [
        ["scard", this.entityReportsKey(kind, value)],
        ["hexists", this.entityKey(kind, value), "verdict"],
      ]),
    );
    const empty = identifiers.filter(
      (_, i) => Number(replies[i * 2]) === 0 && Number(replies[i * 2 + 1]) === 0,
    );
    await runBatch(
      this.redis,
      empty.flatMap(({ kind, value }): RedisCommand[] => [
        ["del", this.entityKey(kind, value)],
        ["del", this.entityReportsKey(kind, value)],
      ]),
    );
  }

  /**
   * Retention: a report older than REPORT_RETENTION_DAYS is deleted with everything that points to
   * it (listing, identifier index — an identifier left with no report and no verdict goes whole —,
   * its reporter's list, the card's message and topic index) and every key named after it (card,
   * posts, notes, notifications, relays). Safe to run again if interrupted: the report key goes last.
   */
  async deleteReport(id: string, actor: Actor = "system"): Promise<boolean> {
    const report = await this.get(id);
    if (!report) return false;
    const k = this.keys;
    const card = hashReply(await this.redis.hgetall(k.reportCard(id)));
    const commands: RedisCommand[] = [
      ["zrem", this.keys.reportsByTime(), id],
      ...STATUSES.map((status): RedisCommand => ["zrem", this.keys.reportsByStatus(status), id]),
    ];
    if (report.reporterRef) commands.push(["srem", this.keys.reporterReports(report.reporterRef), id]);
    // Where its card sits in the moderator group: replies there would otherwise still find it.
    const chatId = Number(card.chat);
    if (Number.isSafeInteger(chatId) && card.chat) {
      if (card.message) commands.push(["del", k.cardIndex(chatId, "message", Number(card.message))]);
      if (card.thread) commands.push(["del", k.cardIndex(chatId, "thread", Number(card.thread))]);
    }
    commands.push(...this.offers.removeCommands(id, reportSignature(report)));
    for (const key of [
      k.reportCard(id),
      k.reportPosts(id),
      k.reportForwarding(id),
      k.reportNotifications(id),
      k.reportRelays(id),
      k.reportNotes(id),
      k.reportAnalysis(id),
      k.reportFocalResponses(id),
      k.reportDeadlines(id),
    ]) {
      commands.push(["del", key]);
    }
    await runBatch(this.redis, commands);
    await this.unindex([report]);
    await runBatch(this.redis, [
      ["del", k.report(id)],
      this.auditCommand({ action: "report.deleted", reportId: id, actor, detail: { reason: "retention" } }),
    ]);
    return true;
  }

  // ── audit ─────────────────────────────────────────────────────────────────────────────────

  async audit(event: AuditEvent): Promise<void> {
    await runBatch(this.redis, [this.auditCommand(event)]);
  }

  private auditCommand(event: AuditEvent): RedisCommand {
    const fields: string[] = ["action", event.action, "actor", event.actor, "at", this.now().toISOString()];
    if (event.reportId) fields.push("reportId", event.reportId);
    if (event.detail && Object.keys(event.detail).length > 0)
      fields.push("detail", JSON.stringify(event.detail));
    return ["xadd", this.keys.audit(), "MAXLEN", "~", AUDIT_MAX_LENGTH, "*", ...fields];
  }

  /** The newest `count` audit entries, newest first. */
  async readAudit(count: number): Promise<AuditEntry[]> {
    const entries = (await this.redis.call("xrevrange", [
      this.keys.audit(),
      "+",
      "-",
      "COUNT",
      count,
    ])) as Array<[string, string[]]>;
    return entries.map(([id, flat]) => {
      const fields = auditFieldsSchema.parse(hashReply(flat));
      const detail = fields.detail
        ? z.record(z.string(), z.string()).parse(JSON.parse(fields.detail))
        : undefined;
      return {
        id,
        action: fields.action,
        actor: fields.actor,
        at: fields.at,
        ...(fields.reportId ? { reportId: fields.reportId } : {}),
        ...(detail ? { detail } : {}),
      };
    });
  }
}

/** Identifiers in their canonical form where possible, each once. */
function canonicalIdentifiers(identifiers: readonly RecruiterIdentifier[]): RecruiterIdentifier[] {
  const seen = new Set<string>();
  const result: RecruiterIdentifier[] = [];
  for (const identifier of identifiers) {
    const value = canonicalIdentifier(identifier.kind, identifier.value) ?? identifier.value;
    const key = `${identifier.kind}\u0000${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ ...identifier, value });
  }
  return result;
}

function uniqueCanonical(
  identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string }>,
): Array<{ kind: IdentifierKind; value: string }> {
  const seen = new Map<string, { kind: IdentifierKind; value: string }>();
  for (const { kind, value: input } of identifiers) {
    const value = canonicalIdentifier(kind, input);
    if (value !== undefined) seen.set(`${kind}\u0000${value}`, { kind, value });
  }
  return [...seen.values()];
}

/**
 * Everything in a report that points at the recruiter: the listed identifiers (forwarded senders
 * only when the reporter confirmed them) and the agency name.
 */
export function indexedIdentifiers(report: Pick<Report, "recruiter">): Array<{
  kind: IdentifierKind;
  value: string;
}> {
  const found: Array<{ kind: IdentifierKind; value: string }> = [...report.recruiter.identifiers];
  if (report.recruiter.agencyName) found.push({ kind: "agency", value: report.recruiter.agencyName });
  return uniqueCanonical(found);
}

/** Everything a case is found under by `/find`: its indexed identifiers and the contacts named in additions. */
export function searchableIdentifiers(report: Pick<Report, "recruiter" | "additions">): Array<{
  kind: IdentifierKind;
  value: string;
}> {
  return uniqueCanonical([
    ...indexedIdentifiers(report),
    ...report.additions.flatMap((a) => a.identifiers ?? []),
  ]);
}
