/**
 * Agency and company names written with an Indonesian legal-form prefix ("PT Maju Jaya",
 * "LPK Mirai Karya Mandiri", "P3MI PT Borneo Karya Sejati") or a suffix ("Selera Nusantara Sdn Bhd").
 * Read from the original text, because the name is the capitalised words after the prefix.
 */
import type { ExtractedIdentifier } from "#src/screening/types.js";

const LEGAL_FORMS = ["PT", "CV", "LPK", "P3MI", "PJTKI", "PPTKIS", "UD", "Yayasan", "BLKLN"];
const LEGAL_FORM_SET = new Set(LEGAL_FORMS.map((f) => f.toLowerCase()));

/** Prefix form, then up to five capitalised words separated by single spaces or tabs. */
const PREFIXED = new RegExp(
  `(?<![\\p{L}\\p{N}])(${LEGAL_FORMS.join("|")}|Pt)\\.?[ \\t]+((?:\\p{Lu}[\\p{L}\\p{N}&'-]*)(?:[ \\t]+\\p{Lu}[\\p{L}\\p{N}&'-]*){0,4})`,
  "gu",
);

/** Capitalised words followed by a foreign legal-form suffix. */
const SUFFIXED =
  /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{N}&'-]*[ \t]+){1,5})(Sdn\.?[ \t]?Bhd\.?|Co\.,?[ \t]?Ltd\.?|Pte\.?[ \t]?Ltd\.?|Ltd\.?|LLC|Inc\.?|Corp\.?)(?![\p{L}\p{N}])/gu;

const ANY_PREFIX = new RegExp(`\\b(?:${LEGAL_FORMS.join("|")}|Pt)\\b`);
const ANY_SUFFIX = /\b(?:Sdn|Ltd|LLC|Inc|Corp)\b/;

/** Capitalised words that say something about the agency, not its name ("P3MI RESMI", "CV Anda"). */
const NOT_A_NAME = new Set([
  "resmi",
  "berizin",
  "terdaftar",
  "legal",
  "ilegal",
  "kami",
  "kita",
  "anda",
  "kamu",
  "yang",
  "ini",
  "itu",
  "dan",
  "di",
  "ke",
  "dari",
  "untuk",
  "dengan",
  "sudah",
  "tidak",
  "ada",
  "nya",
  "cabang",
  "kantor",
  "alamat",
  "izin",
  "nomor",
  "no",
  "telp",
  "hp",
  "wa",
  "the",
  "our",
  "your",
  "is",
  "are",
  "licensed",
  "official",
  "penempatan",
  "swasta",
  "asing",
  "lowongan",
  "loker",
  "info",
  "mana",
  "apa",
  "kontrak",
  "gaji",
  "visa",
  "biaya",
  "syarat",
  "lokasi",
  "posisi",
  "pendaftaran",
  "bisa",
  "jangan",
  "silakan",
  "hubungi",
  "mohon",
  "terima",
  "nanti",
  "kalau",
  "tapi",
]);

function nameWords(words: string[]): string[] {
  const kept: string[] = [];
  for (const word of words) {
    const clean = word.replace(/[-'&]+$/, "");
    if (clean.length === 0 || NOT_A_NAME.has(clean.toLowerCase())) break;
    kept.push(clean);
  }
  return kept;
}

/** Agency names, value lower case with the legal form kept: "pt maju jaya". */
export function extractAgencies(text: string): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  // Cheap literal tests first: the full patterns only run on texts that hold a legal form.
  PREFIXED.lastIndex = 0;
  const hasPrefix = ANY_PREFIX.test(text);
  for (let m = hasPrefix ? PREFIXED.exec(text) : null; m !== null; m = PREFIXED.exec(text)) {
    const form = m[1]!;
    const words = m[2]!.split(/[ \t]+/);
    // "P3MI PT Borneo …": the company is the inner "PT …"; resume the search there.
    if (LEGAL_FORM_SET.has(words[0]!.toLowerCase()) && words.length > 1) {
      PREFIXED.lastIndex = m.index + m[0].indexOf(words[0]!, form.length);
      continue;
    }
    const name = nameWords(words);
    if (name.length === 0) continue;
    const end = m.index + locateEnd(m[0], form, name);
    found.push({
      kind: "agency",
      value: `${form.toLowerCase()} ${name.join(" ").toLowerCase()}`,
      raw: text.slice(m.index, end),
      start: m.index,
      end,
    });
  }
  SUFFIXED.lastIndex = 0;
  const hasSuffix = ANY_SUFFIX.test(text);
  for (let m = hasSuffix ? SUFFIXED.exec(text) : null; m !== null; m = SUFFIXED.exec(text)) {
    const words = m[1]!.trim().split(/[ \t]+/);
    const first = words.findIndex((w) => !NOT_A_NAME.has(w.toLowerCase()));
    if (first < 0) continue;
    const kept = words.slice(first);
    const suffix = m[2]!
      .replace(/[.,]/g, "")
      .replace(/[ \t]+/g, " ")
      .toLowerCase();
    const start = m.index + m[0].indexOf(kept[0]!);
    const raw = text.slice(start, m.index + m[0].length);
    found.push({
      kind: "agency",
      value: `${kept.join(" ").toLowerCase()} ${suffix}`,
      raw,
      start,
      end: start + raw.length,
    });
  }
  return found;
}

/** Offset, within the whole match, just after the last kept name word. */
function locateEnd(match: string, form: string, name: string[]): number {
  let at = form.length;
  for (const word of name) {
    at = match.indexOf(word, at) + word.length;
  }
  return at;
}
