/**
 * Keeps the promise made in /privacy: reports are deleted REPORT_RETENTION_DAYS after they were
 * made, with their index entries and officer-side records (see ReportStore.deleteReport).
 */
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { ReportStore } from "#src/reports/store.js";

const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function deleteExpiredReports(deps: {
  redis: RedisClient;
  keys: Keys;
  reports: ReportStore;
  retentionDays: number;
  now?: () => number;
}): Promise<number> {
  const cutoff = (deps.now ?? Date.now)() - deps.retentionDays * DAY_MS;
  let deleted = 0;
  for (;;) {
    const ids = await deps.redis.zrangebyscore(
      deps.keys.reportsByTime(),
      "-inf",
      `(${cutoff}`,
      "LIMIT",
      0,
      BATCH,
    );
    if (ids.length === 0) return deleted;
    for (const id of ids) {
      if (await deps.reports.deleteReport(id)) deleted += 1;
      // A listing entry whose report is already gone is removed too, so the loop always advances.
      else await deps.redis.zrem(deps.keys.reportsByTime(), id);
    }
  }
}
