/**
 * `npm run eval`: screens the labelled corpus (data/eval/*.jsonl and data/eval/corpus/*.jsonl) and
 * prints how well the level separates scam offers from everything else, for the fixed train and
 * test splits side by side (overall, per language, per family) with the gap between them; the split
 * is described in src/cli/corpus.ts. "Positive" means a level of medium or above. Misses and false
 * alarms are listed for the train split only: test texts are never printed.
 * `npm run eval -- --train-only` hides every test figure (for tuning: rules and the model are adjusted
 * on train and train-CV only).
 * `npm run eval -- --llm` also runs every offer through the configured model (OPENAI_*) and prints
 * the rules-only and rules+model tables side by side. It calls a real endpoint: never part of CI.
 */
import { pathToFileURL } from "node:url";
import { createAnalyser } from "#src/analysis/analyse.js";
import { createModelClient } from "#src/analysis/client.js";
import { corpusFiles, type EvalRow, readCorpus, SPLITS, TEST_SHARE } from "#src/cli/corpus.js";
import { ConfigError, parseModelConfig } from "#src/config.js";
import { createLogger } from "#src/logger.js";
import { createMetrics } from "#src/metrics.js";
import { createKeys } from "#src/redis-keys.js";
import { readDataFile } from "#src/screening/data-files.js";
import { screenOffer, shippedModel } from "#src/screening/index.js";
import { OUT_OF_FOLD_FILE, type OutOfFold } from "#src/screening/model.js";
import { LEVELS, type Level, type ScreeningResult } from "#src/screening/types.js";

export type { EvalRow } from "#src/cli/corpus.js";

/** The first labelled sets (kept for the tests that pin them); the whole corpus is `corpusFiles()`. */
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
  return readCorpus(files).rows;
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
    isWarning: row.label === "legit" && (row.kind === "warning" || row.kind === "story"),
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
  for (const s of report.warningsAtHigh.filter((w) => w.row.split === "train")) out.push(brief(s));
  // Texts of the test split are never printed, so nobody tunes on them.
  const train = (s: Scored): boolean => s.row.split === "train";
  out.push(`Worst misses (scam below medium): ${report.misses.length} (train texts shown)`);
  for (const s of report.misses.filter(train).slice(0, 10)) out.push(brief(s));
  out.push(`False alarms (legit at medium or above): ${report.falseAlarms.length} (train texts shown)`);
  for (const s of report.falseAlarms.filter(train).slice(0, 10)) out.push(brief(s));
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

/** Targets of issue 10 on the test split. */
export const SPLIT_TARGETS = {
  recall: 0.95,
  falsePositiveRate: 0.05,
  languageRecall: 0.85,
  languageFalsePositiveRate: 0.1,
  gapPoints: 5,
} as const;

export interface SplitReport {
  /** Train rows screened by the shipped model, which learned them (in-sample). */
  train: EvalReport;
  /**
   * Train rows screened with the learned layer's out-of-fold probabilities (each from the fold model
   * that did not see the row; data/model/ngram-lr.oof.json): what the system does on texts its
   * model did not learn. Absent when that file does not belong to the shipped model.
   */
  trainCv?: EvalReport;
  test: EvalReport;
  byFamily: Map<string, { train: Scored[]; trainCv: Scored[]; test: Scored[] }>;
  skipped: string[];
}

function readOutOfFold(): OutOfFold | undefined {
  const model = shippedModel();
  if (!model) return undefined;
  try {
    const oof = readDataFile(OUT_OF_FOLD_FILE) as OutOfFold;
    return oof.version === model.version ? oof : undefined;
  } catch {
    return undefined;
  }
}

/** Screens the whole corpus (or the given files) and reports the train and test splits apart. */
export function evaluateSplits(files: readonly string[] = corpusFiles()): SplitReport {
  const { rows, skipped } = readCorpus(files);
  const all = rows.map((row) => scored(row, screenOffer(row.text)));
  const oof = readOutOfFold();
  const cv = oof
    ? rows.flatMap((row) => {
        const override = row.split === "train" ? oof.rows[row.id] : undefined;
        return override ? [scored(row, screenOffer(row.text, { modelOverride: override }))] : [];
      })
    : [];
  const byFamily = new Map<string, { train: Scored[]; trainCv: Scored[]; test: Scored[] }>();
  const entryOf = (family: string) => {
    let entry = byFamily.get(family);
    if (!entry) {
      entry = { train: [], trainCv: [], test: [] };
      byFamily.set(family, entry);
    }
    return entry;
  };
  for (const s of all) entryOf(s.row.family)[s.row.split].push(s);
  for (const s of cv) entryOf(s.row.family).trainCv.push(s);
  return {
    train: summarise(all.filter((s) => s.row.split === "train")),
    ...(cv.length > 0 ? { trainCv: summarise(cv) } : {}),
    test: summarise(all.filter((s) => s.row.split === "test")),
    byFamily: new Map([...byFamily].sort(([a], [b]) => a.localeCompare(b))),
    skipped,
  };
}

const pts = (a: number, b: number): string =>
  Number.isNaN(a) || Number.isNaN(b) ? "   n/a" : `${((b - a) * 100).toFixed(1).padStart(6)}`;

function metricCells(m: Metrics | undefined): string {
  if (!m) return `${"".padStart(5)} ${"".padStart(7)} ${"".padStart(7)}`;
  return `${String(m.total).padStart(5)} ${pct(m.recall).padStart(7)} ${pct(m.falsePositiveRate).padStart(7)}`;
}

type Line = [
  name: string,
  train: Metrics | undefined,
  trainCv: Metrics | undefined,
  test: Metrics | undefined,
];

/**
 * Train (in-sample), train (cross-validated) and test next to each other: n, recall and FPR of
 * each, and the gap in points (test − train cross-validated; test − train when there is no CV view).
 */
function splitTable(title: string, lines: Line[]): string {
  const out = [
    title,
    `  ${"".padEnd(8)} ${"train: n  recall     FPR"}   ${"train-CV: recall     FPR"}   ${"test: n  recall     FPR"}   gap recall   gap FPR`,
  ];
  for (const [name, train, trainCv, test] of lines) {
    const base = trainCv ?? train;
    const cvCells = trainCv
      ? `${"".padStart(9)} ${pct(trainCv.recall).padStart(7)} ${pct(trainCv.falsePositiveRate).padStart(7)}`
      : "".padStart(25);
    out.push(
      `  ${name.padEnd(8)} ${metricCells(train)}   ${cvCells}   ${metricCells(test)}   ${base && test ? pts(base.recall, test.recall) : "      "}     ${base && test ? pts(base.falsePositiveRate, test.falsePositiveRate) : ""}`,
    );
  }
  return out.join("\n");
}

/** Per family: the share flagged (medium or above) — recall for scam families, FPR for legit ones. */
function familyTable(report: SplitReport): string {
  const out = [
    "Per family (flagged = level medium or above; for scam families that is recall, for legit ones FPR):",
    `  ${"".padEnd(30)} ${"train: n flagged"}   ${"train-CV"}   ${"test: n flagged"}   gap (points)   test at high+`,
  ];
  const weakest: [string, number][] = [];
  const rate = (rows: Scored[]): number =>
    rows.length === 0 ? Number.NaN : rows.filter((r) => r.positive).length / rows.length;
  for (const [family, split] of report.byFamily) {
    const high = split.test.filter((r) => r.result.level === "high" || r.result.level === "critical").length;
    const [tr, cv, te] = [rate(split.train), rate(split.trainCv), rate(split.test)];
    out.push(
      `  ${family.padEnd(30)} ${String(split.train.length).padStart(8)} ${pct(tr).padStart(7)}   ${pct(cv).padStart(8)}   ${String(split.test.length).padStart(7)} ${pct(te).padStart(7)}   ${pts(Number.isNaN(cv) ? tr : cv, te).padStart(12)}   ${String(high).padStart(13)}`,
    );
    const scamFamily = split.test[0]?.row.label === "scam" || split.train[0]?.row.label === "scam";
    if (!Number.isNaN(te)) weakest.push([family, scamFamily ? 1 - te : te]);
  }
  weakest.sort((a, b) => b[1] - a[1]);
  out.push(
    `Weakest families on test (share wrong): ${weakest
      .slice(0, 6)
      .map(([f, e]) => `${f} ${pct(e).trim()}`)
      .join(", ")}`,
  );
  return out.join("\n");
}

export function formatSplitReport(report: SplitReport): string {
  const { train, trainCv, test } = report;
  const langs = [...new Set([...train.byLanguage.keys(), ...test.byLanguage.keys()])].sort();
  const out = [
    `Corpus: ${train.rows.length + test.rows.length} rows; train ${train.rows.length}, test ${test.rows.length} (test = SHA-256 of the id below ${TEST_SHARE * 100} %). Positive = level medium or above.`,
    trainCv
      ? "train = the shipped model on rows it learned (in-sample); train-CV = the same rules with each train row's out-of-fold model probability (data/model/ngram-lr.oof.json)."
      : "train = the shipped model on rows it learned (in-sample); no out-of-fold file for this model.",
  ];
  if (report.skipped.length > 0) {
    out.push(`Skipped lines: ${report.skipped.length}`);
    for (const s of report.skipped.slice(0, 10)) out.push(`  ${s}`);
  }
  out.push(
    splitTable("Overall and per language:", [
      ["all", train.overall, trainCv?.overall, test.overall],
      ...langs.map(
        (l): Line => [l, train.byLanguage.get(l), trainCv?.byLanguage.get(l), test.byLanguage.get(l)],
      ),
    ]),
  );
  out.push(familyTable(report));
  for (const split of SPLITS) {
    const r = report[split];
    out.push(`Levels on ${split} (rows: expected, columns: predicted):`);
    out.push(`  ${"".padEnd(9)}${LEVELS.map((l) => l.padStart(9)).join("")}`);
    for (const [expected, line] of r.levelMatrix) {
      const total = [...line.values()].reduce((a, b) => a + b, 0);
      if (total === 0) continue;
      out.push(`  ${expected.padEnd(9)}${LEVELS.map((l) => String(line.get(l) ?? 0).padStart(9)).join("")}`);
    }
  }
  out.push(
    `Warnings, news and stories at high or above: train ${train.warningsAtHigh.length}, test ${test.warningsAtHigh.length}`,
  );
  return out.join("\n");
}

/**
 * Misses and false alarms of the TRAIN split only (test texts are never printed), as the
 * cross-validated view sees them when there is one: the in-sample model hides its own mistakes.
 */
export function formatTrainErrors(report: SplitReport, limit: number): string {
  const train = report.trainCv ?? report.train;
  const view = report.trainCv ? "train, cross-validated view" : "train";
  const out = [`Misses (${view}; scam below medium): ${train.misses.length}`];
  for (const s of train.misses.slice(0, limit)) out.push(brief(s));
  out.push(`False alarms (${view}; legit at medium or above): ${train.falseAlarms.length}`);
  for (const s of train.falseAlarms.slice(0, limit)) out.push(brief(s));
  out.push(`Warnings/stories at high or above (${view}): ${train.warningsAtHigh.length}`);
  for (const s of train.warningsAtHigh.slice(0, limit)) out.push(brief(s));
  return out.join("\n");
}

/**
 * The same report with every test figure removed, for tuning sessions: whoever adjusts rules or
 * the model reads only train and train-CV, so the test split stays a measure of unseen texts.
 */
export function withoutTest(report: SplitReport): SplitReport {
  const byFamily = new Map(
    [...report.byFamily].map(([family, split]) => [family, { ...split, test: [] as Scored[] }]),
  );
  return { ...report, test: summarise([]), byFamily };
}

export function targetsMet(report: SplitReport): { ok: boolean; failures: string[] } {
  const t = SPLIT_TARGETS;
  const { train, test } = report;
  const failures: string[] = [];
  if (!(test.overall.recall >= t.recall))
    failures.push(`test recall ${pct(test.overall.recall).trim()} < 95 %`);
  if (!(test.overall.falsePositiveRate <= t.falsePositiveRate))
    failures.push(`test FPR ${pct(test.overall.falsePositiveRate).trim()} > 5 %`);
  for (const [lang, m] of test.byLanguage) {
    if (m.tp + m.fn > 0 && !(m.recall >= t.languageRecall))
      failures.push(`${lang}: test recall ${pct(m.recall).trim()} < 85 %`);
    if (m.fp + m.tn > 0 && !(m.falsePositiveRate <= t.languageFalsePositiveRate))
      failures.push(`${lang}: test FPR ${pct(m.falsePositiveRate).trim()} > 10 %`);
  }
  // The gap compares test with the cross-validated view of train when there is one (see SplitReport).
  const base = report.trainCv ?? train;
  const gapRecall = Math.abs(base.overall.recall - test.overall.recall) * 100;
  const gapFpr = Math.abs(base.overall.falsePositiveRate - test.overall.falsePositiveRate) * 100;
  if (gapRecall > t.gapPoints) failures.push(`recall gap ${gapRecall.toFixed(1)} points > 5`);
  if (gapFpr > t.gapPoints) failures.push(`FPR gap ${gapFpr.toFixed(1)} points > 5`);
  if (test.warningsAtHigh.length > 0)
    failures.push(`${test.warningsAtHigh.length} warnings/news/stories at high or above on test`);
  return { ok: failures.length === 0, failures };
}

export async function evalCommand(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  if (argv[0] === "--llm" && argv.length === 1) return evalWithModelCommand(env);
  const flags = new Set(argv);
  if ([...flags].some((f) => f !== "--verbose" && f !== "--train-only")) {
    console.error("Usage: waspada eval [--verbose] [--train-only] | --llm");
    return 2;
  }
  const full = evaluateSplits();
  const report = flags.has("--train-only") ? withoutTest(full) : full;
  console.log(formatSplitReport(report));
  console.log();
  console.log(formatTrainErrors(report, flags.has("--verbose") ? Number.POSITIVE_INFINITY : 15));
  if (flags.has("--train-only")) {
    console.log("\nTest split hidden (--train-only): tune on these figures, read the test split rarely.");
    return 0;
  }
  const { ok, failures } = targetsMet(report);
  console.log(
    `\nTest-split targets (recall ≥ 95 %, FPR ≤ 5 %; per language recall ≥ 85 %, FPR ≤ 10 %; gap ≤ 5 points; no warning at high): ${ok ? "met" : "NOT met"}`,
  );
  for (const f of failures) console.log(`  ${f}`);
  return ok ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await evalCommand(process.argv.slice(2));
}
