/**
 * Offers seen before and the whole check: the MinHash lookup (src/reports/offer-index.ts) against
 * 100 and against 100,000 stored offers on a real Redis (the ratio must stay near 1: LSH reads the
 * same few band sets whatever is stored), and one 1 KB check as the bot runs it — `screenWithLookup`
 * (src/checks/screen.ts) on a ReportStore over that Redis: screening with the learned layer, the
 * contacts and the offer looked up — with its parts and against a bare round trip (PING). Percentiles
 * per call; ratios against baselines of the same run, never pass/fail.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { screenWithLookup } from "#src/checks/screen.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer } from "#src/privacy/sealed.js";
import { runBatch } from "#src/redis-batch.js";
import { createKeys } from "#src/redis-keys.js";
import { OfferIndex } from "#src/reports/offer-index.js";
import { ReportStore } from "#src/reports/store.js";
import { dataFilePath } from "#src/screening/data-files.js";
import { screenOffer } from "#src/screening/index.js";
import { offerSignature, SIGNATURE_SIZE } from "#src/screening/minhash.js";
import { narrativeProbability, ngramScores, scamProbability, shippedModel } from "#src/screening/model.js";
import { normalise } from "#src/screening/normalise.js";
import { TestRedis } from "../test/harness/redis.js";

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function sampleSync(fn: () => void, iterations: number): { p50: number; p99: number } {
  for (let i = 0; i < iterations / 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return percentiles(samples);
}

async function sampleAsync(
  fn: () => Promise<unknown>,
  iterations: number,
): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < iterations / 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return percentiles(samples);
}

function offers(): string[] {
  return ["dev-scam.jsonl", "dev-legit.jsonl"].flatMap((f) =>
    readFileSync(dataFilePath(`eval/${f}`), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

/** Seeded random signatures: stored offers that are all different, as real ones mostly are. */
function randomSignature(rand: () => number): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) sig[i] = Math.floor(rand() * 0x4000000);
  return sig;
}

function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fill(
  redis: Redis,
  index: OfferIndex,
  from: number,
  to: number,
  rand: () => number,
): Promise<void> {
  const BATCH = 500;
  for (let start = from; start < to; start += BATCH) {
    const commands = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++)
      commands.push(...index.addCommands(`F${String(i).padStart(7, "0")}`, randomSignature(rand)));
    await runBatch(redis, commands);
  }
}

export async function run(): Promise<void> {
  console.log("\n== offers seen before, and the whole check ==");
  const server = await TestRedis.start();
  const redis = new Redis(server.url, { lazyConnect: false });
  try {
    const keys = createKeys("bench:");
    const index = new OfferIndex(redis, keys);
    const texts = offers();
    const kb = texts.map((t) => {
      let out = "";
      while (out.length < 1024) out += `${t}\n\n`;
      return out.slice(0, 1024);
    });
    const query = kb[0]!;
    const querySig = offerSignature(normalise(query).text)!;
    // Three earlier reports of the same offer, as a recruiter reusing a text.
    await runBatch(redis, [
      ...index.addCommands("SAME0001", offerSignature(normalise(query.replace(/\d/g, "7")).text)),
      ...index.addCommands("SAME0002", offerSignature(normalise(`${query} 🙏`).text)),
      ...index.addCommands("SAME0003", querySig),
    ]);
    const rand = generator(42);
    await fill(redis, index, 0, 97, rand);
    const small = await sampleAsync(() => index.matches(querySig), 3000);
    const foundSmall = (await index.matches(querySig)).length;
    const t0 = Date.now();
    await fill(redis, index, 97, 99_997, rand);
    const fillSeconds = (Date.now() - t0) / 1000;
    const large = await sampleAsync(() => index.matches(querySig), 3000);
    const foundLarge = (await index.matches(querySig)).length;
    console.log(
      `offer-match lookup, 100 stored:     p50 ${fmt(small.p50)}, p99 ${fmt(small.p99)}  (${foundSmall} matches)`,
    );
    console.log(
      `offer-match lookup, 100,000 stored: p50 ${fmt(large.p50)}, p99 ${fmt(large.p99)}  (${foundLarge} matches; filled in ${fillSeconds.toFixed(1)} s)`,
    );
    console.log(`  ratio 100,000 / 100: ${(large.p50 / small.p50).toFixed(2)}×  (target within 2×)`);

    // The check as the bot runs it, on 1 KB offers: screenWithLookup over a ReportStore on this Redis.
    const dataKeys = [{ id: "bench", key: randomBytes(32) }];
    const store = new ReportStore({
      redis,
      keys,
      sealer: createSealer(dataKeys),
      pseudonymize: createPseudonymizer(dataKeys),
    });
    screenOffer("warm up");
    let next = 0;
    const model = shippedModel();
    const normalised = kb.map((t) => normalise(t).text);
    const screen = sampleSync(() => screenOffer(kb[next++ % kb.length]!), 20_000);
    const learned = model
      ? sampleSync(() => {
          const scores = ngramScores(model, normalised[next++ % normalised.length]!);
          narrativeProbability(scores);
          scamProbability(model, scores, []);
        }, 20_000)
      : undefined;
    const signature = sampleSync(() => offerSignature(normalised[next++ % normalised.length]!), 20_000);
    const ping = await sampleAsync(() => redis.ping(), 5000);
    const check = await sampleAsync(() => screenWithLookup(store, kb[next++ % kb.length]!), 5000);
    const matched = (await screenWithLookup(store, query)).offerMatches.length;
    console.log(
      `1 KB check, CPU: screening with the learned layer p50 ${fmt(screen.p50)} (p99 ${fmt(screen.p99)}); of it the learned layer p50 ${learned ? fmt(learned.p50) : "n/a"}; offer signature p50 ${fmt(signature.p50)}`,
    );
    console.log(
      `1 KB check as the bot runs it (screenWithLookup, a ReportStore on a local Redis, 100,000 stored): p50 ${fmt(check.p50)}, p99 ${fmt(check.p99)}  (target: p50 < 0.3 ms; ${matched} matches for the query)`,
    );
    console.log(
      `  against a bare round trip (PING p50 ${fmt(ping.p50)}): ${(check.p50 / ping.p50).toFixed(1)}×; against the lookup alone: ${(check.p50 / large.p50).toFixed(1)}×`,
    );
  } finally {
    redis.disconnect();
    await server.stop();
  }
}
