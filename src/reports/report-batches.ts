/**
 * Reading many reports for officer views (stats, export, a recruiter's profile): a bounded number
 * of ids per round trip, so ten thousand reports never become one giant reply, and one unreadable
 * report (written by a newer build mid-deploy, or damaged) is counted instead of failing the view.
 */
import { type Report, StoredReportError } from "#src/reports/report.js";
import type { ReportStore } from "#src/reports/store.js";

/** Ids per GET batch: large enough to amortise the round trip, small enough to keep replies modest. */
export const REPORT_BATCH_SIZE = 500;

export interface BatchReadStats {
  /** Ids whose report could not be parsed; they are left out of the batches. */
  unreadable: number;
}

/** Yields the existing reports among `ids` batch by batch, in the order given. */
export async function* reportBatches(
  store: Pick<ReportStore, "get" | "getMany">,
  ids: readonly string[],
  stats: BatchReadStats = { unreadable: 0 },
  size = REPORT_BATCH_SIZE,
): AsyncGenerator<Report[]> {
  for (let at = 0; at < ids.length; at += size) {
    const slice = ids.slice(at, at + size);
    try {
      yield await store.getMany(slice);
    } catch (error) {
      if (!(error instanceof StoredReportError)) throw error;
      // Rare: read this batch one by one to keep the readable reports.
      const readable: Report[] = [];
      for (const id of slice) {
        try {
          const report = await store.get(id);
          if (report) readable.push(report);
        } catch (inner) {
          if (!(inner instanceof StoredReportError)) throw inner;
          stats.unreadable += 1;
        }
      }
      yield readable;
    }
  }
}
