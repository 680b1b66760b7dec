/**
 * Folds a message into the form the matcher and the place/job gazetteers read, keeping a map from
 * every output position back to the original text so evidence can be quoted exactly.
 *
 * One pass per stage over typed arrays, no regular expressions over the whole text: the input can
 * be anything a user pastes (1 MB, lone surrogates, RTL, zero-width characters) and must never make
 * this throw or go quadratic.
 */
import { Buffer as NodeBuffer } from "node:buffer";
import type { NormalisedText, Span } from "#src/screening/types.js";

// Classes of output code units.
const OTHER = 0; // punctuation and currency signs kept as they are
const LETTER = 1; // any letter, or a mark/number of a script that stays as written (Thai, Arabic …)
const DIGIT = 2; // ASCII 0-9
const SPACE = 3;

interface Folded {
  codes: Uint16Array;
  classes: Uint8Array;
}

function makeFolded(text: string, classes: ArrayLike<number>): Folded {
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
  return { codes, classes: Uint8Array.from(classes) };
}

const REMOVED: Folded = makeFolded("", []);
const SPACE_FOLD: Folded = makeFolded(" ", [SPACE]);

const RE_LETTER = /\p{L}/u;
const RE_MARK = /\p{M}/u;
const RE_NUMBER = /\p{N}/u;
const RE_PUNCT = /\p{P}/u;
const RE_CURRENCY = /\p{Sc}/u;
const RE_FORMAT = /\p{Cf}/u;
const RE_WHITESPACE = /[\s\p{Z}]/u;

/** Invisible characters that are dropped outright (zero-width, bidi controls, variation selectors, tags). */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Diacritics of Latin, Greek and Cyrillic (and Vietnamese tone marks); Thai and other scripts keep theirs. */
function isStrippedMark(cu: number): boolean {
  return (
    (cu >= 0x0300 && cu <= 0x036f) ||
    (cu >= 0x1ab0 && cu <= 0x1aff) ||
    (cu >= 0x1dc0 && cu <= 0x1dff) ||
    (cu >= 0x20d0 && cu <= 0x20ff) ||
    (cu >= 0xfe20 && cu <= 0xfe2f)
  );
}

/** Letters that NFD does not decompose but readers treat as their base letter. */
const LETTER_FOLDS: Record<string, string> = {
  đ: "d",
  ð: "d",
  ø: "o",
  ł: "l",
  ħ: "h",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
  ŀ: "l",
};

/** Punctuation variants folded to their ASCII form so patterns need one spelling. */
const PUNCT_FOLDS: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u2033": '"',
};

/** Bullets and middle dots are layout, not punctuation a phrase would contain. */
const BULLETS = new Set(["\u2022", "\u2023", "\u2043", "\u00b7", "\u2027", "\u25e6", "\u2219", "\u30fb"]);

/** Thai, Lao, Khmer and Myanmar digits ("၁၅၀၀", "១០០០", "๑๕๐๐") read as the ASCII digits they are. */
function nativeDigit(cp: number): number {
  for (const zero of [0x0e50, 0x0ed0, 0x17e0, 0x1040, 0x1090])
    if (cp >= zero && cp <= zero + 9) return cp - zero;
  return -1;
}

/** Folds one non-ASCII code point; results are cached because messages repeat the same few. */
function foldCodePoint(cp: number): Folded {
  if (cp >= 0xd800 && cp <= 0xdfff) return SPACE_FOLD; // lone surrogate
  if (isInvisible(cp)) return REMOVED;
  const ch = String.fromCodePoint(cp);
  if (RE_WHITESPACE.test(ch)) return SPACE_FOLD;
  if (BULLETS.has(ch)) return SPACE_FOLD;
  const punct = PUNCT_FOLDS[ch];
  if (punct !== undefined) return makeFolded(punct, [OTHER]);
  const digit = nativeDigit(cp);
  if (digit >= 0) return makeFolded(String(digit), [DIGIT]);
  let decomposed: string;
  try {
    decomposed = ch.normalize("NFKC").toLowerCase().normalize("NFD");
  } catch {
    return SPACE_FOLD;
  }
  let out = "";
  const classes: number[] = [];
  for (const part of decomposed) {
    const cu = part.charCodeAt(0);
    if (part.length === 1 && isStrippedMark(cu)) continue;
    const folded = LETTER_FOLDS[part] ?? part;
    if (folded !== part) {
      out += folded;
      for (let k = 0; k < folded.length; k++) classes.push(LETTER);
      continue;
    }
    let cls: number;
    if (cu < 0x80) {
      cls = ASCII_CLASS[cu] ?? OTHER;
    } else if (RE_FORMAT.test(part)) {
      continue;
    } else if (RE_LETTER.test(part) || RE_MARK.test(part) || RE_NUMBER.test(part)) {
      cls = LETTER;
    } else if (RE_WHITESPACE.test(part)) {
      cls = SPACE;
    } else if (RE_PUNCT.test(part) || RE_CURRENCY.test(part)) {
      cls = OTHER;
    } else {
      // Emoji, pictographs, arrows, box drawing, private use, unassigned: a word break.
      cls = SPACE;
    }
    if (cls === SPACE) {
      out += " ";
      classes.push(SPACE);
    } else {
      out += part;
      for (let k = 0; k < part.length; k++) classes.push(cls);
    }
  }
  if (out.length === 0) return REMOVED;
  return makeFolded(out, classes);
}

/** Class of each ASCII code unit after lower-casing; control characters become spaces. */
const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (c >= 0x30 && c <= 0x39) table[c] = DIGIT;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) table[c] = LETTER;
    else if (c <= 0x20 || c === 0x7f) table[c] = SPACE;
    else table[c] = OTHER;
  }
  return table;
})();
/** ASCII after lower-casing. */
const ASCII_FOLD = (() => {
  const table = new Uint16Array(128);
  for (let c = 0; c < 128; c++) table[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  return table;
})();

const foldCache = new Map<number, Folded>();
const FOLD_CACHE_LIMIT = 8192;

function cachedFold(cp: number): Folded {
  let result = foldCache.get(cp);
  if (result === undefined) {
    result = foldCodePoint(cp);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(cp, result);
  }
  return result;
}

/** Working buffers: code units, their class, and the original offset that produced each. */
interface Buffer {
  codes: Uint16Array;
  classes: Uint8Array;
  offsets: Int32Array;
  length: number;
  /** Start of every one-character word: candidates for joining spelled-out letters. */
  singles: number[];
  /** Digits, leet symbols and confusables that touch a letter: candidates for look-alike undoing. */
  suspects: number[];
}

const isLeetSymbol = (code: number): boolean =>
  code === 0x40 || code === 0x24 || code === 0x20ac || code === 0x21 || code === 0x7c;

/**
 * Stage 1, one pass: NFKC, lower case, diacritics, invisibles, emoji → space, whitespace runs →
 * one space, a letter repeated 3+ times → one. While writing, it notes the few places the later
 * stages must look at, so they skip the rest of the text.
 */
class Folder implements Buffer {
  codes: Uint16Array;
  classes: Uint8Array;
  offsets: Int32Array;
  length = 0;
  singles: number[] = [];
  suspects: number[] = [];
  private prevLetter = -1;
  private run = 0;

  /** Scratch space reused across calls; `normalise` is synchronous, so one instance suffices. */
  keep: Uint8Array;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.classes = new Uint8Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.keep = new Uint8Array(capacity);
  }

  reset(inputLength: number): void {
    // Release the memory a huge message needed rather than keep it for the process lifetime.
    if (this.codes.length > 1 << 16 && inputLength < 1 << 14) {
      this.codes = new Uint16Array(1 << 14);
      this.classes = new Uint8Array(1 << 14);
      this.offsets = new Int32Array(1 << 14);
    }
    this.length = 0;
    this.singles.length = 0;
    this.suspects.length = 0;
    this.prevLetter = -1;
    this.run = 0;
    this.ensure(inputLength + 16);
  }

  keepAll(): Uint8Array {
    if (this.keep.length < this.length) this.keep = new Uint8Array(this.codes.length);
    this.keep.fill(1, 0, this.length);
    return this.keep;
  }

  ensure(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const size = Math.max(this.codes.length * 2, capacity);
    const codes = new Uint16Array(size);
    codes.set(this.codes.subarray(0, this.length));
    const classes = new Uint8Array(size);
    classes.set(this.classes.subarray(0, this.length));
    const offsets = new Int32Array(size);
    offsets.set(this.offsets.subarray(0, this.length));
    this.codes = codes;
    this.classes = classes;
    this.offsets = offsets;
  }

  push(code: number, cls: number, offset: number): void {
    const len = this.length;
    const classes = this.classes;
    if (cls === LETTER) {
      if (code === this.prevLetter) {
        this.run++;
        if (this.run >= 3) {
          if (this.run === 3) this.length = len - 1; // keep only the first copy
          return;
        }
      } else {
        this.prevLetter = code >= 0x61 && code <= 0x7a ? code : -1;
        this.run = 1;
      }
      if (len > 0) {
        const pc = classes[len - 1]!;
        if (pc === DIGIT || (pc === OTHER && isLeetSymbol(this.codes[len - 1]!))) this.suspects.push(len - 1);
      }
      if (code >= 0x80 && CONFUSABLES[code] !== undefined) this.suspects.push(len);
    } else {
      this.prevLetter = -1;
      if (cls === DIGIT || isLeetSymbol(code)) {
        if (len > 0 && classes[len - 1] === LETTER) this.suspects.push(len);
      }
      if (cls !== DIGIT) {
        this.noteSingle();
        if (cls === SPACE) {
          if (len === 0 || classes[len - 1] === SPACE) return;
          code = 0x20;
        }
      }
    }
    this.codes[len] = code;
    classes[len] = cls;
    this.offsets[len] = offset;
    this.length = len + 1;
  }

  /** Called before a non-word unit: was the word that just ended one character long? */
  noteSingle(): void {
    const len = this.length;
    if (len === 0) return;
    const c1 = this.classes[len - 1]!;
    if (c1 !== LETTER && c1 !== DIGIT) return;
    if (len >= 2) {
      const c2 = this.classes[len - 2]!;
      if (c2 === LETTER || c2 === DIGIT) return;
    }
    this.singles.push(len - 1);
  }

  finish(end: number): void {
    this.noteSingle();
    if (this.length > 0 && this.classes[this.length - 1] === SPACE) this.length--;
    this.ensure(this.length + 1);
    this.offsets[this.length] = end;
  }
}

const folder = new Folder(1 << 12);

function foldCharacters(original: string): Folder {
  const n = original.length;
  folder.reset(n);
  let i = 0;
  while (i < n) {
    const cu = original.charCodeAt(i);
    if (cu < 0x80) {
      folder.push(ASCII_FOLD[cu]!, ASCII_CLASS[cu]!, i);
      i++;
      continue;
    }
    let cp = cu;
    let width = 1;
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < n) {
      const low = original.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cu - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const result = cachedFold(cp);
    const count = result.codes.length;
    // Room for this expansion and every remaining input unit, so the ASCII path never checks.
    folder.ensure(folder.length + count + (n - i - width) + 2);
    for (let k = 0; k < count; k++) folder.push(result.codes[k]!, result.classes[k]!, i);
    i += width;
  }
  folder.finish(n);
  return folder;
}

const isWordClass = (cls: number): boolean => cls === LETTER || cls === DIGIT;

/** Leet digits and symbols that stand for letters inside words. */
const LEET: Record<number, number> = {
  48: 0x6f, // 0 → o
  49: 0x69, // 1 → i
  51: 0x65, // 3 → e
  52: 0x61, // 4 → a
  53: 0x73, // 5 → s
  55: 0x74, // 7 → t
  64: 0x61, // @ → a
  36: 0x73, // $ → s
  8364: 0x65, // € → e
  33: 0x69, // ! → i
  124: 0x6c, // | → l
};
const isAsciiLetter = (code: number): boolean => code >= 0x61 && code <= 0x7a;

/** A lone letter, or a leet digit/symbol, standing between non-word characters. */
function isSingleUnit(buf: Buffer, i: number): boolean {
  const cls = buf.classes[i]!;
  const code = buf.codes[i]!;
  if (!(cls === LETTER && isAsciiLetter(code)) && !(cls === DIGIT && LEET[code] !== undefined)) return false;
  if (i > 0 && isWordClass(buf.classes[i - 1]!)) return false;
  if (i + 1 < buf.length && isWordClass(buf.classes[i + 1]!)) return false;
  return true;
}

/**
 * Stage 2: "k a m b o j a", "C.S", "v.i.s.a" → one word. Three or more lone letters separated by
 * spaces, or two or more separated by dots/dashes; mostly letters, so "1.5" or "3 x 4" stay.
 */
function joinSpelledOutLetters(buf: Buffer, keep: Uint8Array): void {
  let consumedUpTo = -1;
  for (const i of buf.singles) {
    if (i <= consumedUpTo || !isSingleUnit(buf, i)) continue;
    const units = [i];
    let onlyTightSeparators = true;
    let j = i + 1;
    for (;;) {
      // A separator: one run of spaces, or a single . - _ with optional single spaces around it.
      let k = j;
      let sawSpace = false;
      let sawMark = false;
      while (k < buf.length && buf.classes[k] === SPACE && k - j < 3) {
        k++;
        sawSpace = true;
      }
      const code = buf.codes[k];
      if (k < buf.length && (code === 0x2e || code === 0x2d || code === 0x5f || code === 0x2a)) {
        k++;
        sawMark = true;
        if (k < buf.length && buf.classes[k] === SPACE) k++;
      }
      if ((!sawSpace && !sawMark) || k >= buf.length || !isSingleUnit(buf, k)) break;
      if (!sawMark || sawSpace) onlyTightSeparators = false;
      units.push(k);
      j = k + 1;
    }
    let letters = 0;
    for (const u of units) if (buf.classes[u] === LETTER) letters++;
    const enough = units.length >= 3 || (units.length === 2 && onlyTightSeparators);
    if (enough && letters * 2 > units.length && (units.length > 2 || letters === 2)) {
      for (let u = 1; u < units.length; u++) {
        for (let k = units[u - 1]! + 1; k < units[u]!; k++) keep[k] = 0;
      }
      // Leet digits inside a spelled-out word are letters ("k 4 m b 0 j 4").
      for (const u of units) {
        if (buf.classes[u] === DIGIT) {
          buf.codes[u] = LEET[buf.codes[u]!]!;
          buf.classes[u] = LETTER;
        }
      }
    }
    consumedUpTo = units[units.length - 1]!;
  }
}

/** Alphanumeric names that look like leet but are real (agency types, programmes). */
const PROTECTED_TOKENS = new Set([
  "p3mi",
  "bp3mi",
  "kp3mi",
  "4d3n",
  "3d2n",
  "5d4n",
  "mp3",
  "mp4",
  "h1n1",
  "a4",
]);

/** Units and counted nouns that follow a number directly ("5juta", "3bulan"): never leet. */
const UNIT_PREFIXES = [
  "juta",
  "jt",
  "ribu",
  "rb",
  "bulan",
  "bln",
  "tahun",
  "thn",
  "minggu",
  "hari",
  "jam",
  "menit",
  "orang",
  "org",
  "kali",
  "trieu",
  "nghin",
  "dolar",
  "dollar",
  "ringgit",
  "baht",
  "peso",
  "rupiah",
  "yuan",
  "month",
  "year",
  "week",
  "hour",
  "day",
  "minute",
  "people",
  "person",
  "persen",
  "percent",
  "star",
  "bintang",
];

/** Cyrillic and Greek letters that readers take for Latin ones, used to dodge keyword filters. */
const CONFUSABLES: Record<number, number> = {
  1072: 0x61, // а
  1077: 0x65, // е
  1105: 0x65, // ё
  1110: 0x69, // і
  1112: 0x6a, // ј
  1082: 0x6b, // к
  1084: 0x6d, // м
  1085: 0x68, // н
  1086: 0x6f, // о
  1088: 0x70, // р
  1089: 0x63, // с
  1090: 0x74, // т
  1091: 0x79, // у
  1093: 0x78, // х
  1109: 0x73, // ѕ
  1281: 0x64, // ԁ
  1307: 0x71, // ԛ
  1309: 0x77, // ԝ
  945: 0x61, // α
  949: 0x65, // ε
  953: 0x69, // ι
  954: 0x6b, // κ
  957: 0x76, // ν
  959: 0x6f, // ο
  961: 0x70, // ρ
  964: 0x74, // τ
  965: 0x75, // υ
  967: 0x78, // χ
};

function tokenText(buf: Buffer, keep: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let k = start; k < end; k++) if (keep[k]) s += String.fromCharCode(buf.codes[k]!);
  return s;
}

function isTokenUnit(classes: Uint8Array, codes: Uint16Array, k: number): boolean {
  const cls = classes[k];
  return cls === LETTER || cls === DIGIT || (cls === OTHER && isLeetSymbol(codes[k]!));
}

/**
 * Stage 3: undo look-alikes inside one word. A digit becomes a letter only inside a word that is
 * mostly letters ("k4mb0j4", "g@ji", "1ndonesia"), never in amounts or codes ("15jt", "rp1.000",
 * "p3mi", "0812-3456").
 */
function undoLookAlikes(buf: Buffer, keep: Uint8Array): void {
  const { classes, codes } = buf;
  let doneUpTo = -1;
  for (const at of buf.suspects) {
    if (at <= doneUpTo) continue;
    let start = at;
    while (start > 0 && (!keep[start - 1] || isTokenUnit(classes, codes, start - 1))) start--;
    let end = at + 1;
    while (end < buf.length && (!keep[end] || isTokenUnit(classes, codes, end))) end++;
    doneUpTo = end;
    // Symbols at the edges are punctuation ("K4mb0j4!!", "@admin"), not letters.
    while (start < end && (!keep[start] || classes[start] === OTHER)) start++;
    while (end > start && (!keep[end - 1] || classes[end - 1] === OTHER)) end--;
    if (end - start < 2) continue;
    let letters = 0;
    let asciiLetters = 0;
    let digits = 0;
    let foreign = 0;
    for (let k = start; k < end; k++) {
      if (!keep[k]) continue;
      const cls = classes[k]!;
      const code = codes[k]!;
      if (cls === LETTER) {
        letters++;
        if (isAsciiLetter(code)) asciiLetters++;
        else if (CONFUSABLES[code] === undefined) foreign++;
      } else if (cls === DIGIT) digits++;
    }
    if (asciiLetters > 0) substituteInToken(buf, keep, start, end, letters, digits, foreign === 0);
  }
}

function startsWithUnit(rest: string): boolean {
  for (const unit of UNIT_PREFIXES) if (rest.startsWith(unit)) return true;
  return false;
}

function substituteInToken(
  buf: Buffer,
  keep: Uint8Array,
  start: number,
  end: number,
  letters: number,
  digits: number,
  mapConfusables: boolean,
): void {
  const { codes, classes } = buf;
  // Cyrillic/Greek look-alikes inside an otherwise Latin word ("Kаmboja" with a Cyrillic а).
  for (let k = start; mapConfusables && k < end; k++) {
    const latin = CONFUSABLES[codes[k]!];
    if (keep[k] && latin !== undefined && classes[k] === LETTER) codes[k] = latin;
  }
  const word = tokenText(buf, keep, start, end);
  if (PROTECTED_TOKENS.has(word)) return;
  // An e-mail's "@" is followed by a domain: "nama@gmail.com".
  const emailLike = codes[end] === 0x2e && end + 1 < buf.length && classes[end + 1] === LETTER;

  const kept: number[] = [];
  for (let k = start; k < end; k++) if (keep[k]) kept.push(k);
  const count = kept.length;
  const wordLike = letters >= 2 && digits <= letters + 1;
  const letterAt = (idx: number): boolean => idx >= 0 && idx < count && classes[kept[idx]!] === LETTER;

  // Symbols only between letters: "g@ji", "u$d", "k!rim"; "$100", "nt$", "@handle" stay.
  // Interior digit runs of one or two between letters: "k4mb0j4", "m00n"; not "abc123def".
  let interior = 0;
  let idx = 1;
  while (idx < count - 1) {
    const pos = kept[idx]!;
    const cls = classes[pos]!;
    if (cls === LETTER) {
      idx++;
      continue;
    }
    if (cls !== DIGIT) {
      const code = codes[pos]!;
      if (!(code === 0x40 && emailLike) && letterAt(idx - 1) && letterAt(idx + 1)) {
        codes[pos] = LEET[code]!;
        classes[pos] = LETTER;
        interior++;
      }
      idx++;
      continue;
    }
    let runEnd = idx;
    let allLeet = true;
    while (runEnd < count && classes[kept[runEnd]!] === DIGIT) {
      if (LEET[codes[kept[runEnd]!]!] === undefined) allLeet = false;
      runEnd++;
    }
    if (wordLike && allLeet && runEnd - idx <= 2 && letterAt(idx - 1) && letterAt(runEnd)) {
      for (let r = idx; r < runEnd; r++) substituteAt(buf, kept[r]!);
      interior += runEnd - idx;
    }
    idx = runEnd;
  }
  if (!wordLike || count < 2) return;
  const first = kept[0]!;
  if (classes[first] === DIGIT && LEET[codes[first]!] !== undefined && letterAt(1)) {
    // Leading digit: "1ndonesia"; not "5juta", "3bulan".
    if (interior > 0 || (letters >= 4 && !startsWithUnit(word.slice(1)))) substituteAt(buf, first);
  }
  const last = kept[count - 1]!;
  if (classes[last] === DIGIT && LEET[codes[last]!] !== undefined && letterAt(count - 2)) {
    // Trailing digit: "kamboj4", "g4j1"; not "covid19", "ssw1", "rp1".
    if (interior > 0 || letters >= 5) substituteAt(buf, last);
  }
}

function substituteAt(buf: Buffer, pos: number): void {
  buf.codes[pos] = LEET[buf.codes[pos]!]!;
  buf.classes[pos] = LETTER;
}

/** Stage 4: drops the positions the earlier stages removed, and builds the result. */
function build(original: string, buf: Buffer, keep: Uint8Array | undefined): NormalisedText {
  if (keep === undefined || keep.subarray(0, buf.length).indexOf(0) < 0) {
    return {
      original,
      text: decodeUtf16(buf.codes, buf.length),
      toOriginal: buf.offsets.slice(0, buf.length + 1),
    };
  }
  const codes = new Uint16Array(buf.length);
  const toOriginal = new Int32Array(buf.length + 1);
  let out = 0;
  for (let i = 0; i < buf.length; i++) {
    if (!keep[i]) continue;
    // Removing a separator can leave two spaces side by side.
    if (buf.classes[i] === SPACE && (out === 0 || codes[out - 1] === 0x20)) continue;
    codes[out] = buf.codes[i]!;
    toOriginal[out] = buf.offsets[i]!;
    out++;
  }
  if (out > 0 && codes[out - 1] === 0x20) out--;
  toOriginal[out] = original.length;
  return { original, text: decodeUtf16(codes, out), toOriginal: toOriginal.slice(0, out + 1) };
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function decodeUtf16(codes: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return NodeBuffer.from(codes.buffer, codes.byteOffset, length * 2).toString("utf16le");
  let s = "";
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[],
    );
  }
  return s;
}

/** A number as OCR misreads it: letters that look like digits among real digits ("45O", "l,2OO"). */
const OCR_NUMBER = /(?<![\p{L}\p{N}])[0-9OoIl|][0-9OoIl|.,]*(?<![.,])(?![\p{L}\p{N}])/gu;
/** Thousands grouping with no real digit left ("l,OOO", "I.OOO.OOO"). */
const OCR_GROUPED = /^[OoIl|]{1,3}(?:[.,][OoIl|]{3})+$/;
const OCR_DIGIT: Readonly<Record<string, string>> = { O: "0", o: "0", I: "1", l: "1", "|": "1" };

/**
 * OCR's look-alike digits read as digits inside numbers ("45O USD" → "450 USD", "l,2OO" →
 * "1,200", "4,5OO,OOO" → "4,500,000"): only in a run of digits, separators and look-alikes with at
 * least one real digit (or grouped in thousands, "l,OOO"), standing alone. The same length, so
 * offsets still map to the original.
 */
export function readOcrDigits(text: string): string {
  return text.replace(OCR_NUMBER, (run) =>
    /[OoIl|]/.test(run) && (/[0-9]/.test(run) || OCR_GROUPED.test(run))
      ? run.replace(/[OoIl|]/g, (c) => OCR_DIGIT[c]!)
      : run,
  );
}

/** Folds `original` for matching; never throws, linear in its length. */
export function normalise(original: string): NormalisedText {
  const input = typeof original === "string" ? original : String(original ?? "");
  // Folded from the digits OCR meant; quotes still come from what the person sent.
  const buf = foldCharacters(readOcrDigits(input));
  if (buf.singles.length === 0 && buf.suspects.length === 0) return build(input, buf, undefined);
  const keep = buf.keepAll();
  if (buf.singles.length > 0) joinSpelledOutLetters(buf, keep);
  if (buf.suspects.length > 0) undoLookAlikes(buf, keep);
  return build(input, buf, keep);
}

function isTrimmable(cu: number): boolean {
  return (
    cu === 0x20 ||
    (cu >= 0x09 && cu <= 0x0d) ||
    cu === 0xa0 ||
    cu === 0x1680 ||
    (cu >= 0x2000 && cu <= 0x200f) ||
    (cu >= 0x2028 && cu <= 0x202f) ||
    (cu >= 0x205f && cu <= 0x206f) ||
    cu === 0x3000 ||
    cu === 0xfeff ||
    cu === 0x00ad
  );
}

/** Code units that belong to the character before them: combining marks, variation selectors, low surrogates. */
function isContinuation(original: string, i: number): boolean {
  const cu = original.charCodeAt(i);
  if (cu >= 0xdc00 && cu <= 0xdfff) {
    const prev = original.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff;
  }
  if (cu < 0x0300) return false;
  if ((cu >= 0xfe00 && cu <= 0xfe0f) || cu === 0x200d) return true;
  return RE_MARK.test(original[i]!);
}

/**
 * Maps the normalised span [start, end) to the original text, extended over the marks that belong
 * to its last character and trimmed of surrounding whitespace, so `original.slice(start, end)` is
 * exactly what the user wrote.
 */
export function spanToOriginal(n: NormalisedText, start: number, end: number): Span {
  const len = n.text.length;
  const s0 = Math.max(0, Math.min(Math.trunc(start) || 0, len));
  const e0 = Math.max(s0, Math.min(Math.trunc(end) || 0, len));
  const original = n.original;
  let s = n.toOriginal[s0] ?? original.length;
  if (e0 === s0) return { start: s, end: s };
  const last = n.toOriginal[e0 - 1] ?? original.length - 1;
  const nextStart = n.toOriginal[e0] ?? original.length;
  let e = last + 1;
  while (e < original.length && isContinuation(original, e)) e++;
  // A letter repeated 3+ times was folded to one ("gajiii" → "gaji"): quote every copy.
  const lastCode = original.charCodeAt(last) | 0x20;
  if (lastCode >= 0x61 && lastCode <= 0x7a) {
    while (e < nextStart && (original.charCodeAt(e) | 0x20) === lastCode) e++;
  }
  e = Math.min(e, original.length);
  while (s < e && isTrimmable(original.charCodeAt(s))) s++;
  while (e > s && isTrimmable(original.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}
