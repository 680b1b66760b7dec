/**
 * MinHash signatures of offer texts, so a reused recruiter text is recognised however it was
 * re-spaced, re-cased, re-emojied or had its numbers changed ("this offer matches N earlier reports").
 *
 * Shingles: every 5 UTF-16 units of the normalised text (src/screening/normalise.ts) with digit runs
 * read as one "0" and whitespace/punctuation runs as one space. A signature holds SIGNATURE_SIZE
 * minima (one permutation hashing, see offerSignature); two signatures agree in a share of positions
 * that estimates the Jaccard similarity of the shingle sets. For the index (src/reports/offer-index.ts)
 * the signature is cut into BANDS bands of ROWS values (LSH): texts with Jaccard ≥ ~0.5 share a
 * band with high probability, and a lookup reads BANDS small sets whatever the number of stored
 * offers. Pure: no I/O.
 */
import { FNV_OFFSET, FNV_PRIME, fmix, fmixSigned } from "#src/screening/hash.js";

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 5;
/** Fewer shingles than this (a greeting, a phone number alone) is too little text to compare. */
export const MIN_SHINGLES = 40;
/** Estimated Jaccard similarity from which two offers count as the same text. */
export const MATCH_SIMILARITY = 0.6;
const BIN_SHIFT = 26; // 2^6 = SIGNATURE_SIZE bins
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 0xffffffff;

const isLetterOrMark = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || c > 0x7f || (c >= 0x41 && c <= 0x5a);

function shingleUnits(text: string): Uint16Array {
  const out = new Uint16Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (k === 0 || out[k - 1] !== 0x30) out[k++] = 0x30;
    } else if (isLetterOrMark(c) && !(c >= 0xd800 && c <= 0xdfff)) out[k++] = c;
    else if (k > 0 && out[k - 1] !== 0x20) out[k++] = 0x20;
  }
  return out.subarray(0, k);
}

/**
 * The signature of a normalised text, or null when it is too short to compare. One permutation
 * hashing: each shingle is hashed once, the top 6 bits choose one of the 64 bins, the rest compete
 * for the bin's minimum; an empty bin borrows the next filled bin's value (densification, offset by
 * the distance so borrowed values rarely collide by accident).
 */
export function offerSignature(normalisedText: string): Uint32Array | null {
  const u = shingleUnits(normalisedText);
  if (u.length - SHINGLE + 1 < MIN_SHINGLES) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (let i = 0; i + SHINGLE <= u.length; i++) {
    let h = FNV_OFFSET | 0;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ u[i + j]!, FNV_PRIME);
    const m = fmixSigned(h);
    const bin = m >>> BIN_SHIFT;
    const v = m & VALUE_MASK;
    if (v < sig[bin]!) sig[bin] = v;
  }
  let filled = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (sig[k] !== EMPTY) filled++;
  if (filled < SIGNATURE_SIZE / 2) return null;
  const dense = new Uint32Array(SIGNATURE_SIZE);
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    let d = 0;
    while (sig[(k + d) % SIGNATURE_SIZE] === EMPTY) d++;
    dense[k] = (sig[(k + d) % SIGNATURE_SIZE]! + Math.imul(d, 0x2545f491)) >>> 0;
  }
  return dense;
}

/** One key part per band: the band number and a hash of its rows. */
export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = FNV_OFFSET ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix(Math.imul(h ^ sig[b * ROWS + r]!, FNV_PRIME));
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString("base64");
}

export function decodeSignature(value: string): Uint32Array | null {
  const raw = Buffer.from(value, "base64");
  if (raw.length !== SIGNATURE_SIZE * 4) return null;
  const out = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) out[i] = raw.readUInt32LE(i * 4);
  return out;
}
