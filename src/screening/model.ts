/**
 * The learned layer: logistic regression over hashed character n-grams of the normalised text.
 *
 * Character n-grams need no word boundaries, so the same model reads Indonesian, Thai, Khmer and
 * Myanmar. Features: every n-gram of 2 to 5 UTF-16 units of the normalised text (digit runs read as
 * one "0", whitespace runs as one space, a space at both ends), hashed (FNV-1a, then a finaliser)
 * into 2^bits buckets with a sign bit (so collisions cancel rather than add up), a bucket's signed
 * count c weighted sign(c)·(1 + ln|c|), the vector scaled to unit length. The weights are trained by `npm run train` (src/cli/train.ts) on the
 * train split of the corpus only and shipped as int8 with one scale in data/model/ngram-lr.json,
 * together with the hash of the data they were trained on and their scores.
 *
 * Pure: reading the shipped weights once is its only I/O, like the catalogue.
 */
import { z } from "zod";
import { readDataFile } from "#src/screening/data-files.js";
import { FNV_OFFSET, FNV_PRIME, fmix, fmixSigned } from "#src/screening/hash.js";

export const MIN_N = 2;
export const MAX_N = 5;

const HeadSchema = z.object({
  bias: z.number(),
  scale: z.number().positive(),
  /** int8 weights, base64. */
  weights: z.string(),
});
export type HeadFile = z.infer<typeof HeadSchema>;

export const ModelFileSchema = z.object({
  version: z.string(),
  description: z.string(),
  bits: z.number().int().min(8).max(24),
  minN: z.literal(MIN_N),
  maxN: z.literal(MAX_N),
  /** `scam`: the text is a scam offer. `narrative`: the text retells (a warning, news, a story). */
  heads: z.object({ scam: HeadSchema, narrative: HeadSchema }),
  /** Probability at or above which a text the rules left low is raised to medium. */
  raiseAt: z.number().min(0).max(1),
  /**
   * The same for a text with a sign of a real employer (a licence, contract or work permit, company
   * domain, job at home, gig pay) and no strong risk signal: the resemblance must be clearer
   * (chosen out of fold by `npm run train`).
   */
  raiseLegitimateAt: z.number().min(0).max(1).default(0.7),
  /**
   * The same for a text in which the rules found no risk signal at all (a contact aside): the
   * resemblance is then the only evidence, and must be clearer (chosen out of fold; 0 = no extra).
   */
  raiseUnsupportedAt: z.number().min(0).max(1).default(0),
  /** The same for a text the rules read as no offer at all (stricter; 1 = never). */
  raiseNonOfferAt: z.number().min(0).max(1).default(1),
  /** Probability at or below which a medium with no strong or decisive indicator is lowered to low. */
  lowerAt: z.number().min(0).max(1),
  /**
   * Probability at or below which a high with no decisive indicator steps down to medium (then the
   * medium rule may take it to low when nothing strong is present either); 0 = never.
   */
  lowerHighAt: z.number().min(0).max(1).default(0),
  /** Narrative probability at or above which a text with no live call to action reads as a warning or story. */
  narrativeAt: z.number().min(0).max(1),
  training: z.record(z.string(), z.unknown()),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

export interface Head {
  bias: number;
  weights: Float32Array;
  /** The int8 weights and scale `weights` were read from (weights[i] = float32(q[i]·scale)), when shipped so. */
  quantised?: { q: Int8Array; scale: number };
}

export interface NgramModel {
  version: string;
  bits: number;
  scam: Head;
  narrative: Head;
  raiseAt: number;
  raiseLegitimateAt: number;
  raiseUnsupportedAt: number;
  raiseNonOfferAt: number;
  lowerAt: number;
  lowerHighAt: number;
  narrativeAt: number;
}

/** A sparse feature vector: bucket indices and values (unit length). */
export interface Features {
  index: Int32Array;
  value: Float32Array;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x7c;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Scratch for `units` (kept between calls; a call's units are a view of it). */
let unitScratch = new Uint16Array(1 << 11);

/** The units the n-grams are read from: digits runs as "0", whitespace runs as " ", spaces around. */
function units(text: string): Uint16Array {
  if (unitScratch.length < text.length + 2) unitScratch = new Uint16Array(text.length + 2);
  const out = unitScratch;
  let k = 0;
  out[k++] = 0x20;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (out[k - 1] !== 0x20) out[k++] = 0x20;
    } else if (isDigit(c)) {
      if (out[k - 1] !== 0x30) out[k++] = 0x30;
    } else out[k++] = c;
  }
  if (out[k - 1] !== 0x20) out[k++] = 0x20;
  return out.subarray(0, k);
}

/** 1 + ln(c) for the small counts almost every bucket has (the same values, computed once). */
const SUBLINEAR = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

/**
 * Signed counts by bucket in a small open-addressing table (bucket and count side by side, -1 for
 * a free slot), kept between calls: a text touches a few thousand of the 2^bits buckets, and a
 * table sized to the text stays in cache where an array of 2^bits counts does not. Only the slots
 * a call used are reset.
 */
let table = freeTable(1 << 13);
function freeTable(slots: number): Int32Array {
  const t = new Int32Array(2 * slots);
  for (let s = 0; s < slots; s++) t[2 * s] = -1;
  return t;
}
/** The slots used, in the order their buckets were first seen (the order of the features). */
let order = new Int32Array(1 << 12);
/** Per feature, in that order: its bucket and its value before scaling to unit length. */
let featureBucket = new Int32Array(1 << 12);
let featureValue = new Float64Array(1 << 12);

/**
 * Counts a text's n-grams into the table, then reads each bucket's value sign(c)·(1 + ln|c|) into
 * featureBucket/featureValue in first-seen order, resetting the table. Returns the number of
 * features and the sum of their squares.
 */
function countNgrams(normalisedText: string, bits: number): { used: number; norm: number } {
  const u = units(normalisedText);
  const mask = (1 << bits) - 1;
  const grams = u.length * (MAX_N - MIN_N + 1);
  // At most half full (a text has at most `grams` buckets), and no larger: a small table stays in cache.
  let slots = 1 << 10;
  while (slots < 2 * grams) slots <<= 1;
  if (table.length < 2 * slots) table = freeTable(slots);
  if (order.length < grams) {
    order = new Int32Array(grams);
    featureBucket = new Int32Array(grams);
    featureValue = new Float64Array(grams);
  }
  const slotMask = slots - 1;
  const shift = Math.clz32(slots) + 1; // 32 - log2(slots)
  // Locals, not the module's variables, inside the loops: they are read a few thousand times.
  const t = table;
  const first = order;
  const len = u.length;
  let used = 0;
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET | 0;
    for (let n = 1; n <= MAX_N && i + n <= len; n++) {
      h = Math.imul(h ^ u[i + n - 1]!, FNV_PRIME);
      if (n < MIN_N) continue;
      const m = fmixSigned(h ^ n);
      const bucket = m & mask;
      let s = Math.imul(bucket, 0x9e3779b1) >>> shift;
      let key = t[2 * s]!;
      while (key !== bucket) {
        if (key === -1) {
          t[2 * s] = bucket;
          first[used++] = s;
          break;
        }
        s = (s + 1) & slotMask;
        key = t[2 * s]!;
      }
      t[2 * s + 1]! += (m >> 31) | 1;
    }
  }
  const buckets = featureBucket;
  const values = featureValue;
  let norm = 0;
  for (let j = 0; j < used; j++) {
    const s = first[j]!;
    const c = t[2 * s + 1]!;
    const a = c < 0 ? -c : c;
    const sub = a < SUBLINEAR.length ? SUBLINEAR[a]! : 1 + Math.log(a);
    const v = c === 0 ? 0 : c < 0 ? -sub : sub;
    buckets[j] = t[2 * s]!;
    values[j] = v;
    norm += v * v;
    t[2 * s] = -1;
    t[2 * s + 1] = 0;
  }
  return { used, norm };
}

/**
 * Hashed, signed, sub-linear, unit-length n-gram features of a normalised text. `bits` sets the
 * number of buckets (2^bits). Each n-gram adds ±1 to its bucket (the sign from the hash's top bit);
 * a bucket's value is sign(c)·(1 + ln|c|), and the vector is scaled to unit length.
 */
export function featurize(normalisedText: string, bits: number): Features {
  const { used, norm } = countNgrams(normalisedText, bits);
  const index = featureBucket.slice(0, used);
  const value = new Float32Array(used);
  for (let j = 0; j < used; j++) value[j] = featureValue[j]!;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < used; j++) value[j]! *= inv;
  return { index, value };
}

/**
 * Both heads' sums over a text's n-gram features (bias included), before the rules' signals: the
 * sigmoid of `narrative` is the narrative probability, and `scamProbability` adds the signals to
 * `scam`. The same arithmetic, in the same order, as `probabilityOf` over `featurize` (and
 * `withSignals`), with no feature vector built.
 */
export interface NgramScores {
  scam: number;
  narrative: number;
}

/**
 * Both heads' weights side by side (scam, narrative per bucket), so a feature reads one cache line:
 * as int8 when both heads were shipped so (a quarter of the memory; float32(q·scale) is the weight
 * exactly), else as float32.
 */
interface PairedWeights {
  int8: Int8Array | undefined;
  float: Float32Array | undefined;
}
const pairedWeights = new WeakMap<NgramModel, PairedWeights>();

function paired(model: NgramModel): PairedWeights {
  let w = pairedWeights.get(model);
  if (!w) {
    const { scam, narrative } = model;
    const n = scam.weights.length;
    const qs = scam.quantised;
    const qn = narrative.quantised;
    if (qs && qn && qs.q.length === n && qn.q.length === n) {
      const int8 = new Int8Array(2 * n);
      for (let i = 0; i < n; i++) {
        int8[2 * i] = qs.q[i]!;
        int8[2 * i + 1] = qn.q[i]!;
      }
      w = { int8, float: undefined };
    } else {
      const float = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        float[2 * i] = scam.weights[i]!;
        float[2 * i + 1] = narrative.weights[i]!;
      }
      w = { int8: undefined, float };
    }
    pairedWeights.set(model, w);
  }
  return w;
}

/** A feature value as `featurize` stores it: float32, then scaled to unit length in float32. */
const f32 = Math.fround;

export function ngramScores(model: NgramModel, normalisedText: string): NgramScores {
  const { used, norm } = countNgrams(normalisedText, model.bits);
  const { int8, float } = paired(model);
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const buckets = featureBucket;
  const values = featureValue;
  let scam = model.scam.bias;
  let narrative = model.narrative.bias;
  if (int8) {
    const scamScale = model.scam.quantised!.scale;
    const narrativeScale = model.narrative.quantised!.scale;
    for (let j = 0; j < used; j++) {
      const value = f32(f32(values[j]!) * inv);
      const at = 2 * buckets[j]!;
      scam += f32(int8[at]! * scamScale) * value;
      narrative += f32(int8[at + 1]! * narrativeScale) * value;
    }
  } else {
    for (let j = 0; j < used; j++) {
      const value = f32(f32(values[j]!) * inv);
      const at = 2 * buckets[j]!;
      scam += float![at]! * value;
      narrative += float![at + 1]! * value;
    }
  }
  return { scam, narrative };
}

/** Weight of one rule signal among the scam head's features (the n-grams together have length 1). */
export const SIGNAL_VALUE = 0.2;

/**
 * The scam head also reads the rules' findings: each indicator id (risk or counter) the rules
 * reported becomes one more hashed feature, so the model learns how much each is worth on the
 * corpus. Ids are hashed with a prefix that no n-gram produces.
 */
export function withSignals(f: Features, signalIds: readonly string[], bits: number): Features {
  const ids = [...new Set(signalIds)];
  if (ids.length === 0) return f;
  const mask = (1 << bits) - 1;
  const index = new Int32Array(f.index.length + ids.length);
  const value = new Float32Array(f.value.length + ids.length);
  index.set(f.index);
  value.set(f.value);
  ids.forEach((id, k) => {
    const m = signalHash(id);
    index[f.index.length + k] = m & mask;
    value[f.value.length + k] = m & 0x80000000 ? -SIGNAL_VALUE : SIGNAL_VALUE;
  });
  return { index, value };
}

function signalHash(id: string): number {
  let h = FNV_OFFSET ^ 0x5f5f;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return fmix(h ^ 0x7f);
}

/** A signal's value as `withSignals` stores it (float32). */
const SIGNAL_F32 = Math.fround(SIGNAL_VALUE);

/** Probability that a text is a scam offer: its n-gram sum with the rules' signals added, as `withSignals` would. */
export function scamProbability(
  model: NgramModel,
  scores: NgramScores,
  signalIds: readonly string[],
): number {
  const mask = (1 << model.bits) - 1;
  const weights = model.scam.weights;
  let z = scores.scam;
  for (const id of new Set(signalIds)) {
    const m = signalHash(id);
    z += weights[m & mask]! * (m & 0x80000000 ? -SIGNAL_F32 : SIGNAL_F32);
  }
  return sigmoid(z);
}

/** Probability that a text retells (a warning, news, a story), from its n-gram sums. */
export const narrativeProbability = (scores: NgramScores): number => sigmoid(scores.narrative);

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability that a text is a scam offer, from its features. */
export function probabilityOf(model: Head, f: Features): number {
  let z = model.bias;
  for (let j = 0; j < f.index.length; j++) z += model.weights[f.index[j]!]! * f.value[j]!;
  return sigmoid(z);
}

function loadHead(h: HeadFile, bits: number): Head {
  const raw = Buffer.from(h.weights, "base64");
  if (raw.length !== 1 << bits) throw new Error(`model weights: ${raw.length} bytes, expected ${1 << bits}`);
  const q = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * h.scale;
  return { bias: h.bias, weights, quantised: { q: Int8Array.from(q), scale: h.scale } };
}

/** Builds a model from the shipped file's contents (validated). */
export function loadModel(file: unknown): NgramModel {
  const m = ModelFileSchema.parse(file);
  return {
    version: m.version,
    bits: m.bits,
    scam: loadHead(m.heads.scam, m.bits),
    narrative: loadHead(m.heads.narrative, m.bits),
    raiseAt: m.raiseAt,
    raiseLegitimateAt: m.raiseLegitimateAt,
    raiseUnsupportedAt: m.raiseUnsupportedAt,
    raiseNonOfferAt: m.raiseNonOfferAt,
    lowerAt: m.lowerAt,
    lowerHighAt: m.lowerHighAt,
    narrativeAt: m.narrativeAt,
  };
}

/** A fitted head as stored: int8 weights with one scale, base64. */
export function headFile(fitted: { weights: Float32Array; bias: number }): HeadFile {
  const { scale, bytes } = quantise(fitted.weights);
  return {
    bias: Math.round(fitted.bias * 1e6) / 1e6,
    scale,
    weights: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
  };
}

/** Weights as int8 with one scale (max |w| / 127). */
export function quantise(weights: Float32Array): { scale: number; bytes: Int8Array } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const bytes = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++)
    bytes[i] = Math.max(-127, Math.min(127, Math.round(weights[i]! / scale)));
  return { scale, bytes };
}

export const MODEL_FILE = "model/ngram-lr.json";

/**
 * Out-of-fold probabilities of every train row (each from the fold model that did not see it),
 * written by `npm run train`, so `npm run eval` can show the train split as a model that had not
 * learned it would (the in-sample view of a model this size is near perfect and says nothing).
 */
export interface OutOfFold {
  version: string;
  rows: Record<string, { scam: number; narrative: number }>;
}

export const OUT_OF_FOLD_FILE = "model/ngram-lr.oof.json";

let shipped: NgramModel | null | undefined;

/** The shipped model, loaded on first use; null when the file is absent (rules only). */
export function shippedModel(): NgramModel | null {
  if (shipped === undefined) {
    try {
      shipped = loadModel(readDataFile(MODEL_FILE));
    } catch (error) {
      if ((error as Error).message.includes("ENOENT")) shipped = null;
      else throw error;
    }
  }
  return shipped;
}
