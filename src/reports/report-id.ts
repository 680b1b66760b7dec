/**
 * Case numbers like `K7QM-4T2X`: 8 random characters, read aloud over the phone and typed back by
 * people under stress, so the alphabet leaves out what is easily confused (0/O, 1/I/L) and U.
 * 30^8 ≈ 6.6·10^11 ids; never sequential, so a number reveals nothing about volume or other cases.
 */
import { randomInt } from "node:crypto";

export const REPORT_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REPORT_ID_PATTERN = /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

export function newReportId(): string {
  let id = "";
  for (let i = 0; i < 8; i++) {
    if (i === 4) id += "-";
    id += REPORT_ID_ALPHABET[randomInt(REPORT_ID_ALPHABET.length)];
  }
  return id;
}

/**
 * Cyrillic and Greek capitals that look like Latin ones (a phone keyboard left on another layout).
 * `U` becomes `V`, the only character of the alphabet it resembles. 0/O and 1/I/L are NOT mapped:
 * none of them is in the alphabet, so each could stand for several characters (O for D or Q, 1 for
 * 7 or T), and a guess could point someone at another person's case. Such input gives `undefined`
 * and the user is asked to check the number.
 */
const LOOK_ALIKES: Record<string, string> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ρ: "P",
  Τ: "T",
  Χ: "X",
  Υ: "Y",
  U: "V",
};

/**
 * The canonical id for what a user or officer typed (`k7qm4t2x`, `K7QM 4T2X`, `#K7QM–4T2X`,
 * full-width characters), or undefined when it cannot be one.
 */
export function normaliseReportId(input: string): string | undefined {
  const folded = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/^\s*#/, "")
    .replace(/[\s\-‐‑‒–—―_.]/g, "");
  let chars = "";
  for (const ch of folded) chars += LOOK_ALIKES[ch] ?? ch;
  if (chars.length !== 8) return undefined;
  const id = `${chars.slice(0, 4)}-${chars.slice(4)}`;
  return REPORT_ID_PATTERN.test(id) ? id : undefined;
}
