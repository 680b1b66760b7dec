/**
 * Screenshot reading benchmark: time per screenshot (p50, p99) once a worker is warm, against the
 * worker's start and against screening the same words typed; the worker's memory; the character
 * error rate of the reading on the committed fixtures; and whether the read text gets the same
 * level as the typed text. Fixtures: test/fixtures/screenshots (drawn by render.ts there).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { cleanReadText, createScreenshotReader } from "#src/ocr/reader.js";
import { screenOffer } from "#src/screening/index.js";

interface Fixture {
  file: string;
  text?: string;
  expect: string;
}

const FOLDER = join(process.cwd(), "test", "fixtures", "screenshots");

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Whitespace folded; the clock times and ticks a chat screenshot adds are not part of the drawn text. */
function comparable(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\d{1,2}[:.]\d{2}\b/.test(line.trim()) && !/^\d+\s*h\b/.test(line.trim()))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function run(): Promise<void> {
  console.log("\n== Screenshots read on this machine (tesseract.js, ind+eng, one worker)");
  const fixtures = (JSON.parse(readFileSync(join(FOLDER, "manifest.json"), "utf8")) as Fixture[]).filter(
    (f) => f.text !== undefined,
  );
  const images = fixtures.map((f) => readFileSync(join(FOLDER, f.file)));
  const before = process.memoryUsage().rss;
  const reader = createScreenshotReader({
    langs: ["ind", "eng"],
    concurrency: 1,
    timeoutMs: 60_000,
    maxBytes: 10 * 1024 * 1024,
    maxPixels: 24_000_000,
    logger: pino({ level: "silent" }),
  });
  const startedAt = performance.now();
  await reader.warmUp();
  const start = performance.now() - startedAt;
  const warm = process.memoryUsage().rss;

  const rounds = 5;
  const samples: number[] = [];
  const texts = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (const [i, image] of images.entries()) {
      const t0 = performance.now();
      const outcome = await reader.read(image);
      samples.push(performance.now() - t0);
      if (round === 0) texts.set(fixtures[i]!.file, outcome.status === "text" ? outcome.text : "");
    }
  }
  const after = process.memoryUsage().rss;
  await reader.close();

  const screenTimes = fixtures.map((f) => {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) screenOffer(f.text!);
    return (performance.now() - t0) / 20;
  });
  const read = percentiles(samples);
  const typed = percentiles(screenTimes);
  console.log(`worker start: ${ms(start)}`);
  console.log(
    `per screenshot (${samples.length} reads of ${images.length} screenshots, 720 px wide): p50 ${ms(read.p50)}, p99 ${ms(read.p99)}`,
  );
  console.log(
    `  = ${(read.p50 / start).toFixed(2)}× the worker start; ${(read.p50 / typed.p50).toFixed(0)}× screening the same words typed (p50 ${typed.p50.toFixed(2)} ms)`,
  );
  console.log(
    `memory (process RSS): before ${mb(before)}, worker ready ${mb(warm)} (+${mb(warm - before)}), after reads ${mb(after)} (+${mb(after - before)})`,
  );

  console.log("\nfixture                   CER     level typed → read");
  let errors = 0;
  let length = 0;
  let same = 0;
  for (const fixture of fixtures) {
    const expected = comparable(fixture.text!);
    const got = comparable(cleanReadText(texts.get(fixture.file) ?? ""));
    const distance = levenshtein(expected, got);
    errors += distance;
    length += expected.length;
    const typedLevel = screenOffer(fixture.text!).level;
    const readLevel = screenOffer(texts.get(fixture.file) ?? "").level;
    if (typedLevel === readLevel) same++;
    console.log(
      `${fixture.file.padEnd(24)}  ${((100 * distance) / expected.length).toFixed(1).padStart(5)} %  ${typedLevel} → ${readLevel}`,
    );
  }
  console.log(
    `character error rate over all fixtures: ${((100 * errors) / length).toFixed(1)} % (${errors} of ${length})`,
  );
  console.log(`same level as the typed text: ${same} of ${fixtures.length}`);
}
