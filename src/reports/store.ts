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
  type Report,
  type ReportDraft,
  reportDraftSchema,
} from "#src/reports/report.js";
import { newReportId, REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import { canTransition, isOpenStatus, type ReportStatus, STATUSES } from "#src/reports/status.js";
import { type AuditEntry, type AuditEvent, AuditLog } from "#src/reports/store/audit-log.js";
import {
  canonicalIdentifiers,
  type IdentifierDetails,
  type IdentifierIndex,
  IdentifierIndexStore,
  type IdentifierVerdict,
  officerIdSchema,
  uniqueCanonical,
} from "#src/reports/store/identifier-index.js";
import {
  type Reporter,
  type ReporterInput,
  Reporters,
  reporterInputSchema,
} from "#src/reports/store/reporters.js";
import { type ChangeResult, changeReport } from "#src/reports/store/transaction.js";
import { extractIdentifiers } from "#src/screening/extract/index.js";
import type { IdentifierKind } from "#src/screening/types.js";

export type { AuditEntry, AuditEvent } from "#src/reports/store/audit-log.js";
export type {
  IdentifierDetails,
  IdentifierIndex,
  IdentifierVerdict,
} from "#src/reports/store/identifier-index.js";
export { indexedIdentifiers, searchableIdentifiers } from "#src/reports/store/identifier-index.js";
export type { Reporter, ReporterInput } from "#src/reports/store/reporters.js";
export type { ChangeResult } from "#src/reports/store/transaction.js";

/** A repeated confirmation later than this creates a new report; Telegram redelivers within minutes. */
const ONCE_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface ReportStoreDeps {
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  pseudonymize: Pseudonymize;
  now?: () => Date;
}

export type StatusChangeResult = ChangeResult<"not_found" | "not_allowed" | "unchanged">;
export type AdditionResult = ChangeResult<"not_found" | "closed" | "too_many">;

const onceValueSchema = z.string().regex(REPORT_ID_PATTERN);
const onceKeySchema = z.string().min(1).max(200);
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

function createdScore(report: Pick<Report, "createdAt">): number {
  return Date.parse(report.createdAt);
}

/**
 * The one facade over reports in Redis. Its sections live beside it in store/: the identifier
 * index, reporter records, the audit log and the optimistic transaction a report changes through.
 */
export class ReportStore {
  readonly lookup: IdentifierIndex;
  /** Offers seen before: MinHash signatures of reported offers (src/reports/offer-index.ts). */
  readonly offers: OfferIndex;
  private readonly redis: RedisClient;
  private readonly keys: Keys;
  private readonly now: () => Date;
  private readonly auditLog: AuditLog;
  private readonly identifiers: IdentifierIndexStore;
  private readonly reporters: Reporters;

  constructor(deps: ReportStoreDeps) {
    this.redis = deps.redis;
    this.keys = deps.keys;
    this.now = deps.now ?? (() => new Date());
    this.offers = new OfferIndex(this.redis, this.keys);
    this.auditLog = new AuditLog(this.redis, this.keys, this.now);
    this.identifiers = new IdentifierIndexStore(
      this.redis,
      this.keys,
      deps.pseudonymize,
      this.auditLog,
      this.now,
    );
    this.reporters = new Reporters(this.redis, this.keys, deps.sealer, this.now);
    this.lookup = {
      lookup: (identifiers, options) => this.identifiers.lookup(identifiers, options?.excludeReportId),
      reportsMentioning: (kind, value, options) => this.identifiers.reportsMentioning(kind, value, options),
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
      commands.push(...this.reporters.commands(report.id, onceKey, reporter));
    if (created) {
      commands.push(
        this.auditLog.command({
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
    return [
      ["zadd", this.keys.reportsByTime(), "NX", score, report.id],
      ["zadd", this.keys.reportsByStatus(report.status), "NX", score, report.id],
      ...this.offers.addCommands(report.id, reportSignature(report)),
      ...this.identifiers.addCommands(report),
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

  // ── the identifier index (store/identifier-index.ts) ──────────────────────────────────────

  /** Ids of the reports that mention an identifier, sorted; `except` leaves one out ("N times before"). */
  reportsMentioning(
    kind: IdentifierKind,
    input: string,
    options: { except?: string } = {},
  ): Promise<string[]> {
    return this.identifiers.reportsMentioning(kind, input, options);
  }

  /**
   * An officer's verdict on an identifier (null clears it), or the system's (`by` = "system", e.g.
   * the licensed-agency import, which also records the `licence` number the ministry publishes).
   * Any other verdict, or none, drops a stored licence: the officer has overruled the list. Returns
   * false when the value is not a valid identifier of that kind. The audit names the identifier by
   * a keyed digest, not in clear.
   */
  markIdentifier(
    kind: IdentifierKind,
    input: string,
    verdict: IdentifierVerdict | null,
    by: string,
    facts: { licence?: string } = {},
  ): Promise<boolean> {
    return this.identifiers.mark(kind, input, verdict, by, facts);
  }

  /**
   * Stable, keyed stand-in for an identifier (same identifier, same digest): the index and the
   * audit stream name identifiers only by it, since every lookup needs only equality. Someone
   * reading Redis cannot list who was reported, nor test a number without the pseudonym key.
   */
  identifierDigest(kind: IdentifierKind, value: string): string {
    return this.identifiers.digest(kind, value);
  }

  /**
   * For each identifier (canonicalised, each once; invalid ones left out): the ids of the reports
   * that mention it, sorted, and its verdict and licence number. One round trip for any number.
   */
  identifierDetails(
    identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string }>,
  ): Promise<IdentifierDetails[]> {
    return this.identifiers.details(identifiers);
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
        this.auditLog.command({
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
        ...this.identifiers.additionCommands(after.id, identifiers, after.updatedAt),
        this.auditLog.command({
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
        this.auditLog.command({
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
        this.auditLog.command({
          action: "report.urgent",
          reportId: after.id,
          actor,
          detail: { urgent: String(urgent) },
        }),
      ],
    );
  }

  /** See store/transaction.ts. */
  private change<Reason extends string>(
    id: string,
    apply: (report: Report, at: string) => Report | Reason,
    followUp: (before: Report, after: Report) => RedisCommand[],
  ): Promise<ChangeResult<Reason | "not_found">> {
    if (!REPORT_ID_PATTERN.test(id)) return Promise.resolve({ ok: false, reason: "not_found" });
    return changeReport(this.redis, { id, key: this.keys.report(id), now: this.now }, apply, followUp);
  }

  // ── reporters (store/reporters.ts) ─────────────────────────────────────────────────────────

  /** The reporter's record with contact details opened, or undefined if there is none. */
  reporterOf(ref: string): Promise<Reporter | undefined> {
    return this.reporters.of(ref);
  }

  /** The reporter's reports, newest first. */
  async reportsOf(ref: string): Promise<Report[]> {
    const ids = await this.redis.smembers(this.keys.reporterReports(ref));
    const reports = await this.getMany(ids);
    return reports.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The reporter blocked the bot; notifications stop. No effect if the record does not exist. */
  markReporterBlocked(ref: string): Promise<void> {
    return this.reporters.markBlocked(ref);
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
    await this.identifiers.remove(detached);
    // The record goes last, so an interrupted erasure still finds the reports when run again.
    await runBatch(this.redis, [
      ...(await this.reporters.eraseCommands(ref)),
      this.auditLog.command({
        action: "reporter.erase",
        actor: "reporter",
        detail: { reports: String(reports) },
      }),
    ]);
    return { reports };
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
    await this.identifiers.remove([report]);
    await runBatch(this.redis, [
      ["del", k.report(id)],
      this.auditLog.command({
        action: "report.deleted",
        reportId: id,
        actor,
        detail: { reason: "retention" },
      }),
    ]);
    return true;
  }

  // ── audit (store/audit-log.ts) ─────────────────────────────────────────────────────────────

  audit(event: AuditEvent): Promise<void> {
    return this.auditLog.append(event);
  }

  /** The newest `count` audit entries, newest first. */
  readAudit(count: number): Promise<AuditEntry[]> {
    return this.auditLog.read(count);
  }
}
