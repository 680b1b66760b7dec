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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x7c;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The units the n-grams are read from: digits runs as "0", whitespace runs as " ", spaces around. */
function units(text: string): Uint16Array {
  const out = new Uint16Array(text.length + 2);
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

/**
 * Scratch counts indexed by bucket (2^bits of them, kept between calls), with a mark per bucket and
 * the buckets touched in first-seen order, so a call allocates only its result and resets only
 * what it touched.
 */
/** 1 + ln(c) for the small counts almost every bucket has (the same values, computed once). */
const SUBLINEAR = Float64Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));
let counts = new Float64Array(0);
let seen = new Uint8Array(0);
let touched = new Int32Array(1 << 12);

/**
 * Hashed, signed, sub-linear, unit-length n-gram features of a normalised text. `bits` sets the
 * number of buckets (2^bits). Each n-gram adds ±1 to its bucket (the sign from the hash's top bit);
 * a bucket's value is sign(c)·(1 + ln|c|), and the vector is scaled to unit length.
 */
export function featurize(normalisedText: string, bits: number): Features {
  const u = units(normalisedText);
  const mask = (1 << bits) - 1;
  if (counts.length !== 1 << bits) {
    counts = new Float64Array(1 << bits);
    seen = new Uint8Array(1 << bits);
  }
  const grams = u.length * (MAX_N - MIN_N + 1);
  if (touched.length < grams) touched = new Int32Array(grams);
  let used = 0;
  for (let i = 0; i < u.length; i++) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= MAX_N && i + n <= u.length; n++) {
      h = Math.imul(h ^ u[i + n - 1]!, FNV_PRIME);
      if (n < MIN_N) continue;
      const m = fmix(h ^ n);
      const bucket = m & mask;
      if (seen[bucket] === 0) {
        seen[bucket] = 1;
        touched[used++] = bucket;
      }
      counts[bucket]! += m & 0x80000000 ? -1 : 1;
    }
  }
  const index = new Int32Array(used);
  const value = new Float32Array(used);
  let norm = 0;
  for (let j = 0; j < used; j++) {
    const bucket = touched[j]!;
    const c = counts[bucket]!;
    const a = Math.abs(c);
    const v = c === 0 ? 0 : Math.sign(c) * (a < SUBLINEAR.length ? SUBLINEAR[a]! : 1 + Math.log(a));
    index[j] = bucket;
    value[j] = v;
    norm += v * v;
    counts[bucket] = 0;
    seen[bucket] = 0;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < used; j++) value[j]! *= inv;
  return { index, value };
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
    let h = FNV_OFFSET ^ 0x5f5f;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
    const m = fmix(h ^ 0x7f);
    index[f.index.length + k] = m & mask;
    value[f.value.length + k] = m & 0x80000000 ? -SIGNAL_VALUE : SIGNAL_VALUE;
  });
  return { index, value };
}

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
  return { bias: h.bias, weights };
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
