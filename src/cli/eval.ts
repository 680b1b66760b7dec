/**
 * `npm run eval`: screens the labelled sets in data/eval/ and prints how well the level separates
 * scam offers from everything else. "Positive" means a level of medium or above.
 * `npm run eval -- --llm` also runs every offer through the configured model (OPENAI_*) and prints
 * the rules-only and rules+model tables side by side. It calls a real endpoint: never part of CI.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { createAnalyser } from "#src/analysis/analyse.js";
import { createModelClient } from "#src/analysis/client.js";
import { ConfigError, parseModelConfig } from "#src/config.js";
import { createLogger } from "#src/logger.js";
import { createMetrics } from "#src/metrics.js";
import { createKeys } from "#src/redis-keys.js";
import { dataFilePath } from "#src/screening/data-files.js";
import { screenOffer } from "#src/screening/index.js";
import { LEVELS, type Level, type ScreeningResult } from "#src/screening/types.js";

const Row = z.object({
  id: z.string(),
  lang: z.string(),
  channel: z.string().optional(),
  text: z.string(),
  label: z.enum(["scam", "legit"]),
  expected_level: z.enum(["low", "medium", "high", "critical"]),
  expected_indicators: z.array(z.string()).default([]),
  notes: z.string().optional(),
});
export type EvalRow = z.infer<typeof Row>;

export const EVAL_SETS = {
  dev: ["dev-scam.jsonl", "dev-legit.jsonl"],
  hard: ["hard-cases.jsonl"],
} as const;

export interface Scored {
  row: EvalRow;
  result: ScreeningResult;
  positive: boolean;
  isWarning: boolean;
}

export interface Metrics {
  total: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
}

export interface EvalReport {
  rows: Scored[];
  overall: Metrics;
  byLanguage: Map<string, Metrics>;
  /** expected level → predicted level → count */
  levelMatrix: Map<Level, Map<Level, number>>;
  warningsAtHigh: Scored[];
  misses: Scored[];
  falseAlarms: Scored[];
}

export function readEvalRows(files: readonly string[]): EvalRow[] {
  return files.flatMap((file) =>
    readFileSync(dataFilePath(`eval/${file}`), "utf8")
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "")
      .map((line, i) => {
        try {
          return Row.parse(JSON.parse(line));
        } catch (error) {
          throw new Error(`data/eval/${file}:${i + 1}: ${(error as Error).message}`);
        }
      }),
  );
}

const isPositive = (level: Level): boolean => level !== "low";
const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

function metricsOf(rows: readonly Scored[]): Metrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const r of rows) {
    const scam = r.row.label === "scam";
    if (scam && r.positive) tp++;
    else if (scam) fn++;
    else if (r.positive) fp++;
    else tn++;
  }
  return {
    total: rows.length,
    tp,
    fp,
    tn,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    falsePositiveRate: ratio(fp, fp + tn),
  };
}

export function evaluate(files: readonly string[]): EvalReport {
  return summarise(readEvalRows(files).map((row) => scored(row, screenOffer(row.text))));
}

function scored(row: EvalRow, result: ScreeningResult): Scored {
  return {
    row,
    result,
    positive: isPositive(result.level),
    isWarning: row.label === "legit" && row.expected_indicators.includes("ok_warning_or_news_context"),
  };
}

function summarise(rows: Scored[]): EvalReport {
  const byLanguage = new Map<string, Metrics>();
  for (const lang of [...new Set(rows.map((r) => r.row.lang))].sort()) {
    byLanguage.set(lang, metricsOf(rows.filter((r) => r.row.lang === lang)));
  }
  const levelMatrix = new Map<Level, Map<Level, number>>();
  for (const expected of LEVELS) levelMatrix.set(expected, new Map(LEVELS.map((l) => [l, 0])));
  for (const r of rows) {
    const line = levelMatrix.get(r.row.expected_level)!;
    line.set(r.result.level, (line.get(r.result.level) ?? 0) + 1);
  }
  return {
    rows,
    overall: metricsOf(rows),
    byLanguage,
    levelMatrix,
    warningsAtHigh: rows.filter(
      (r) => r.isWarning && (r.result.level === "high" || r.result.level === "critical"),
    ),
    misses: rows
      .filter((r) => r.row.label === "scam" && !r.positive)
      .sort((a, b) => a.result.score - b.result.score),
    falseAlarms: rows
      .filter((r) => r.row.label === "legit" && r.positive)
      .sort((a, b) => b.result.score - a.result.score),
  };
}

const pct = (x: number): string => (Number.isNaN(x) ? "  n/a" : `${(x * 100).toFixed(1).padStart(5)}%`);

function formatMetrics(label: string, m: Metrics): string {
  return `${label.padEnd(8)} n=${String(m.total).padStart(3)}  TP=${String(m.tp).padStart(3)} FN=${String(m.fn).padStart(3)} FP=${String(m.fp).padStart(3)} TN=${String(m.tn).padStart(3)}  precision ${pct(m.precision)}  recall ${pct(m.recall)}  FPR ${pct(m.falsePositiveRate)}`;
}

const brief = (s: Scored): string =>
  `  ${s.row.id} [${s.row.lang}] expected ${s.row.expected_level}, got ${s.result.level} (score ${s.result.score}, ${s.result.kind}): ${
    s.result.indicators
      .filter((h) => h.strength > 0)
      .map((h) => h.id)
      .join(", ") || "no indicators"
  }\n    ${s.row.text.replace(/\s+/g, " ").slice(0, 140)}`;

export function formatReport(name: string, report: EvalReport): string {
  const out: string[] = [`== ${name} ==`];
  const m = report.overall;
  out.push("Confusion matrix (scam = level medium or above):");
  out.push("                predicted scam   predicted not");
  out.push(`  label scam    ${String(m.tp).padStart(14)}   ${String(m.fn).padStart(13)}`);
  out.push(`  label legit   ${String(m.fp).padStart(14)}   ${String(m.tn).padStart(13)}`);
  out.push("Levels (rows: expected, columns: predicted):");
  out.push(`  ${"".padEnd(9)}${LEVELS.map((l) => l.padStart(9)).join("")}`);
  for (const [expected, line] of report.levelMatrix) {
    const total = [...line.values()].reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    out.push(`  ${expected.padEnd(9)}${LEVELS.map((l) => String(line.get(l) ?? 0).padStart(9)).join("")}`);
  }
  out.push(formatMetrics("all", m));
  for (const [lang, lm] of report.byLanguage) out.push(formatMetrics(lang, lm));
  out.push(`Warnings about scams at high or above: ${report.warningsAtHigh.length}`);
  for (const s of report.warningsAtHigh) out.push(brief(s));
  out.push(`Worst misses (scam below medium): ${report.misses.length}`);
  for (const s of report.misses.slice(0, 10)) out.push(brief(s));
  out.push(`False alarms (legit at medium or above): ${report.falseAlarms.length}`);
  for (const s of report.falseAlarms.slice(0, 10)) out.push(brief(s));
  return out.join("\n");
}

/** Targets on the development set (issue 3). */
export const TARGETS = { recall: 0.95, falsePositiveRate: 0.05, warningsAtHigh: 0 } as const;

/** Two reports' lines next to each other, the left one padded to a column. */
export function sideBySide(left: string, right: string, width = 112): string {
  const a = left.split("\n");
  const b = right.split("\n");
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
    `${(a[i] ?? "").padEnd(width)} │ ${b[i] ?? ""}`.trimEnd(),
  ).join("\n");
}

/**
 * The same rows, each level replaced by the guarded rules+model level (never below the rules).
 * A failed call keeps the rules' level and is counted.
 */
export async function evaluateWithModel(
  files: readonly string[],
  env: Record<string, string | undefined>,
  concurrency = 4,
): Promise<{ rules: EvalReport; withModel: EvalReport; failures: Map<string, number> }> {
  const config = parseModelConfig(env);
  const client = createModelClient(config);
  if (!client) throw new ConfigError(["OPENAI_API_KEY and OPENAI_MODEL: required for --llm"]);
  const analyser = createAnalyser({
    client,
    config,
    keys: createKeys("eval:"),
    metrics: createMetrics({ defaultMetrics: false }),
    logger: createLogger({ level: "silent", pretty: false, secrets: [config.OPENAI_API_KEY ?? ""] }),
  });
  const rows = readEvalRows(files);
  const rules = rows.map((row) => scored(row, screenOffer(row.text)));
  const withModel: Scored[] = new Array(rows.length);
  const failures = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const { row, result } = rules[i]!;
        const ids = result.indicators.filter((h) => h.strength > 0).map((h) => h.id);
        const opinion = await analyser.secondOpinion([row.text], { level: result.level, indicators: ids });
        if (opinion.outcome !== "ok" && opinion.outcome !== "injection")
          failures.set(opinion.outcome, (failures.get(opinion.outcome) ?? 0) + 1);
        withModel[i] = scored(row, { ...result, level: opinion.level });
      }
    }),
  );
  return { rules: summarise(rules), withModel: summarise(withModel), failures };
}

async function evalWithModelCommand(env: Record<string, string | undefined>): Promise<number> {
  try {
    for (const [name, files] of [
      ["development set", EVAL_SETS.dev],
      ["hard cases", EVAL_SETS.hard],
    ] as const) {
      const { rules, withModel, failures } = await evaluateWithModel(files, env);
      console.log(
        sideBySide(
          formatReport(`${name}: rules only`, rules),
          formatReport(`${name}: rules + model`, withModel),
        ),
      );
      if (failures.size > 0)
        console.log(
          `Model calls that failed (rules level kept): ${[...failures].map(([r, n]) => `${r} ×${n}`).join(", ")}`,
        );
      console.log();
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

export async function evalCommand(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  if (argv[0] === "--llm" && argv.length === 1) return evalWithModelCommand(env);
  if (argv.length > 0 && argv[0] !== "--verbose") {
    console.error("Usage: waspada eval [--verbose | --llm]");
    return 2;
  }
  const dev = evaluate(EVAL_SETS.dev);
  const hard = evaluate(EVAL_SETS.hard);
  const all = evaluate([...EVAL_SETS.dev, ...EVAL_SETS.hard]);
  console.log(formatReport("development set (dev-scam + dev-legit)", dev));
  console.log();
  console.log(formatReport("hard cases", hard));
  console.log();
  console.log(formatReport("all", all));
  if (argv[0] === "--verbose") {
    for (const s of all.rows) console.log(brief(s));
  }
  const ok =
    dev.overall.recall >= TARGETS.recall &&
    dev.overall.falsePositiveRate <= TARGETS.falsePositiveRate &&
    dev.warningsAtHigh.length === TARGETS.warningsAtHigh;
  console.log(`\nDev targets (recall ≥ 0.95, FPR ≤ 5 %, no warning at high): ${ok ? "met" : "NOT met"}`);
  return ok ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await evalCommand(process.argv.slice(2));
}
