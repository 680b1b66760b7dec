/**
 * `waspada import-agencies FILE.csv [--dry-run]`: marks the agencies of the ministry's licensed
 * list as licensed (see src/reports/licensed-agencies.ts). Needs only the store's configuration
 * (REDIS_* and DATA_KEY), so an operator can run it without the bot's token.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadStoreConfig } from "#src/config.js";
import { checkKeys, WrongKeyError } from "#src/privacy/key-check.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer } from "#src/privacy/sealed.js";
import { createRedis, describeRedis } from "#src/redis.js";
import { createKeys } from "#src/redis-keys.js";
import {
  AgencyListFormatError,
  type ImportSummary,
  importLicensedAgencies,
  type ParsedAgencyList,
  parseLicensedAgenciesCsv,
  type RowProblem,
} from "#src/reports/licensed-agencies.js";
import { ReportStore } from "#src/reports/store.js";

const USAGE = `Usage:
  waspada import-agencies FILE.csv [--dry-run]
The file: a header row naming at least a name column and a licence (SIP2MI) column, optionally
city and province; one agency per row; ";" or "," between fields, quotes around fields that
contain them. See data/licensed-agencies.example.csv. The real list is the ministry's (BP2MI /
KP2MI) registry of licensed P3MI.
Options:
  --dry-run   read the file and compare with Redis, write nothing
  -h, --help  this help
Environment: REDIS_URL (or REDIS_SENTINELS / REDIS_CLUSTER_NODES), REDIS_PREFIX, DATA_KEY.`;

/** Problems listed one per line, at most this many of each kind (the counts are always complete). */
const LISTED = 20;

function listProblems(title: string, problems: readonly RowProblem[]): string[] {
  if (problems.length === 0) return [];
  const lines = problems
    .slice(0, LISTED)
    .map((p) => `    line ${p.line}${p.name ? ` (${JSON.stringify(p.name)})` : ""}: ${p.reason}`);
  if (problems.length > LISTED) lines.push(`    … and ${problems.length - LISTED} more`);
  return [`  ${title}: ${problems.length}`, ...lines];
}

export function formatSummary(file: string, parsed: ParsedAgencyList, summary: ImportSummary): string {
  const duplicates: RowProblem[] = parsed.duplicates.map((d) => ({
    line: d.line,
    name: d.name,
    reason: `repeats line ${d.firstLine}${d.sameLicence ? "" : " with another licence number; the first is kept"}`,
  }));
  return [
    `Licensed agencies from ${file}${summary.dryRun ? " (dry run: nothing written)" : ""}`,
    `  rows read: ${parsed.agencies.length + parsed.duplicates.length + parsed.skipped.length}`,
    `  ${summary.dryRun ? "would import" : "imported"}: ${summary.imported}`,
    `  already up to date: ${summary.unchanged}`,
    ...listProblems("duplicates", duplicates),
    ...listProblems("skipped", parsed.skipped),
    ...listProblems("left as officers marked them", summary.keptOfficerVerdict),
  ].join("\n");
}

export async function importAgenciesCommand(argv: string[]): Promise<number> {
  let file: string;
  let dryRun: boolean;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { "dry-run": { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error("give exactly one CSV file");
    file = positionals[0]!;
    dryRun = values["dry-run"] ?? false;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let parsed: ParsedAgencyList;
  try {
    parsed = parseLicensedAgenciesCsv(readFileSync(file, "utf8"));
  } catch (error) {
    const reason =
      error instanceof AgencyListFormatError
        ? error.message
        : `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    console.error(`${file}: ${reason}`);
    return 1;
  }

  const config = loadStoreConfig();
  if (!config) return 2;

  const redis = createRedis(config, { connectionName: "waspada-import-agencies" });
  redis.on("error", () => {}); // reported once below, not on every reconnect attempt
  try {
    try {
      await redis.connect();
    } catch {
      console.error(`Cannot reach Redis (${describeRedis(config)}); nothing imported.`);
      return 1;
    }
    const keys = createKeys(config.REDIS_PREFIX);
    const sealer = createSealer(config.DATA_KEY);
    const pseudonymize = createPseudonymizer(config.DATA_KEY, config.PSEUDONYM_KEY);
    // The index is keyed by digests under the pseudonym key: a wrong key would write where no
    // look-up finds it.
    try {
      await checkKeys({ redis, keys, pseudonymize, sealer, dataKeys: config.DATA_KEY, record: !dryRun });
    } catch (error) {
      if (!(error instanceof WrongKeyError)) throw error;
      console.error(`${error.message} Nothing imported.`);
      return 2;
    }
    const store = new ReportStore({ redis, keys, sealer, pseudonymize });
    const summary = await importLicensedAgencies(store, parsed.agencies, { dryRun });
    console.log(formatSummary(file, parsed, summary));
    return 0;
  } finally {
    redis.disconnect();
  }
}
