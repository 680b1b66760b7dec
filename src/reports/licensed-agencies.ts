/**
 * The ministry's list of licensed placement agencies (P3MI, each with an SIP2MI licence number),
 * imported as `licensed_agency` verdicts so screening can explain "this agency is licensed". The
 * list arrives as a spreadsheet export: `;` or `,` (or tab) delimited, quoted fields, a BOM, CRLF.
 * Only what the list publishes is kept: the name (as the identifier) and the licence number.
 */
import { canonicalIdentifier } from "#src/reports/identifiers.js";
import type { IdentifierDetails, ReportStore } from "#src/reports/store.js";

const MAX_LICENCE_LENGTH = 100;
const MAX_NAME_LENGTH = 200;
/** Identifiers per look-up round trip when comparing the list with what Redis holds. */
const LOOKUP_BATCH = 500;
/** Verdict writes in flight at once: quick for a few thousand rows, gentle on a shared Redis. */
const WRITE_CONCURRENCY = 16;

export interface LicensedAgency {
  /** Line of the file the row starts on (1-based), for messages. */
  line: number;
  name: string;
  /** The canonical agency identifier the name is indexed under. */
  canonical: string;
  licence: string;
  city?: string;
  province?: string;
}

export interface RowProblem {
  line: number;
  name?: string;
  reason: string;
}

export interface ParsedAgencyList {
  delimiter: string;
  agencies: LicensedAgency[];
  skipped: RowProblem[];
  /** Rows naming an agency already listed above; the first row wins. */
  duplicates: Array<{ line: number; name: string; firstLine: number; sameLicence: boolean }>;
}

/** The file cannot be read as a list at all; the message says what to fix. */
export class AgencyListFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AgencyListFormatError";
  }
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** The delimiter used in the header line: the most frequent of ; , and tab outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text.trimStart()) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter;
  return best;
}

/** RFC 4180 records (quoted fields may hold delimiters, doubled quotes and line breaks). */
function readCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted)
    throw new AgencyListFormatError(`line ${quoteLine}: a quoted field is never closed (a " is missing)`);
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

type Column = "name" | "licence" | "city" | "province";

/** Header cells in the ministry's Indonesian and in English. */
function columnOf(header: string): Column | undefined {
  const h = header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (/sip2mi|sip3mi|sippmi|licen[cs]e|izin|ijin/.test(h)) return "licence";
  if (/provinsi|province/.test(h)) return "province";
  if (/kota|kabupaten|city/.test(h)) return "city";
  if (/nama|name|perusahaan|company|agency|p3mi/.test(h)) return "name";
  return undefined;
}

/**
 * Reads the list. Row problems (no licence, a name that is not a name) are reported per row;
 * a file without a usable header or with an unclosed quote throws AgencyListFormatError.
 */
export function parseLicensedAgenciesCsv(input: string): ParsedAgencyList {
  // Comment lines above the header (where the list came from) are blanked, keeping line numbers.
  const text = input
    .replace(/^\uFEFF/, "")
    .replace(/^(?:[ \t]*(?:#[^\r\n]*)?\r?\n)+/, (block) => block.replace(/[^\r\n]+/g, ""));
  if (text.trim() === "")
    throw new AgencyListFormatError("the file is empty: expected a header row and one agency per row");
  const delimiter = detectDelimiter(text);
  const [header, ...rows] = readCsv(text, delimiter);
  const columns = new Map<Column, number>();
  header!.fields.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const nameAt = columns.get("name");
  const licenceAt = columns.get("licence");
  if (nameAt === undefined || licenceAt === undefined) {
    throw new AgencyListFormatError(
      `line ${header!.line}: the header must name a name column and a licence column ` +
        `(e.g. "name;licence" or "Nama P3MI;No SIP2MI"); found ${JSON.stringify(header!.fields)}`,
    );
  }
  const width = header!.fields.length;
  const cell = (fields: string[], at: number | undefined) =>
    at === undefined ? "" : (fields[at] ?? "").replace(/\s+/g, " ").trim();

  const parsed: ParsedAgencyList = { delimiter, agencies: [], skipped: [], duplicates: [] };
  const firstByName = new Map<string, LicensedAgency>();
  for (const { line, fields } of rows) {
    const name = cell(fields, nameAt);
    const licence = cell(fields, licenceAt);
    const problem = (reason: string) => parsed.skipped.push({ line, ...(name ? { name } : {}), reason });
    if (fields.length > width) {
      problem(
        `${fields.length} fields where the header has ${width} (an unquoted "${delimiter}" in a value?)`,
      );
      continue;
    }
    if (name === "") {
      problem("no agency name");
      continue;
    }
    const canonical = name.length <= MAX_NAME_LENGTH ? canonicalIdentifier("agency", name) : undefined;
    if (canonical === undefined) {
      problem("the name is not usable as an agency name (too short or too long)");
      continue;
    }
    if (licence === "") {
      problem("no licence number");
      continue;
    }
    if (licence.length > MAX_LICENCE_LENGTH) {
      problem(`licence number longer than ${MAX_LICENCE_LENGTH} characters`);
      continue;
    }
    const first = firstByName.get(canonical);
    if (first) {
      parsed.duplicates.push({ line, name, firstLine: first.line, sameLicence: first.licence === licence });
      continue;
    }
    const city = cell(fields, columns.get("city"));
    const province = cell(fields, columns.get("province"));
    const agency: LicensedAgency = {
      line,
      name,
      canonical,
      licence,
      ...(city ? { city } : {}),
      ...(province ? { province } : {}),
    };
    firstByName.set(canonical, agency);
    parsed.agencies.push(agency);
  }
  return parsed;
}

export interface ImportSummary {
  dryRun: boolean;
  /** Marked licensed, or given a new licence number (would be, in a dry run). */
  imported: number;
  /** Already marked licensed with the same licence number. */
  unchanged: number;
  /** An officer marked these known recruiters; their verdict stands. */
  keptOfficerVerdict: RowProblem[];
}

/**
 * Marks every agency of the list as licensed, with its licence number. Idempotent: a second run
 * of the same list writes (and audits) nothing. An officer's "known recruiter" is never
 * overwritten by the list; those rows are reported instead.
 */
export async function importLicensedAgencies(
  store: ReportStore,
  agencies: readonly LicensedAgency[],
  options: { dryRun: boolean },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    dryRun: options.dryRun,
    imported: 0,
    unchanged: 0,
    keptOfficerVerdict: [],
  };
  const toWrite: LicensedAgency[] = [];
  for (let at = 0; at < agencies.length; at += LOOKUP_BATCH) {
    const batch = agencies.slice(at, at + LOOKUP_BATCH);
    const details = await store.identifierDetails(batch.map((a) => ({ kind: "agency", value: a.canonical })));
    const byValue = new Map<string, IdentifierDetails>(details.map((d) => [d.value, d]));
    for (const agency of batch) {
      const known = byValue.get(agency.canonical);
      if (known?.verdict === "known_recruiter") {
        summary.keptOfficerVerdict.push({
          line: agency.line,
          name: agency.name,
          reason: "an officer marked this name as a known recruiter; not changed",
        });
      } else if (known?.verdict === "licensed_agency" && known.licence === agency.licence) {
        summary.unchanged += 1;
      } else toWrite.push(agency);
    }
  }
  summary.imported = toWrite.length;
  if (options.dryRun) return summary;

  let next = 0;
  const worker = async () => {
    while (next < toWrite.length) {
      const agency = toWrite[next++]!;
      await store.markIdentifier("agency", agency.canonical, "licensed_agency", "system", {
        licence: agency.licence,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, toWrite.length) }, worker));
  return summary;
}
