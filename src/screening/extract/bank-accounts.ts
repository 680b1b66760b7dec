/**
 * Bank and e-wallet accounts written as a bank name and a number ("BCA 1234567890",
 * "rek BRI 0123-01-000123-50-1", "Mandiri a/n Budi 123 000 4567"), read from the original text.
 */
import type { ExtractedIdentifier } from "#src/screening/types.js";

/** Indonesian banks and e-wallets people send "fees" to; the key is the canonical name. */
const BANKS: Record<string, string> = {
  bca: "bca",
  bri: "bri",
  bni: "bni",
  mandiri: "mandiri",
  bsi: "bsi",
  btn: "btn",
  cimb: "cimb",
  "cimb niaga": "cimb",
  danamon: "danamon",
  permata: "permata",
  ocbc: "ocbc",
  "ocbc nisp": "ocbc",
  maybank: "maybank",
  panin: "panin",
  jago: "jago",
  "bank jago": "jago",
  seabank: "seabank",
  btpn: "btpn",
  jenius: "btpn",
  muamalat: "muamalat",
  dana: "dana",
  ovo: "ovo",
  gopay: "gopay",
  shopeepay: "shopeepay",
};

const BANK_NAMES = Object.keys(BANKS)
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(" ", "[ \\t]+"))
  .join("|");

/**
 * Bank name, then up to two labels ("no rek", "a/n Budi", ":") and a number of 6–20 digits that
 * may be grouped with spaces, dots or dashes. Quantifiers are bounded, so no input backtracks long.
 */
const ACCOUNT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:bank[ \\t]+)?(${BANK_NAMES})(?![\\p{L}\\p{N}])[ \\t:.\\-]{0,4}` +
    `(?:(?:no\\.?|nomor|norek|rek(?:ening)?\\.?|acc(?:ount)?|a\\/n[ \\t]+[\\p{L}.]{1,30}(?:[ \\t]+[\\p{L}.]{1,30})?)[ \\t:.\\-]{0,4}){0,2}` +
    "(\\d(?:[\\d \\t.\\-]{4,28})\\d)(?![\\p{N}])",
  "giu",
);

/** A cheap test for any bank name, so the full pattern only runs on the few texts that name one. */
const ANY_BANK = new RegExp(
  `\\b(?:${Object.keys(BANKS)
    .filter((name) => !name.includes(" "))
    .join("|")})\\b`,
  "i",
);

/** Bank accounts, value "bank:digits". */
export function extractBankAccounts(text: string): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  if (!ANY_BANK.test(text)) return found;
  ACCOUNT.lastIndex = 0;
  for (let m = ACCOUNT.exec(text); m !== null; m = ACCOUNT.exec(text)) {
    const bank = BANKS[m[1]!.toLowerCase().replace(/[ \t]+/g, " ")];
    const number = m[2]!.replace(/[ \t]+$/, "");
    const digits = number.replace(/\D/g, "");
    if (bank === undefined || digits.length < 6 || digits.length > 20) continue;
    // A grouped amount ("BCA 1.500.000") is not an account.
    if (/^\d{1,3}(?:\.\d{3})+$/.test(number)) continue;
    const end = m.index + m[0].length - (m[2]!.length - number.length);
    found.push({
      kind: "bank_account",
      value: `${bank}:${digits}`,
      raw: text.slice(m.index, end),
      start: m.index,
      end,
    });
  }
  return found;
}
