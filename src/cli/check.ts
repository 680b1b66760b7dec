/**
 * `waspada check`: screens a text given as an argument, a file, stdin, or a JSONL batch.
 *
 * --jsonl FILE reads lines {"id": …, "text": …} and writes one line per input, exactly
 * {"id","level","score","indicators":[ids],"evidence":[{"indicator","start","end","quote"}],"kind","model"},
 * so other tools can rely on the shape: `kind` is the kind of text (offer, question, warning_about_scams,
 * story, announcement, official_programme, not_an_offer) and `model` the learned layer's probability
 * that the text is a scam offer (null without a model). Fields are only ever added at the end.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CLI_LOCALES, type CliLocale, renderResult } from "#src/cli/render.js";
import { screenOffer } from "#src/screening/index.js";
import type { ScreeningResult } from "#src/screening/types.js";

const USAGE = `Usage:
  waspada check "text of the offer"      screen one text
  waspada check --file offer.txt         screen the text of a file
  echo "text" | waspada check            screen stdin
  waspada check --jsonl offers.jsonl     one JSON line out per {"id","text"} line in
Options:
  --lang id|en   language of the readable output (default id)
  --json         print the full result as JSON instead of text
  -h, --help     this help`;

export interface JsonlLine {
  id: unknown;
  level: string;
  score: number;
  indicators: string[];
  evidence: { indicator: string; start: number; end: number; quote: string }[];
  kind: string;
  model: number | null;
}

/** The stable JSONL shape of one result. */
export function toJsonlLine(id: unknown, result: ScreeningResult): JsonlLine {
  return {
    id,
    level: result.level,
    score: result.score,
    indicators: result.indicators.map((h) => h.id),
    evidence: result.indicators.flatMap((h) =>
      h.evidence.map((e) => ({ indicator: h.id, start: e.start, end: e.end, quote: e.quote })),
    ),
    kind: result.kind,
    model: result.model?.probability ?? null,
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function runJsonl(path: string): number {
  let failed = 0;
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      console.error(`${path}:${index + 1}: not valid JSON, skipped`);
      failed++;
      return;
    }
    if (typeof record.text !== "string") {
      console.error(`${path}:${index + 1}: no "text" string, skipped`);
      failed++;
      return;
    }
    process.stdout.write(`${JSON.stringify(toJsonlLine(record.id ?? null, screenOffer(record.text)))}\n`);
  });
  return failed > 0 ? 1 : 0;
}

export async function checkCommand(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const lang = values.lang ?? "id";
  if (!(CLI_LOCALES as readonly string[]).includes(lang)) {
    console.error(`--lang must be one of ${CLI_LOCALES.join(", ")}.\n\n${USAGE}`);
    return 2;
  }
  const sources = [values.file !== undefined, values.jsonl !== undefined, positionals.length > 0].filter(
    Boolean,
  );
  if (sources.length > 1) {
    console.error(`Give the text one way only: an argument, --file or --jsonl.\n\n${USAGE}`);
    return 2;
  }
  try {
    if (values.jsonl !== undefined) return runJsonl(values.jsonl);
    let text: string;
    if (values.file !== undefined) text = readFileSync(values.file, "utf8");
    else if (positionals.length > 0) text = positionals.join(" ");
    else if (!process.stdin.isTTY) text = await readStdin();
    else {
      console.error(`No text to check.\n\n${USAGE}`);
      return 2;
    }
    const result = screenOffer(text);
    console.log(values.json ? JSON.stringify(result, null, 2) : renderResult(result, lang as CliLocale));
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: "string" },
      jsonl: { type: "string" },
      lang: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
