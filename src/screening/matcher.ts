/**
 * Phrase matcher: every phrasing of the catalogue compiled ONCE into one Aho–Corasick automaton
 * over the characters of a "scan stream", so a text is read in a single pass whatever the size of
 * the catalogue.
 *
 * The scan stream is the normalised text reduced to what phrasings talk about:
 * - letters and marks as they are (the normaliser already folded case, diacritics and look-alikes);
 * - every number ("15", "1.000", "9.000.000", "3,5") becomes one "0", so `{num}` is a plain character;
 * - any run of punctuation, emoji or spaces becomes one " ";
 * - a sentence or line break (. ! ? ; or a newline in the original) becomes "|", which no phrasing
 *   crosses;
 * - a space, dot or dash between two letters of Thai, Lao, Khmer or Myanmar is dropped: those
 *   scripts do not space their words apart, so a split there is OCR or obfuscation ("ប្រា.ក់.ខែ").
 *
 * Pattern syntax (phrasings are written lower case, without diacritics):
 * - `tanpa pengalaman`       words; any punctuation/spaces in the text between them is fine
 * - `(ga|gak|tidak) perlu`   alternatives for one slot; an alternative may be several words or empty
 * - `[kerja] di kamboja`     optional part
 * - `{num}`                  any number, also glued to a word: `{num}jt`, `gaji {num} usd`
 * - `tanggung*` / `*ditip`   prefix / suffix: the word may go on (or start earlier) in the text
 * - `paspor* ~ dipegang`     proximity: the right part within PROXIMITY_WORDS words after the left
 *                            part, in the same sentence
 * Matches respect word boundaries, except inside scripts written without spaces (Thai, Lao, Khmer,
 * Myanmar, CJK): there a phrasing may start and end anywhere between grapheme clusters (never on a
 * combining mark), which is how those languages are matched without a word segmenter.
 */
import type { NormalisedText } from "#src/screening/types.js";

/** Words allowed between the two halves of an `a ~ b` pattern. */
export const PROXIMITY_WORDS = 6;
/** Upper bound of the strings one pattern may expand to; more means the pattern is a mistake. */
const MAX_EXPANSIONS = 512;

const SPACE = 0x20;
const BREAK = 0x7c; // "|"
const NUMBER = 0x30; // "0"
const OPEN_START = 1;
const OPEN_END = 2;

export interface PatternEntry {
  /** What a match reports: an indicator, counter or marker id. */
  id: string;
  pattern: string;
}

export interface PhraseMatch {
  id: string;
  /** Index of the entry in the compiled list. */
  entry: number;
  /** Offsets in the normalised text, end exclusive. */
  start: number;
  end: number;
  /** Offsets in the scan stream, end exclusive. */
  streamStart: number;
  streamEnd: number;
}

export interface ScanStream {
  codes: Uint16Array;
  length: number;
  /** Offset in the normalised text of the first / one past the last character each stream unit stands for. */
  srcStart: Int32Array;
  srcEnd: Int32Array;
}

export interface ScanResult {
  stream: ScanStream;
  /** Ordered by stream end, then start. */
  matches: PhraseMatch[];
}

export interface CompiledMatcher {
  readonly entryCount: number;
  readonly phraseCount: number;
  readonly stateCount: number;
  scan(n: NormalisedText): ScanResult;
}

// ---------------------------------------------------------------------------------------------
// Character classes

const CLASS_UNKNOWN = 255;
const CLASS_SPACE = 0;
const CLASS_WORD = 1;
const CLASS_DIGIT = 2;
const CLASS_BREAK = 3;

const charClass = new Uint8Array(65536).fill(CLASS_UNKNOWN);
const RE_WORD = /[\p{L}\p{M}\p{N}]/u;

function classOf(code: number): number {
  let cls = charClass[code]!;
  if (cls !== CLASS_UNKNOWN) return cls;
  if (code >= 0x30 && code <= 0x39) cls = CLASS_DIGIT;
  else if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x0a || code === 0x0d)
    cls = CLASS_BREAK;
  else if (code >= 0xd800 && code <= 0xdfff) cls = CLASS_SPACE;
  else cls = RE_WORD.test(String.fromCharCode(code)) ? CLASS_WORD : CLASS_SPACE;
  charClass[code] = cls;
  return cls;
}

/** Scripts written without spaces between words: a phrase edge there needs no word boundary. */
function isUnspacedScript(code: number): boolean {
  return (
    (code >= 0x0e00 && code <= 0x0eff) || // Thai, Lao
    (code >= 0x1000 && code <= 0x109f) || // Myanmar
    (code >= 0x1780 && code <= 0x17ff) || // Khmer
    (code >= 0x2e80 && code <= 0x9fff) || // CJK
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** A letter or mark of Thai, Lao, Myanmar or Khmer (scripts whose words are not spaced apart). */
const isSpacelessLetter = (code: number): boolean =>
  (code >= 0x0e00 &&
    code <= 0x0eff &&
    code !== 0x0e2f &&
    code !== 0x0e46 &&
    code !== 0x0e5a &&
    code !== 0x0e5b) ||
  (code >= 0x1000 && code <= 0x1049 && code !== 0x104a && code !== 0x104b) ||
  (code >= 0x1050 && code <= 0x109f) ||
  (code >= 0x1780 && code <= 0x17d3);
/** A space, dot, dash or underscore that may split a word of those scripts. */
const isInWordSeparator = (code: number): boolean =>
  code === SPACE || code === 0x2e || code === 0x2d || code === 0x5f;

const isStreamWord = (code: number): boolean => code !== SPACE && code !== BREAK;

const markTable = new Uint8Array(65536).fill(2);
const RE_MARK = /\p{M}/u;
/** A combining mark (Thai, Khmer and Myanmar vowel signs, tone marks, virama …): it belongs to the grapheme before it. */
function isMark(code: number): boolean {
  let m = markTable[code]!;
  if (m === 2) {
    m = RE_MARK.test(String.fromCharCode(code)) ? 1 : 0;
    markTable[code] = m;
  }
  return m === 1;
}

// ---------------------------------------------------------------------------------------------
// Scan stream

function hasNewline(original: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = original.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Builds the scan stream of a normalised text; linear in its length. */
export function buildScanStream(n: NormalisedText): ScanStream {
  const text = n.text;
  const len = text.length;
  const codes = new Uint16Array(len + 1);
  const srcStart = new Int32Array(len + 1);
  const srcEnd = new Int32Array(len + 1);
  let out = 0;
  let i = 0;
  while (i < len) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls === CLASS_DIGIT) {
      // One number: digits with single . or , between digit groups.
      let j = i + 1;
      for (;;) {
        while (j < len && classOf(text.charCodeAt(j)) === CLASS_DIGIT) j++;
        const sep = text.charCodeAt(j);
        if (
          (sep === 0x2e || sep === 0x2c) &&
          j + 1 < len &&
          classOf(text.charCodeAt(j + 1)) === CLASS_DIGIT
        ) {
          j += 2;
          continue;
        }
        break;
      }
      codes[out] = NUMBER;
      srcStart[out] = i;
      srcEnd[out] = j;
      out++;
      i = j;
      continue;
    }
    if (cls === CLASS_WORD) {
      codes[out] = code;
      srcStart[out] = i;
      srcEnd[out] = i + 1;
      out++;
      i++;
      continue;
    }
    // A space, dot or dash inside Thai, Lao, Khmer or Myanmar ("អ្ន ក ធ្វើ ការ", "ប្រា.ក់.ខែ",
    // "ကာစ ီန ို"): OCR or a recruiter splitting words so that no filter sees them; read through it.
    if (out > 0 && isSpacelessLetter(codes[out - 1]!) && isInWordSeparator(code)) {
      let j = i + 1;
      while (j < len && j < i + 3 && isInWordSeparator(text.charCodeAt(j))) j++;
      const from = n.toOriginal[i] ?? 0;
      const to = n.toOriginal[j] ?? from;
      if (j < len && isSpacelessLetter(text.charCodeAt(j)) && !hasNewline(n.original, from, to)) {
        i = j;
        continue;
      }
    }
    let isBreak = cls === CLASS_BREAK;
    if (!isBreak && code === SPACE) {
      const from = n.toOriginal[i] ?? 0;
      const to = n.toOriginal[i + 1] ?? from;
      isBreak = hasNewline(n.original, from, to);
    }
    if (isBreak) {
      if (out > 0 && codes[out - 1] === SPACE) out--;
      if (out > 0 && codes[out - 1] !== BREAK) {
        codes[out] = BREAK;
        srcStart[out] = i;
        srcEnd[out] = i + 1;
        out++;
      }
    } else if (out > 0 && codes[out - 1] !== SPACE && codes[out - 1] !== BREAK) {
      codes[out] = SPACE;
      srcStart[out] = i;
      srcEnd[out] = i + 1;
      out++;
    }
    i++;
  }
  while (out > 0 && !isStreamWord(codes[out - 1]!)) out--;
  return { codes, length: out, srcStart, srcEnd };
}

/**
 * Words between two stream positions (`from` ≤ `to`), or Infinity when a sentence break lies
 * between them. Used for proximity patterns and negation scope.
 */
export function wordsBetween(stream: ScanStream, from: number, to: number): number {
  if (to < from) return Number.POSITIVE_INFINITY;
  let words = 0;
  let inWord = false;
  for (let k = from; k < to; k++) {
    const c = stream.codes[k]!;
    if (c === BREAK) return Number.POSITIVE_INFINITY;
    if (c === SPACE) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Pattern syntax

/** Expands `(a|b)`, `[x]` into plain strings. Throws on unbalanced brackets or too many results. */
export function expandPattern(pattern: string): string[] {
  // Regular-expression habits match nothing here ("(di )?" would need a literal "?"): refuse them.
  if (pattern.includes("?"))
    throw new Error(`"?" is no pattern syntax (write an optional part as [x]): ${pattern}`);
  let pos = 0;
  const parseSequence = (stop: string): string[] => {
    let results = [""];
    while (pos < pattern.length) {
      const ch = pattern[pos]!;
      if (stop.includes(ch)) break;
      let options: string[];
      if (ch === "(") {
        pos++;
        options = [];
        for (;;) {
          options.push(...parseSequence("|)"));
          const end = pattern[pos];
          if (end === "|") {
            pos++;
            continue;
          }
          if (end !== ")") throw new Error(`Unclosed "(" in pattern: ${pattern}`);
          pos++;
          break;
        }
      } else if (ch === "[") {
        pos++;
        options = ["", ...parseSequence("]")];
        if (pattern[pos] !== "]") throw new Error(`Unclosed "[" in pattern: ${pattern}`);
        pos++;
      } else if (ch === ")" || ch === "]" || ch === "|") {
        throw new Error(`Unexpected "${ch}" in pattern: ${pattern}`);
      } else {
        let end = pos;
        while (end < pattern.length && !"()[]|".includes(pattern[end]!)) end++;
        options = [pattern.slice(pos, end)];
        pos = end;
      }
      const next: string[] = [];
      for (const r of results) for (const o of options) next.push(r + o);
      if (next.length > MAX_EXPANSIONS)
        throw new Error(`Pattern expands to more than ${MAX_EXPANSIONS}: ${pattern}`);
      results = next;
    }
    return results;
  };
  const results = parseSequence("");
  if (pos !== pattern.length) throw new Error(`Unexpected "${pattern[pos]}" in pattern: ${pattern}`);
  return [...new Set(results.map((r) => r.replace(/\s+/g, " ").trim()).filter((r) => r.length > 0))];
}

interface Literal {
  codes: string;
  openStart: boolean;
  openEnd: boolean;
}

/** Turns one expanded phrasing into scan-stream characters, folded like the text it will meet. */
function toLiteral(phrase: string, fold: (s: string) => string): Literal | null {
  let p = phrase.trim();
  const openStart = p.startsWith("*");
  const openEnd = p.endsWith("*");
  p = p.replace(/^\*+|\*+$/g, "").trim();
  const words: string[] = [];
  for (const word of p.split(/\s+/)) {
    const pieces = word.split("{num}");
    let out = "";
    pieces.forEach((piece, k) => {
      if (k > 0) out += String.fromCharCode(NUMBER);
      if (piece.length > 0) out += fold(piece);
    });
    if (out.length > 0) words.push(out);
  }
  // Two words of Thai, Lao, Khmer or Myanmar meet without the space, as the scan stream reads them.
  let codes = "";
  for (const w of words) {
    if (codes.length > 0) {
      const joined =
        isSpacelessLetter(codes.charCodeAt(codes.length - 1)) && isSpacelessLetter(w.charCodeAt(0));
      if (!joined) codes += " ";
    }
    codes += w;
  }
  if (codes.length === 0) return null;
  return { codes, openStart, openEnd };
}

// ---------------------------------------------------------------------------------------------
// Automaton

interface Phrase {
  entry: number;
  /** For `a ~ b`: 0 = plain, 1 = left half, 2 = right half. */
  half: 0 | 1 | 2;
  length: number;
  openStart: boolean;
  openEnd: boolean;
}

/**
 * Compiles the patterns into one automaton. `fold` must be the normaliser the texts go through, so
 * that a phrasing and the text it should meet are folded alike.
 */
export function compilePatterns(
  entries: readonly PatternEntry[],
  fold: (s: string) => NormalisedText,
): CompiledMatcher {
  // Phrasings share most words: fold each distinct word once.
  const folded = new Map<string, string>();
  const foldWord = (piece: string): string => {
    let out = folded.get(piece);
    if (out === undefined) {
      const s = buildScanStream(fold(piece));
      out = String.fromCharCode(...s.codes.subarray(0, s.length));
      folded.set(piece, out);
    }
    return out;
  };
  const phrases: Phrase[] = [];
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  const seen = new Set<string>();

  const addLiteral = (lit: Literal, entry: number, half: 0 | 1 | 2): void => {
    const key = `${entry}\u0000${half}\u0000${lit.openStart}${lit.openEnd}\u0000${lit.codes}`;
    if (seen.has(key)) return;
    seen.add(key);
    let node = 0;
    for (let k = 0; k < lit.codes.length; k++) {
      const c = lit.codes.charCodeAt(k);
      let next = children[node]!.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        children[node]!.set(c, next);
      }
      node = next;
    }
    own[node]!.push(phrases.length);
    phrases.push({ entry, half, length: lit.codes.length, openStart: lit.openStart, openEnd: lit.openEnd });
  };

  entries.forEach((e, entry) => {
    const halves = e.pattern.split(/\s+~\s+/);
    if (halves.length > 2) throw new Error(`Only one "~" per pattern: ${e.pattern}`);
    halves.forEach((half, h) => {
      for (const phrase of expandPattern(half)) {
        const lit = toLiteral(phrase, foldWord);
        if (lit !== null) addLiteral(lit, entry, halves.length === 1 ? 0 : ((h + 1) as 1 | 2));
      }
    });
  });

  // Breadth-first failure links; `outLink` skips to the nearest suffix state that ends a phrase.
  const stateCount = children.length;
  const fail = new Int32Array(stateCount);
  const outLink = new Int32Array(stateCount);
  const queue: number[] = [];
  for (const child of children[0]!.values()) queue.push(child);
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const [c, child] of children[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
      const target = children[f]!.get(c);
      fail[child] = target !== undefined && target !== child ? target : 0;
      const fc = fail[child]!;
      outLink[child] = own[fc]!.length > 0 ? fc : outLink[fc]!;
      queue.push(child);
    }
  }

  // Compact form: the root as a dense table, other states as sorted edge lists.
  const root = new Int32Array(65536);
  for (const [c, child] of children[0]!) root[c] = child;
  const edgeStart = new Int32Array(stateCount + 1);
  let edges = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edges;
    if (s !== 0) edges += children[s]!.size;
  }
  edgeStart[stateCount] = edges;
  const edgeChar = new Uint16Array(edges);
  const edgeTarget = new Int32Array(edges);
  for (let s = 1; s < stateCount; s++) {
    const sorted = [...children[s]!].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([c, t], k) => {
      edgeChar[edgeStart[s]! + k] = c;
      edgeTarget[edgeStart[s]! + k] = t;
    });
  }
  const ownStart = new Int32Array(stateCount + 1);
  const ownList: number[] = [];
  for (let s = 0; s < stateCount; s++) {
    ownStart[s] = ownList.length;
    ownList.push(...own[s]!);
  }
  ownStart[stateCount] = ownList.length;
  const ownPhrases = Int32Array.from(ownList);

  const phraseLength = Int32Array.from(phrases, (p) => p.length);
  const phraseFlags = Uint8Array.from(
    phrases,
    (p) => (p.openStart ? OPEN_START : 0) | (p.openEnd ? OPEN_END : 0),
  );
  const ids = entries.map((e) => e.id);
  const hasPairs = phrases.some((p) => p.half !== 0);

  const scan = (n: NormalisedText): ScanResult => {
    const stream = buildScanStream(n);
    const codes = stream.codes;
    const len = stream.length;
    // Raw matches as flat triples (phrase, start, end): no object per candidate.
    const raw: number[] = [];
    let state = 0;
    for (let p = 0; p < len; p++) {
      const c = codes[p]!;
      // Goto with failure links, inlined: this loop is the whole cost of matching.
      for (;;) {
        if (state === 0) {
          state = root[c]!;
          break;
        }
        const from = edgeStart[state]!;
        const to = edgeStart[state + 1]!;
        let next = -1;
        if (to - from <= 8) {
          for (let k = from; k < to; k++) {
            if (edgeChar[k] === c) {
              next = edgeTarget[k]!;
              break;
            }
          }
        } else {
          let lo = from;
          let hi = to - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const mc = edgeChar[mid]!;
            if (mc === c) {
              next = edgeTarget[mid]!;
              break;
            }
            if (mc < c) lo = mid + 1;
            else hi = mid - 1;
          }
        }
        if (next >= 0) {
          state = next;
          break;
        }
        state = fail[state]!;
      }
      let s = ownStart[state] !== ownStart[state + 1] ? state : outLink[state]!;
      while (s !== 0) {
        for (let k = ownStart[s]!; k < ownStart[s + 1]!; k++) {
          const idx = ownPhrases[k]!;
          const start = p + 1 - phraseLength[idx]!;
          const flags = phraseFlags[idx]!;
          if (
            (flags & OPEN_START) === 0 &&
            start > 0 &&
            isStreamWord(codes[start - 1]!) &&
            !isUnspacedScript(codes[start]!) &&
            !isUnspacedScript(codes[start - 1]!)
          )
            continue;
          // Inside scripts without spaces a match still keeps to grapheme clusters: it neither
          // starts on a combining mark nor stops before one ("กา" is not in "ก้า").
          if (isUnspacedScript(codes[start]!) && isMark(codes[start]!)) continue;
          if (p + 1 < len && isUnspacedScript(c) && isMark(codes[p + 1]!)) continue;
          if (
            (flags & OPEN_END) === 0 &&
            p + 1 < len &&
            isStreamWord(codes[p + 1]!) &&
            !isUnspacedScript(c) &&
            !isUnspacedScript(codes[p + 1]!)
          )
            continue;
          raw.push(idx, start, p + 1);
        }
        s = outLink[s]!;
      }
    }
    const matches: PhraseMatch[] = [];
    const push = (entry: number, start: number, end: number): void => {
      matches.push({
        id: ids[entry]!,
        entry,
        start: stream.srcStart[start]!,
        end: stream.srcEnd[end - 1]!,
        streamStart: start,
        streamEnd: end,
      });
    };
    // Left halves seen so far, per entry: the latest one that can pair with a right half.
    const lefts = hasPairs ? new Map<number, { start: number; end: number }[]>() : null;
    for (let i = 0; i < raw.length; i += 3) {
      const ph = phrases[raw[i]!]!;
      const r = { start: raw[i + 1]!, end: raw[i + 2]! };
      // A prefix/suffix pattern quotes the whole word it matched inside.
      if (ph.openStart) while (r.start > 0 && isStreamWord(codes[r.start - 1]!)) r.start--;
      if (ph.openEnd) while (r.end < len && isStreamWord(codes[r.end]!)) r.end++;
      if (ph.half === 0) push(ph.entry, r.start, r.end);
      else if (ph.half === 1) {
        const list = lefts!.get(ph.entry);
        if (list) list.push(r);
        else lefts!.set(ph.entry, [r]);
      } else {
        const list = lefts!.get(ph.entry);
        if (!list) continue;
        for (let k = list.length - 1; k >= 0; k--) {
          const left = list[k]!;
          if (left.end > r.start) continue;
          // Far apart: not a pair (and no long walk over a megabyte of text).
          if (r.start - left.end > PROXIMITY_WORDS * 40) break;
          if (wordsBetween(stream, left.end, r.start) <= PROXIMITY_WORDS) push(ph.entry, left.start, r.end);
          break;
        }
      }
    }
    matches.sort((a, b) => a.streamEnd - b.streamEnd || a.streamStart - b.streamStart);
    return { stream, matches };
  };

  return { entryCount: entries.length, phraseCount: phrases.length, stateCount, scan };
}
