/**
 * `/stats [days]`: what came in over the last days and how fast officers reacted. Reads only the
 * window's ids from `reports:by-time` and the reports in batches, so its cost follows the window,
 * not the size of the whole database.
 */
import { z } from "zod";
import type { Report } from "#src/reports/report.js";
import { reportBatches } from "#src/reports/report-batches.js";
import { isOpenStatus, type ReportStatus, STATUSES } from "#src/reports/status.js";
import { type IdentifierVerdict, indexedIdentifiers, type ReportStore } from "#src/reports/store.js";
import { type IdentifierKind, LEVELS, type Level } from "#src/screening/types.js";

export const MAX_STATS_DAYS = 3_660;
/** Urgent open cases listed by id, oldest first. */
const URGENT_IDS_SHOWN = 5;
const TOP_IDENTIFIERS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

const optionsSchema = z.object({
  days: z.number().int().min(1).max(MAX_STATS_DAYS),
  now: z.date(),
});

export type ReporterKind = Report["reporterKind"];
const REPORTER_KINDS: readonly ReporterKind[] = ["self", "family_friend", "abroad", "other"];

export interface ReportStats {
  /** [from, to): `to` is `now`. */
  window: { from: string; to: string; days: number };
  total: number;
  byStatus: Record<ReportStatus, number>;
  byLevel: Record<Level, number>;
  /** Most first; `country` null when the reporter did not say. */
  byDestination: Array<{ country: string | null; count: number }>;
  byReporterKind: Record<ReporterKind, number>;
  /** Urgent cases of the window that are still open; `oldest` by creation time. */
  urgentOpen: { count: number; oldest: string[] };
  /** Minutes from report to the first status change by an officer; null when none was acted on. */
  medianMinutesToFirstAction: number | null;
  /** Reports of the window that were acted on (the median's sample size). */
  actedOn: number;
  /** Identifiers mentioned by most reports of the window; `verdict` from the officers' marks. */
  topIdentifiers: Array<{ kind: IdentifierKind; value: string; count: number; verdict?: IdentifierVerdict }>;
  /** Reports that could not be read and are not counted. */
  unreadable: number;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Minutes until the first history entry after "received" that an officer made, if any. */
export function minutesToFirstAction(report: Pick<Report, "createdAt" | "history">): number | undefined {
  const first = report.history.slice(1).find((h) => h.actor.startsWith("officer:"));
  if (!first) return undefined;
  return Math.max(0, (Date.parse(first.at) - Date.parse(report.createdAt)) / 60_000);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Statistics of the reports created in the `days` days before `now`. */
export async function computeStats(
  store: ReportStore,
  options: { days: number; now: Date },
): Promise<ReportStats> {
  const { days, now } = optionsSchema.parse(options);
  const from = new Date(now.getTime() - days * DAY_MS);
  const ids = await store.idsCreatedBetween(from, now);

  const byStatus = zeroes(STATUSES);
  const byLevel = zeroes(LEVELS);
  const byReporterKind = zeroes(REPORTER_KINDS);
  const destinations = new Map<string | null, number>();
  const identifiers = new Map<string, { kind: IdentifierKind; value: string; count: number }>();
  const urgent: Array<{ id: string; createdAt: string }> = [];
  const minutes: number[] = [];
  const read = { unreadable: 0 };
  let total = 0;

  for await (const batch of reportBatches(store, ids, read)) {
    for (const report of batch) {
      total += 1;
      byStatus[report.status] += 1;
      byLevel[report.screening.level] += 1;
      byReporterKind[report.reporterKind] += 1;
      const country = report.destination.country ?? null;
      destinations.set(country, (destinations.get(country) ?? 0) + 1);
      if (report.urgent && isOpenStatus(report.status)) urgent.push(report);
      const waited = minutesToFirstAction(report);
      if (waited !== undefined) minutes.push(waited);
      for (const { kind, value } of indexedIdentifiers(report)) {
        const key = `${kind}\u0000${value}`;
        const entry = identifiers.get(key);
        if (entry) entry.count += 1;
        else identifiers.set(key, { kind, value, count: 1 });
      }
    }
  }

  urgent.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
  const top = [...identifiers.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.kind.localeCompare(b.kind) ||
        (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    )
    .slice(0, TOP_IDENTIFIERS);
  const verdicts = new Map(
    (await store.lookup.lookup(top)).flatMap((k) =>
      k.verdict ? [[`${k.kind}\u0000${k.value}`, k.verdict] as const] : [],
    ),
  );

  return {
    window: { from: from.toISOString(), to: now.toISOString(), days },
    total,
    byStatus,
    byLevel,
    byDestination: [...destinations.entries()]
      .map(([country, count]) => ({ country, count }))
      // Unknown last among equals; then by country code, so the order is stable.
      .sort(
        (a, b) =>
          b.count - a.count ||
          Number(a.country === null) - Number(b.country === null) ||
          (a.country ?? "").localeCompare(b.country ?? ""),
      ),
    byReporterKind,
    urgentOpen: { count: urgent.length, oldest: urgent.slice(0, URGENT_IDS_SHOWN).map((r) => r.id) },
    medianMinutesToFirstAction: median(minutes),
    actedOn: minutes.length,
    topIdentifiers: top.map((t) => {
      const verdict = verdicts.get(`${t.kind}\u0000${t.value}`);
      return { ...t, ...(verdict ? { verdict } : {}) };
    }),
    unreadable: read.unreadable,
  };
}
