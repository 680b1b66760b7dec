/**
 * `/export [from] [to]`: reports as a CSV document for officers' spreadsheets. Nothing that
 * identifies the reporter is in it (no pseudonym, contact or location of someone who departed):
 * the file leaves the bot and is mailed around. RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM
 * so Excel reads Indonesian text, and cells that a spreadsheet would run as a formula defused.
 */
import type { Report } from "#src/reports/report.js";
import { reportBatches } from "#src/reports/report-batches.js";
import type { ReportStore } from "#src/reports/store.js";

export const CSV_BOM = "\uFEFF";

export const CSV_COLUMNS = [
  "id",
  "created",
  "status",
  "level",
  "urgent",
  "reporter_kind",
  "destination_country",
  "destination_city",
  "job",
  "salary",
  "fees",
  "paid",
  "passport_handed_over",
  "someone_departed",
  "recruiter_identifiers",
  "indicators",
  "screenshots",
] as const;

/** Reporter kinds as officers speak of them; "family_friend" is a relative or friend. */
const REPORTER_KIND: Record<Report["reporterKind"], string> = {
  self: "self",
  family_friend: "relative",
  abroad: "abroad",
  other: "other",
};

/**
 * One CSV field. Anything a spreadsheet could run as a formula (OWASP "CSV injection") gets an
 * apostrophe: a cell starting with = + - @ (or a tab or CR), and the same after any separator a
 * spreadsheet might split on — "," and ";" (Excel in Indonesian and many European locales splits
 * on ";"), a tab, "|" or a line break — since the cell may be cut there. A field holding ";" is
 * quoted too, so it stays one cell.
 */
export function csvField(value: string): string {
  const inner = value.replace(/(?<!^)([,;\t|\r\n])(\s*)([=+\-@])/g, "$1$2'$3");
  const safe = /^[=+\-@\t\r]/.test(inner) ? `'${inner}` : inner;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The row of one report, in CSV_COLUMNS order. */
export function reportRow(report: Report): string[] {
  const identifiers = report.recruiter.identifiers.map((i) => `${i.kind}:${i.value}`);
  // Senders of forwarded messages are left out: that may be the missing person, not the recruiter.
  if (report.recruiter.agencyName) identifiers.push(`agency:${report.recruiter.agencyName}`);
  const screenshots =
    report.offer.media.length + report.additions.reduce((n, a) => n + (a.media?.length ?? 0), 0);
  return [
    report.id,
    report.createdAt,
    report.status,
    report.screening.level,
    report.urgent ? "yes" : "no",
    REPORTER_KIND[report.reporterKind],
    report.destination.country ?? "",
    report.destination.city ?? "",
    report.jobTitle ?? "",
    report.salary ?? "",
    report.money.asked ?? "",
    report.money.paid ?? "",
    report.documents.passportHandedOver,
    report.departed ? "yes" : "no",
    identifiers.join("; "),
    report.screening.indicators.join("; "),
    String(screenshots),
  ];
}

/** The document line by line (BOM and header first), reports created in [from, to) oldest first. */
export async function* reportsCsvLines(
  store: ReportStore,
  window: { from: Date; to: Date },
): AsyncGenerator<string> {
  yield CSV_BOM + csvRecord(CSV_COLUMNS);
  const ids = await store.idsCreatedBetween(window.from, window.to);
  for await (const batch of reportBatches(store, ids)) {
    for (const report of batch) yield csvRecord(reportRow(report));
  }
}

/** The whole document as one string (a Telegram document is at most 50 MB; reports are far smaller). */
export async function exportReportsCsv(
  store: ReportStore,
  window: { from: Date; to: Date },
): Promise<string> {
  let csv = "";
  for await (const line of reportsCsvLines(store, window)) csv += line;
  return csv;
}
