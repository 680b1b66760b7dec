/**
 * Typed answers to the report's questions: "iya", "gak tau", "kamboja", "selesai", "batal" mean the
 * same as the buttons, in Indonesian and English, with case, accents, stretched letters ("iyaa")
 * and one typo in a longer word ("selsai") forgiven. Pure data and functions, no grammY: the
 * Dialog asks here what a typed message means before it takes it as free text.
 */
import { PLACES } from "#src/screening/extract/index.js";

/** Words for the actions every question (or most) offers. */
const CONTROL_WORDS = {
  cancel: [
    "batal",
    "batalkan",
    "dibatalkan",
    "cancel",
    "stop",
    "berhenti",
    "hentikan",
    "keluar",
    "quit",
    "exit",
    "abort",
    "gak jadi",
    "ga jadi",
    "nggak jadi",
    "ngga jadi",
    "tidak jadi",
    "tdk jadi",
    "enggak jadi",
  ],
  back: [
    "kembali",
    "back",
    "balik",
    "mundur",
    "sebelumnya",
    "ke belakang",
    "kembali ke sebelumnya",
    "pertanyaan sebelumnya",
    "previous",
    "go back",
    "prev",
  ],
  skip: ["lewati", "lewat", "lompati", "skip", "pass", "lewatkan", "skip it"],
  done: [
    "selesai",
    "slesai",
    "sudah selesai",
    "done",
    "udah",
    "sudah",
    "sdh",
    "cukup",
    "beres",
    "itu saja",
    "itu aja",
    "sudah semua",
    "sudah itu saja",
    "finish",
    "finished",
    "thats all",
    "that is all",
    "all done",
    "lanjut",
    "lanjutkan",
    "next",
    "terus",
    "continue",
  ],
  next: ["lanjut", "lanjutkan", "next", "terus", "continue", "go on"],
  send: [
    "kirim",
    "kirimkan",
    "kirim laporan",
    "kirim sekarang",
    "send",
    "send it",
    "submit",
    "lapor",
    "laporkan",
  ],
} as const;

export type ControlWord = keyof typeof CONTROL_WORDS;

const YES = [
  "ya",
  "iya",
  "iyah",
  "yoi",
  "y",
  "yes",
  "yeah",
  "yep",
  "yup",
  "ok",
  "oke",
  "okay",
  "okey",
  "boleh",
  "betul",
  "benar",
  "bener",
  "sudah",
  "udah",
  "sdh",
  "pernah",
  "setuju",
  "mau",
  "tentu",
  "tentu saja",
  "silakan",
  "silahkan",
  "baik",
  "siap",
  "sure",
  "of course",
  "correct",
  "right",
];
const NO = [
  "tidak",
  "tdk",
  "tak",
  "nggak",
  "ngga",
  "nggk",
  "gak",
  "ga",
  "gk",
  "enggak",
  "engga",
  "ndak",
  "nda",
  "belum",
  "blm",
  "bukan",
  "jangan",
  "no",
  "nope",
  "nah",
  "not",
  "never",
  "tidak ada",
  "tdk ada",
  "gak ada",
  "ga ada",
  "nggak ada",
  "ngga ada",
  "none",
  "nothing",
];
const UNKNOWN = [
  "tidak tahu",
  "tidak tau",
  "tdk tahu",
  "tdk tau",
  "gak tahu",
  "gak tau",
  "ga tau",
  "ga tahu",
  "gatau",
  "gatahu",
  "nggak tahu",
  "nggak tau",
  "ngga tau",
  "enggak tahu",
  "belum tahu",
  "kurang tahu",
  "entah",
  "entahlah",
  "tidak yakin",
  "ragu",
  "dont know",
  "do not know",
  "i dont know",
  "dunno",
  "idk",
  "not sure",
  "unknown",
];

/**
 * What each button value of the report can be called when typed. A value not listed here is
 * matched by its label only (a country by its names, below).
 */
const CHOICE_WORDS: Record<string, readonly string[]> = {
  yes: YES,
  no: NO,
  unknown: UNKNOWN,
  // "tidak ada" after sending things: nothing more to send.
  done: [...CONTROL_WORDS.done, ...NO, "tidak ada lagi", "sudah tidak ada", "no more", "nothing more"],
  send: [
    ...CONTROL_WORDS.send,
    "selesai",
    "done",
    "sudah",
    "udah",
    "ok",
    "oke",
    "ya",
    "iya",
    "benar",
    "betul",
  ],
  // "Send more, or press Continue": yes, no and don't know all mean there is nothing to add.
  ok: [...CONTROL_WORDS.done, ...YES, ...NO, ...UNKNOWN],
  keep: [
    ...YES,
    "pakai",
    "pakai itu",
    "pakai saja",
    "sama",
    "itu",
    "keep",
    "same",
    "keep it",
    "lanjut",
    "next",
  ],
  clear: ["hapus", "hapus semua", "kosongkan", "salah", "clear", "delete", "remove", "wrong"],
  other: ["lainnya", "lain", "lain lain", "negara lain", "other", "another", "elsewhere"],
  // Who is reporting
  self: ["saya", "aku", "gue", "saya sendiri", "sendiri", "me", "myself", "i", "i did", "saya yang menerima"],
  family_friend: [
    "keluarga",
    "teman",
    "anak",
    "anak saya",
    "saudara",
    "kakak",
    "adik",
    "suami",
    "istri",
    "ibu",
    "bapak",
    "sepupu",
    "keponakan",
    "family",
    "friend",
    "relative",
    "son",
    "daughter",
    "child",
    "sister",
    "brother",
  ],
  abroad: ["luar negeri", "di luar negeri", "saya di luar negeri", "abroad", "overseas", "i am abroad"],
  // Money
  none: [...NO, "tidak diminta", "tidak ada yang diminta", "gratis", "free", "no money"],
  asked: [
    "diminta",
    "minta",
    "disuruh bayar",
    "ditagih",
    "diminta uang",
    "diminta bayar",
    "asked",
    "they asked",
  ],
  paid: [
    "sudah bayar",
    "udah bayar",
    "sudah dibayar",
    "dibayar",
    "bayar",
    "sudah transfer",
    "transfer",
    "sudah",
    "udah",
    "paid",
    "already paid",
    "i paid",
  ],
  // Relationship of the person who left
  child: [
    "anak",
    "anak saya",
    "anakku",
    "putra",
    "putri",
    "putra saya",
    "putri saya",
    "son",
    "daughter",
    "child",
  ],
  spouse: ["suami", "istri", "isteri", "suami saya", "istri saya", "husband", "wife", "spouse"],
  sibling: [
    "kakak",
    "adik",
    "abang",
    "kakak saya",
    "adik saya",
    "saudara kandung",
    "brother",
    "sister",
    "sibling",
  ],
  parent: [
    "ibu",
    "bapak",
    "ayah",
    "mama",
    "papa",
    "orang tua",
    "ortu",
    "mother",
    "father",
    "mom",
    "dad",
    "parent",
  ],
  relative: [
    "kerabat",
    "sepupu",
    "keponakan",
    "paman",
    "bibi",
    "om",
    "tante",
    "saudara",
    "cousin",
    "relative",
  ],
  friend: ["teman", "kawan", "sahabat", "pacar", "teman saya", "friend", "boyfriend", "girlfriend"],
  // Parts of the summary to edit
  who: ["pelapor", "reporter", "who"],
  offer: ["tawaran", "offer", "lowongan"],
  contacts: ["kontak", "kontak perekrut", "contacts", "contact", "nomor perekrut"],
  destination: ["tujuan", "negara", "negara tujuan", "destination", "country"],
  money: ["uang", "biaya", "money", "fees"],
  departed: ["orang yang berangkat", "yang berangkat", "berangkat", "person who left", "departed"],
  consent: ["kontak saya", "izin", "persetujuan", "my contact", "consent"],
};

/** Words said around an answer that change nothing ("iya kak", "selesai bu", "ok thanks"). */
const FILLERS = new Set([
  "kak",
  "ka",
  "bu",
  "pak",
  "mas",
  "mbak",
  "mba",
  "dik",
  "bang",
  "om",
  "min",
  "admin",
  "aja",
  "saja",
  "deh",
  "dong",
  "sih",
  "kok",
  "nih",
  "tuh",
  "ya",
  "my",
  "please",
  "pls",
  "plz",
  "thanks",
  "thank you",
  "terima kasih",
  "makasih",
  "tolong",
]);
/** How people address the bot ("kak", "bu", "min"): never an answer themselves. */
const ADDRESS = new Set(["kak", "ka", "bu", "pak", "mas", "mbak", "mba", "dik", "bang", "min", "admin"]);
/** Words that introduce an edit of the summary ("ubah uang"). */
const EDIT_VERBS = new Set(["ubah", "ganti", "edit", "change", "perbaiki", "koreksi"]);

/** A typed answer longer than this is never read as a button or a command: it is what it says. */
export const MAX_TYPED_WORDS = 4;
const MAX_TYPED_CHARS = 40;

/**
 * Lower case, no accents, no emoji or punctuation, one space between words, and a letter typed
 * twice or more in a row counted once ("iyaa" = "iya", "selesaiii" = "selesai"): applied to what
 * the person types and to every word of the tables, so both sides match alike.
 */
export function foldTyped(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/(\p{L})\1+/gu, "$1")
    .trim();
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  }
  for (let i = 1; i <= a.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Long enough that one typo cannot turn one word into another ("batam" is not "batal"). */
const FUZZY_MIN_LENGTH = 5;

function fuzzyEqual(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length < FUZZY_MIN_LENGTH || word.length < FUZZY_MIN_LENGTH) return false;
  return editDistance(typed, word, 1) <= 1;
}

const folded = (words: readonly string[]): Set<string> => new Set(words.map(foldTyped));
const CONTROL = Object.fromEntries(
  Object.entries(CONTROL_WORDS).map(([k, words]) => [k, folded(words)]),
) as Record<ControlWord, Set<string>>;
const CHOICES = new Map(Object.entries(CHOICE_WORDS).map(([k, words]) => [k, folded(words)]));

export interface TypedQuestion {
  /** The buttons of the question as [value, label], in the order shown. */
  choices: ReadonlyArray<readonly [string, string]>;
  skip: boolean;
  back: boolean;
  /** The question takes free text too: only short, exact matches are read as a button. */
  freeText: boolean;
  /** Matches a value the tables do not know (a country's names, say). */
  extra?: (folded: string) => string | undefined;
}

export type TypedMeaning =
  | { kind: "choice"; value: string }
  | { kind: "cancel" }
  | { kind: "back" }
  /** A word for an action this question does not offer ("lewati" where nothing can be skipped). */
  | { kind: "not-here"; control: ControlWord };

/** The words of a short typed answer without its fillers, or undefined when it is too long. */
function answerWords(text: string): string | undefined {
  const all = foldTyped(text);
  if (all === "" || all.length > MAX_TYPED_CHARS) return undefined;
  const words = all.split(" ");
  if (words.length > MAX_TYPED_WORDS + 2) return undefined;
  const kept = words.filter((w) => !FILLERS.has(w));
  // Only fillers ("ya", "ya kak", "ok bu"): the answer is what is left without the form of address.
  const core = kept.length > 0 ? kept : words.filter((w) => !ADDRESS.has(w));
  return core.length > MAX_TYPED_WORDS ? undefined : core.join(" ");
}

type Candidate = { meaning: TypedMeaning; words: Set<string>; fuzzy: boolean };

function candidates(q: TypedQuestion): Candidate[] {
  const list: Candidate[] = [];
  const values = new Set(q.choices.map(([value]) => value));
  for (const [value, label] of q.choices) {
    const words = new Set([foldTyped(label), ...(CHOICES.get(value) ?? [])]);
    // Where there is no Done, "kirim" is taken for it, and the other way round.
    if (value === "done" && !values.has("send")) for (const w of CONTROL.send) words.add(w);
    list.push({ meaning: { kind: "choice", value }, words, fuzzy: !q.freeText || isControlValue(value) });
  }
  if (q.skip) {
    const words = new Set([...CONTROL.skip, ...(CHOICES.get("unknown") ?? [])]);
    // Where no button says No, "tidak" / "belum" on an optional question means there is nothing to give.
    if (!values.has("no") && !values.has("none")) for (const w of CHOICES.get("no") ?? []) words.add(w);
    // Where nothing else goes on, "lanjut" moves on: past a question left empty.
    if (!["done", "ok", "keep"].some((v) => values.has(v))) for (const w of CONTROL.next) words.add(w);
    list.push({ meaning: { kind: "choice", value: "skip" }, words, fuzzy: true });
  }
  if (q.back) list.push({ meaning: { kind: "back" }, words: CONTROL.back, fuzzy: true });
  // Cancel throws away the report: never guessed from a typo in a question that takes text.
  list.push({ meaning: { kind: "cancel" }, words: CONTROL.cancel, fuzzy: !q.freeText });
  for (const control of Object.keys(CONTROL) as ControlWord[]) {
    list.push({ meaning: { kind: "not-here", control }, words: CONTROL[control], fuzzy: !q.freeText });
  }
  return list;
}

function isControlValue(value: string): boolean {
  return ["done", "send", "skip", "keep", "ok"].includes(value);
}

/**
 * What a typed message means for this question: one of its buttons, Cancel, Back, or a word for
 * an action it does not offer; undefined when it is an ordinary answer (or nothing understood).
 * Exact words first, then every word of the answer meaning the same button ("iya boleh"), then —
 * for one longer word — a single typo.
 */
export function matchTyped(text: string, q: TypedQuestion): TypedMeaning | undefined {
  const words = answerWords(text);
  if (words === undefined || words === "") return undefined;
  const list = candidates(q);
  const exact = list.find((c) => c.words.has(words));
  if (exact) return exact.meaning;
  const extra = q.extra?.(words);
  if (extra !== undefined) return { kind: "choice", value: extra };
  // "2" for the second button, where only buttons answer (never for Send: a number is no consent to send).
  if (!q.freeText && !q.choices.some(([value]) => value === "send")) {
    const index = /^[1-9]$/.test(words) ? Number(words) - 1 : -1;
    const choice = q.choices[index];
    if (choice) return { kind: "choice", value: choice[0] };
  }
  const split = words.split(" ");
  if (split.length > 1) {
    const each = split.map((w) => list.find((c) => c.words.has(w)));
    const first = each[0];
    if (first && each.every((c) => c === first)) return first.meaning;
  }
  const edit = split.length > 1 && EDIT_VERBS.has(split[0]!) ? split.slice(1).join(" ") : undefined;
  if (edit) {
    const part = list.find((c) => c.meaning.kind === "choice" && c.words.has(edit));
    if (part) return part.meaning;
  }
  if (split.length === 1) {
    const typo = list.find((c) => c.fuzzy && [...c.words].some((w) => fuzzyEqual(words, w)));
    if (typo) return typo.meaning;
  }
  return undefined;
}

const COUNTRY_NAMES: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  for (const place of PLACES) {
    if (place.kind !== "country") continue;
    for (const name of place.names) names.set(foldTyped(name), place.country);
  }
  return names;
})();

/** Towns, border crossings and compounds by name, with their country. */
const PLACE_NAMES: ReadonlyMap<string, { country: string }> = (() => {
  const names = new Map<string, { country: string }>();
  for (const place of PLACES) {
    if (place.kind === "country") continue;
    for (const name of place.names) names.set(foldTyped(name), { country: place.country });
  }
  return names;
})();

/**
 * The country a typed answer names: a country in any spelling the screening knows ("Kamboja",
 * "Kampuchea", "Birma", "Muangthai"), one typo allowed in a longer name, or a town there
 * ("Bavet" → KH). `labels` adds the names shown on the buttons in the person's language.
 */
export function countryFromTyped(
  typed: string,
  labels: ReadonlyArray<readonly [string, string]> = [],
): { country: string; place?: string } | undefined {
  const bare = typed.trim().replace(/^(di|ke|in|to)\s+/i, "");
  const words = answerWords(bare);
  if (!words) return undefined;
  for (const [code, label] of labels) if (foldTyped(label) === words) return { country: code };
  const country = COUNTRY_NAMES.get(words);
  if (country) return { country };
  const place = PLACE_NAMES.get(words);
  // The town as the person wrote it, to offer as the city.
  if (place) return { country: place.country, place: bare };
  if (words.includes(" ") || words.length < FUZZY_MIN_LENGTH) return undefined;
  for (const [code, label] of labels) if (fuzzyEqual(words, foldTyped(label))) return { country: code };
  for (const [name, code] of COUNTRY_NAMES) if (fuzzyEqual(words, name)) return { country: code };
  return undefined;
}
