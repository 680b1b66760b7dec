/**
 * The recruiter-identifier index: each identifier (canonical form) keyed by an HMAC digest, with
 * the reports that mention it and an officer's or the system's verdict. Lookups need only
 * equality, so nobody reading Redis can list who was reported.
 */
import { z } from "zod";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { RedisClient } from "#src/redis.js";
import { type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";
import { canonicalIdentifier } from "#src/reports/identifiers.js";
import type { RecruiterIdentifier, Report } from "#src/reports/report.js";
import type { AuditLog } from "#src/reports/store/audit-log.js";
import type {
  ExtractedIdentifier,
  IdentifierKind,
  IdentifierLookup,
  KnownIdentifier,
} from "#src/screening/types.js";

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

export interface IdentifierIndex extends IdentifierLookup {
  /** Known identifiers with their report counts; `excludeReportId` leaves one report out of the counts. */
  lookup(
    identifiers: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>,
    options?: { excludeReportId?: string },
  ): Promise<KnownIdentifier[]>;
  /** Ids of the reports that mention an identifier, sorted; `except` leaves one out ("N times before"). */
  reportsMentioning(kind: IdentifierKind, value: string, options?: { except?: string }): Promise<string[]>;
}

const verdictSchema = z.enum(["known_recruiter", "licensed_agency"]);
export const officerIdSchema = z.string().regex(/^\d{1,20}$/, "an officer's Telegram user id");
const licenceSchema = z.string().trim().min(1).max(100);

export class IdentifierIndexStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly pseudonymize: Pseudonymize,
    private readonly auditLog: AuditLog,
    private readonly now: () => Date,
  ) {}

  /** Index entries for contacts named in an addition to a report (at `at`); all idempotent. */
  additionCommands(
    reportId: string,
    identifiers: ReadonlyArray<{ kind: IdentifierKind; value: string }>,
    at: string,
  ): RedisCommand[] {
    return identifiers.flatMap(({ kind, value }): RedisCommand[] => [
      ["sadd", this.entityReportsKey(kind, value), reportId],
      ["hsetnx", this.entityKey(kind, value), "firstSeen", at],
      ["hset", this.entityKey(kind, value), "kind", kind, "lastSeen", at],
    ]);
  }

  /** The index entries of a report's identifiers; all idempotent. */
  addCommands(report: Report): RedisCommand[] {
    const commands: RedisCommand[] = [];
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

  async lookup(
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

  /** See ReportStore.markIdentifier. */
  async mark(
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
      this.auditLog.command({
        action: "identifier.mark",
        actor: by === "system" ? "system" : `officer:${by}`,
        detail: { kind, identifier: this.digest(kind, value), verdict: verdict ?? "none" },
      }),
    ]);
    return true;
  }

  /**
   * Stable, keyed stand-in for an identifier (same identifier, same digest): the index and the
   * audit stream name identifiers only by it, since every lookup needs only equality. Someone
   * reading Redis cannot list who was reported, nor test a number without the pseudonym key.
   */
  digest(kind: IdentifierKind, value: string): string {
    return this.pseudonymize("user", `identifier:${kind}:${value}`);
  }

  /** Hash of a canonical identifier: first/last seen, verdict, licence. */
  private entityKey(kind: IdentifierKind, value: string): string {
    return this.keys.entity(kind, this.digest(kind, value));
  }

  /** Set of the reports that mention a canonical identifier. */
  private entityReportsKey(kind: IdentifierKind, value: string): string {
    return this.keys.entityReports(kind, this.digest(kind, value));
  }

  /**
   * For each identifier (canonicalised, each once; invalid ones left out): the ids of the reports
   * that mention it, sorted, and its verdict and licence number. One round trip for any number.
   */
  async details(
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

  /**
   * Takes reports out of the identifier index, and drops every identifier left with no report and
   * no verdict (its hash and set), so nothing of an erased or expired report lingers there.
   */
  async remove(reports: readonly Report[]): Promise<void> {
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
}

/** Identifiers in their canonical form where possible, each once. */
export function canonicalIdentifiers(identifiers: readonly RecruiterIdentifier[]): RecruiterIdentifier[] {
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

export function uniqueCanonical(
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
