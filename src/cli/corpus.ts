/**
 * The labelled corpus (data/eval/*.jsonl and data/eval/corpus/<lang>.jsonl) and its fixed split.
 *
 * Row fields: id, lang, channel, text, label (scam | legit), expected_level, expected_indicators,
 * notes, and since issue 10 family, hard, kind, source. Rows of the first sets have no family or
 * kind: they are inferred (a legit text marked as a warning is `legit_warning_news`, a non-job chat
 * `legit_not_job`; otherwise `scam_legacy` / `legit_legacy`).
 *
 * The split: a row is in `test` when the first four bytes of SHA-256("waspada-split-v1:" + id), read
 * as an unsigned big-endian integer, are below 35 % of 2^32. It depends on nothing but the id, so a
 * row never moves between splits when the corpus grows, and nobody can choose where a text lands.
 * No rule and no model is tuned on `test`: training reads `train` only, and `npm run eval` lists
 * misses and false alarms of `train` only.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { z } from "zod";
import { dataFilePath } from "#src/screening/data-files.js";

export const KINDS = ["offer", "question", "warning", "story", "announcement", "not_job"] as const;
export type RowKind = (typeof KINDS)[number];

const RawRow = z.object({
  id: z.string().min(1),
  lang: z.string().min(2),
  channel: z.string().optional(),
  text: z.string(),
  label: z.enum(["scam", "legit"]),
  expected_level: z.enum(["low", "medium", "high", "critical"]),
  expected_indicators: z.array(z.string()).default([]),
  family: z.string().optional(),
  hard: z.boolean().default(false),
  kind: z.enum(KINDS).optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
});

export interface EvalRow extends Omit<z.infer<typeof RawRow>, "family" | "kind"> {
  family: string;
  kind: RowKind;
  split: Split;
  /** File the row came from, relative to data/eval. */
  file: string;
}

export type Split = "train" | "test";
export const SPLITS: readonly Split[] = ["train", "test"];
/** Share of ids in the test split. */
export const TEST_SHARE = 0.35;
const SPLIT_SALT = "waspada-split-v1:";

export function splitOf(id: string): Split {
  const h = createHash("sha256")
    .update(SPLIT_SALT + id)
    .digest();
  return h.readUInt32BE(0) < TEST_SHARE * 2 ** 32 ? "test" : "train";
}

/** The first labelled sets, kept as they were written. */
export const LEGACY_FILES = ["dev-scam.jsonl", "dev-legit.jsonl", "hard-cases.jsonl"] as const;

/** Every corpus file, relative to data/eval: the legacy sets, then corpus/<lang>.jsonl. */
export function corpusFiles(): string[] {
  const dir = dataFilePath("eval/corpus");
  const extra = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".jsonl"))
        .sort()
        .map((f) => `corpus/${f}`)
    : [];
  return [...LEGACY_FILES, ...extra];
}

function inferFamily(row: z.infer<typeof RawRow>): { family: string; kind: RowKind } {
  const warning = row.expected_indicators.includes("ok_warning_or_news_context");
  const chat = row.expected_indicators.includes("ok_non_job_chat");
  const kind: RowKind = row.kind ?? (warning ? "warning" : chat ? "not_job" : "offer");
  if (row.family) return { family: row.family, kind };
  if (row.label === "legit" && kind === "warning") return { family: "legit_warning_news", kind };
  if (row.label === "legit" && kind === "not_job") return { family: "legit_not_job", kind };
  return { family: row.label === "scam" ? "scam_legacy" : "legit_legacy", kind };
}

export interface ReadResult {
  rows: EvalRow[];
  /** Lines that did not parse (a corpus file being written may end in half a line). */
  skipped: string[];
}

/**
 * Reads the given files (relative to data/eval). Legacy files must be valid throughout; a bad line
 * of a corpus file is reported and skipped. Duplicate ids keep their first row and are reported.
 */
export function readCorpus(files: readonly string[] = corpusFiles()): ReadResult {
  const rows: EvalRow[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const strict = !file.startsWith("corpus/");
    const lines = readFileSync(dataFilePath(`eval/${file}`), "utf8").split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      let raw: z.infer<typeof RawRow>;
      try {
        raw = RawRow.parse(JSON.parse(line));
      } catch (error) {
        const where = `data/eval/${file}:${i + 1}`;
        if (strict) throw new Error(`${where}: ${(error as Error).message}`);
        skipped.push(`${where}: ${(error as Error).message.split("\n")[0]}`);
        return;
      }
      if (seen.has(raw.id)) {
        skipped.push(`data/eval/${file}:${i + 1}: duplicate id ${raw.id}`);
        return;
      }
      seen.add(raw.id);
      rows.push({ ...raw, ...inferFamily(raw), split: splitOf(raw.id), file });
    });
  }
  return { rows, skipped };
}

/** A stable digest of the rows a model is trained on (ids, labels and texts, in id order). */
export function dataHash(rows: readonly EvalRow[]): string {
  const h = createHash("sha256");
  for (const r of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    h.update(`${r.id}\u0000${r.label}\u0000${r.text}\u0001`);
  return h.digest("hex");
}
