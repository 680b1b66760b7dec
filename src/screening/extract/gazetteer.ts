/**
 * Finds names from a fixed list in normalised text, leftmost-longest and not overlapping. Used
 * for places and job titles.
 *
 * Text in scripts written with spaces is cut into words once, and names are looked up by their
 * first word in one map, so word boundaries hold by construction ("cs" is not found in "kursus").
 * Names in scripts written without spaces (Thai, Lao, Khmer, Burmese, CJK) go into a character
 * trie that only runs when the text contains such characters.
 */
import { normalise } from "#src/screening/normalise.js";

export interface GazetteerName<T> {
  name: string;
  value: T;
  /** When set, the name counts only right after one of these words ("di PP", not "tiket PP"). */
  onlyAfter?: ReadonlySet<string>;
  /** The name does not count right after one of these words ("bahasa Inggris" is a language). */
  notAfter?: ReadonlySet<string>;
}

export interface GazetteerHit<T> {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  value: T;
}

interface Entry<T> {
  tokens: string[];
  value: T;
  onlyAfter?: ReadonlySet<string> | undefined;
  notAfter?: ReadonlySet<string> | undefined;
}

interface TrieNode<T> {
  children: Map<number, TrieNode<T>>;
  entries: Entry<T>[];
}

/** Letters and digits of scripts written with spaces between words. */
function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xc0 && code <= 0x24f) ||
    (code >= 0x370 && code <= 0x52f) ||
    (code >= 0x600 && code <= 0x6ff)
  );
}

/** Characters of scripts written without spaces between words. */
function isUnspacedChar(code: number): boolean {
  return code >= 0x0e00 && !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0xfe00 && code <= 0xfe6f);
}

/** Spaces, hyphens and underscores separate words the same way ("ba-vet", "cs_online"). */
function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0x5f;
}

/** Token boundaries and a hash of each token, computed without allocating a string per word. */
interface Tokens {
  count: number;
  /** The text holds characters of a script written without spaces (Thai, Khmer, CJK …). */
  unspaced: boolean;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  // Kept within V8's small-integer range so map keys and typed-array reads never box.
  return h & 0x3fffffff;
}

function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Words, and each other punctuation mark as a token of its own; separators dropped. */
function tokenise(text: string, into?: Tokens): Tokens {
  const n = text.length;
  // Typed arrays are costly to allocate; the shared scratch arrays are reused from call to call.
  let starts = into?.starts ?? new Int32Array(16);
  let ends = into?.ends ?? new Int32Array(16);
  let hashes = into?.hashes ?? new Int32Array(16);
  let count = 0;
  let unspaced = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let start = -1;
    let h = FNV_OFFSET;
    if (isWordChar(c)) {
      start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
      }
    } else if (isSeparator(c) || (c >= 0xd800 && c <= 0xdfff)) {
      i++;
      continue;
    } else if (isUnspacedChar(c)) {
      unspaced = true;
      i++;
      continue;
    } else {
      start = i;
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
    }
    if (count === starts.length) {
      starts = doubled(starts);
      ends = doubled(ends);
      hashes = doubled(hashes);
    }
    starts[count] = start;
    ends[count] = i;
    hashes[count] = h & 0x3fffffff;
    count++;
  }
  return { count, unspaced, starts, ends, hashes };
}

/** Token keys of a name, using the same rules as `tokenise`. */
function tokenKeys(text: string): string[] {
  const t = tokenise(text);
  const keys: string[] = [];
  for (let k = 0; k < t.count; k++) keys.push(text.slice(t.starts[k]!, t.ends[k]!));
  return keys;
}

/** The last text tokenised (places and jobs read the same text one after the other), in scratch arrays. */
let lastText: string | undefined;
let scratch: Tokens = {
  count: 0,
  unspaced: false,
  starts: new Int32Array(256),
  ends: new Int32Array(256),
  hashes: new Int32Array(256),
};

function tokensOf(text: string): Tokens {
  if (text !== lastText) {
    lastText = undefined;
    scratch = tokenise(text, scratch);
    lastText = text;
  }
  return scratch;
}

interface FirstWordGroup<T> {
  first: string;
  entries: Entry<T>[];
}

/** The names that start with the word text[start, end), if any. */
function groupFor<T>(
  groups: FirstWordGroup<T>[] | undefined,
  text: string,
  start: number,
  end: number,
): Entry<T>[] | undefined {
  if (groups === undefined) return undefined;
  for (const group of groups) if (tokenEquals(text, start, end, group.first)) return group.entries;
  return undefined;
}

function isWordSuffix(text: string, at: number, length: number): boolean {
  for (const suffix of WORD_SUFFIXES)
    if (suffix.length === length && text.startsWith(suffix, at)) return true;
  return false;
}

function tokenEquals(text: string, start: number, end: number, key: string): boolean {
  return end - start === key.length && text.startsWith(key, start);
}

/** Indonesian suffix "-nya" and the reduplication digit ("kambojanya", "chat2") stay on the word. */
const WORD_SUFFIXES = ["nya", "2"];

export class Gazetteer<T> {
  /** Names in spaced scripts, grouped by first word (longest name first), keyed by its hash. */
  private readonly byFirstWord = new Map<number, FirstWordGroup<T>[]>();
  /** One bit per hash bucket of a first word: most words of a text are rejected without a map lookup. */
  private readonly firstWordBits = new Uint8Array(1 << 13);
  /** Names in unspaced scripts. */
  private readonly trie: TrieNode<T> = { children: new Map(), entries: [] };
  private hasUnspacedNames = false;

  constructor(names: Iterable<GazetteerName<T>>) {
    for (const name of names) this.add(name);
    for (const groups of this.byFirstWord.values()) {
      for (const group of groups) group.entries.sort((a, b) => b.tokens.length - a.tokens.length);
    }
  }

  private add(name: GazetteerName<T>): void {
    const key = normalise(name.name).text;
    if (key.length === 0) return;
    const entry: Entry<T> = {
      tokens: [],
      value: name.value,
      onlyAfter: name.onlyAfter,
      notAfter: name.notAfter,
    };
    let unspaced = false;
    for (let i = 0; i < key.length; i++) if (isUnspacedChar(key.charCodeAt(i))) unspaced = true;
    if (unspaced) {
      this.hasUnspacedNames = true;
      let node = this.trie;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        let next = node.children.get(code);
        if (next === undefined) {
          next = { children: new Map(), entries: [] };
          node.children.set(code, next);
        }
        node = next;
      }
      node.entries.push(entry);
      return;
    }
    entry.tokens = tokenKeys(key);
    const first = entry.tokens[0];
    if (first === undefined) return;
    const hash = hashRange(first, 0, first.length);
    const groups = this.byFirstWord.get(hash) ?? [];
    let group = groups.find((g) => g.first === first);
    if (group === undefined) {
      group = { first, entries: [] };
      groups.push(group);
    }
    const same = group.entries.some(
      (e) => e.value === entry.value && e.tokens.join(" ") === entry.tokens.join(" "),
    );
    if (!same) group.entries.push(entry);
    this.byFirstWord.set(hash, groups);
    this.markFirstWord(hash);
  }

  private markFirstWord(hash: number): void {
    const bucket = hash & 0xffff;
    this.firstWordBits[bucket >> 3]! |= 1 << (bucket & 7);
  }

  private mayStartName(hash: number): boolean {
    const bucket = hash & 0xffff;
    return (this.firstWordBits[bucket >> 3]! & (1 << (bucket & 7))) !== 0;
  }

  /** All names in `text` (normalised), leftmost-longest, not overlapping, in text order. */
  find(text: string): GazetteerHit<T>[] {
    const hits = this.findSpaced(text);
    if (this.hasUnspacedNames && tokensOf(text).unspaced) {
      hits.push(...this.findUnspaced(text));
      hits.sort((a, b) => a.start - b.start);
    }
    return hits;
  }

  private findSpaced(text: string): GazetteerHit<T>[] {
    const hits: GazetteerHit<T>[] = [];
    const tokens = tokensOf(text);
    let t = 0;
    while (t < tokens.count) {
      const hit = this.matchAt(text, tokens, t);
      if (hit === undefined) {
        t++;
        continue;
      }
      const last = t + hit.entry.tokens.length - 1;
      hits.push({ start: tokens.starts[t]!, end: tokens.ends[last]! - hit.trimmed, value: hit.entry.value });
      t = last + 1;
    }
    return hits;
  }

  private matchAt(text: string, tokens: Tokens, t: number): { entry: Entry<T>; trimmed: number } | undefined {
    const { starts, ends } = tokens;
    const start = starts[t]!;
    const end = ends[t]!;
    const hash = tokens.hashes[t]!;
    let candidates = this.mayStartName(hash)
      ? groupFor(this.byFirstWord.get(hash), text, start, end)
      : undefined;
    let firstTrim = 0;
    if (candidates === undefined) {
      // "kambojanya", "chat2": only a one-word name can end in the suffix.
      for (const suffix of WORD_SUFFIXES) {
        const stemEnd = end - suffix.length;
        if (stemEnd - start < 2 || !text.startsWith(suffix, stemEnd)) continue;
        const stemHash = hashRange(text, start, stemEnd);
        if (!this.mayStartName(stemHash)) continue;
        const stem = groupFor(this.byFirstWord.get(stemHash), text, start, stemEnd);
        const single = stem?.filter((e) => e.tokens.length === 1);
        if (single !== undefined && single.length > 0) {
          candidates = single;
          firstTrim = suffix.length;
          break;
        }
      }
      if (candidates === undefined) return undefined;
    }
    for (const entry of candidates) {
      const count = entry.tokens.length;
      if (t + count > tokens.count) continue;
      let trimmed = count === 1 ? firstTrim : 0;
      let ok = true;
      for (let k = 1; k < count && ok; k++) {
        const expected = entry.tokens[k]!;
        const s = starts[t + k]!;
        const e = ends[t + k]!;
        if (tokenEquals(text, s, e, expected)) continue;
        // The last word may carry "-nya" or "2": "chat2 customernya".
        const suffixLength = e - s - expected.length;
        ok =
          k === count - 1 &&
          suffixLength > 0 &&
          text.startsWith(expected, s) &&
          isWordSuffix(text, s + expected.length, suffixLength);
        trimmed = suffixLength;
      }
      if (!ok) continue;
      if (entry.onlyAfter !== undefined || entry.notAfter !== undefined) {
        const previous = t > 0 ? text.slice(starts[t - 1]!, ends[t - 1]!) : "";
        if (entry.onlyAfter !== undefined && !entry.onlyAfter.has(previous)) continue;
        if (entry.notAfter?.has(previous)) continue;
      }
      return { entry, trimmed };
    }
    return undefined;
  }

  private findUnspaced(text: string): GazetteerHit<T>[] {
    const hits: GazetteerHit<T>[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isUnspacedChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let node: TrieNode<T> | undefined = this.trie;
      let best: GazetteerHit<T> | undefined;
      for (let j = i; j < n; j++) {
        node = node.children.get(text.charCodeAt(j));
        if (node === undefined) break;
        const entry = node.entries[0];
        if (entry !== undefined) best = { start: i, end: j + 1, value: entry.value };
      }
      if (best === undefined) {
        i++;
      } else {
        hits.push(best);
        i = best.end;
      }
    }
    return hits;
  }
}
