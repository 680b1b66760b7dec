/**
 * Not everything sent to the bot is an offer: "assalamualaikum", "tolong", "saya mau lapor", "kak
 * ini aman gk ya?", a bare number or link. A verdict on "tolong" is false reassurance, so each of
 * these gets its own answer and only a text about a job gets a risk level. Pure and cheap: the
 * screening result's extraction and kind, a few word lists, and the urgent-words detector first.
 */
import type { ScreeningResult } from "#src/screening/types.js";
import { detectUrgent, foldForUrgency, type UrgentSign } from "#src/screening/urgent.js";

export type MessageIntent =
  /** Someone already left or is held: help first. */
  | { kind: "urgent"; signs: UrgentSign[] }
  /** Hello, thanks, ok: the menu. */
  | { kind: "greeting" }
  /** "tolong", "help": the menu, with the way to urgent help first. */
  | { kind: "help" }
  /** "lapor", "saya mau lapor": the report. */
  | { kind: "report" }
  /** "is this safe?" with nothing to check: ask for the offer itself. */
  | { kind: "question" }
  /** Only a phone number, handle or link: how often it was reported. */
  | { kind: "identifier" }
  /** Some other text with nothing about a job in it. */
  | { kind: "not_about_a_job" }
  /** A text about a job (or a warning about such offers): the verdict. */
  | { kind: "verdict" };

const word = (alternatives: string) => new RegExp(`(?:^|[^\\p{L}])(?:${alternatives})(?![\\p{L}])`, "u");

const REPORT = word(
  "lapor|melapor|laporkan|melaporkan|laporan|ngelapor|ngadu|mengadu|pengaduan|report|reporting|complaint|complain|isumbong|mag-report|bao cao|to cao|lapor polis|แจ้ง|รายงาน",
);
const HELP = word(
  "tolong|tlg|tolongin|bantu|bantuan|help|sos|tulong|saklolo|giup|cuu|ช่วย|ช่วยด้วย|minta tolong",
);
const GREETING = word(
  "assalamualaikum|assalamu'alaikum|asalamualaikum|salam|halo|hallo|hai|hi|hello|hey|helo|p|permisi|selamat (?:pagi|siang|sore|malam)|pagi|siang|sore|malam|good (?:morning|afternoon|evening)|ok|oke|okay|okey|sip|baik|terima kasih|terimakasih|makasih|thanks|thank you|thx|tq|start|mulai|menu|test|tes|kumusta|xin chao|chao|สวัสดี|ขอบคุณ",
);
/** Words of a question about safety, with no offer in it. */
const QUESTION = word(
  "aman|amankah|asli|penipu|penipuan|bohong|benar|bener|legal|resmi|safe|legit|real|scam|fake|ligtas|totoo|an toan|lua dao|ปลอดภัย|หลอก",
);
/** Words that make a text about work (besides what the extraction recognised). */
const ABOUT_WORK = word(
  "kerja|bekerja|kerjaan|pekerjaan|lowongan|loker|gaji|upah|job|jobs|work|working|vacancy|hiring|salary|recruit(?:er|ment)?|rekrut|perekrut|agen|agency|calo|sponsor|visa|paspor|passport|berangkat|luar negeri|abroad|overseas|tki|pmi|trabaho|sahod|viec|luong|tuyen|kontrak|contract|interview|wawancara|เงินเดือน|งาน|สมัคร",
);

/** Short: a greeting or a plea is a few words, not a paragraph. */
const SHORT_WORDS = 8;
/** Past this many words a text keeps its verdict: the word lists are too thin to judge a long text. */
const LONG_WORDS = 25;
/** A bare identifier may come with a few words ("is this number safe?"). */
const IDENTIFIER_WORDS = 8;

function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}\p{M}']+/u).filter((w) => w !== "");
}

/** The text without the identifiers the extraction found (numbers, handles, links). */
function withoutIdentifiers(result: ScreeningResult, text: string): string {
  const spans = [...result.extraction.identifiers].sort((a, b) => b.start - a.start);
  let rest = text;
  for (const s of spans) rest = `${rest.slice(0, s.start)} ${rest.slice(s.end)}`;
  return rest;
}

/** What a message is, so the bot answers what was meant (`text` is what was screened). */
export function intentOf(text: string, result: ScreeningResult): MessageIntent {
  const urgent = detectUrgent(text, result.extraction.places);
  if (urgent.urgent) return { kind: "urgent", signs: urgent.signs };
  const { identifiers, jobs, money, places } = result.extraction;
  const rest = foldForUrgency(withoutIdentifiers(result, text));
  const words = wordsOf(rest);
  const extracted = jobs.length + money.length + places.length > 0;
  const aboutWork =
    extracted ||
    ABOUT_WORK.test(rest) ||
    result.indicators.some((i) => i.points > 0 && i.source !== "model" && i.source !== "known_identifier");
  // The word lists read Latin script (and a little Thai): a text in another script keeps its verdict,
  // so a Khmer or Burmese offer is never taken for small talk.
  const latin = !/[^\p{Script=Latin}\P{L}]/u.test(rest);
  if (identifiers.length > 0) {
    if (!extracted && latin && words.length <= IDENTIFIER_WORDS && !ABOUT_WORK.test(rest))
      return { kind: "identifier" };
    return { kind: "verdict" };
  }
  if (aboutWork || !latin || words.length > LONG_WORDS) return { kind: "verdict" };
  // Beyond a few words, anything the screening (or its learned layer) found keeps the verdict.
  if (words.length > SHORT_WORDS && result.indicators.some((i) => i.points > 0)) return { kind: "verdict" };
  if (words.length <= SHORT_WORDS) {
    if (REPORT.test(rest)) return { kind: "report" };
    if (HELP.test(rest)) return { kind: "help" };
    if (GREETING.test(rest) || words.length === 0) return { kind: "greeting" };
  }
  if (QUESTION.test(rest) || rest.includes("?")) return { kind: "question" };
  return { kind: "not_about_a_job" };
}
