/**
 * The 32-bit hashing the learned layer and the offer signatures share: FNV-1a over UTF-16 units,
 * finished with MurmurHash3's fmix. Pure.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** fmix's bits as a signed int (its sign is the hash's top bit), which stays out of doubles. */
export function fmixSigned(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** MurmurHash3's finaliser, as an unsigned 32-bit number. */
export function fmix(h: number): number {
  return fmixSigned(h) >>> 0;
}
