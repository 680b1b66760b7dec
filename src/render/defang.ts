/**
 * Links from reports are shown to officers and focal points "defanged", so a tap cannot open a
 * scam page or a phishing form: hxxps://evil[.]com, t[.]me/recruiter, 203[.]0[.]113[.]7,
 * пример[.]рф, xn--e1afmkfd[.]xn--p1ai. Telegram turns none of these into links.
 *
 * Covered: URLs with a scheme, with a path or with a port; bare domains under any public (ICANN)
 * suffix, in any script or in punycode ("PT.Maju" or "Jl.Sudirman" stay as typed, as do
 * "Rp15.000.000" and "15.5"); the full-width and ideographic dots browsers accept as "."; e-mail
 * domains; IPv4 addresses.
 */
import { domainToASCII } from "node:url";
import { parse as parseDomain } from "tldts";

const DOT = "[.\\u3002\\uFF0E\\uFF61]";
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}-]{0,62}[\\p{L}\\p{N}\\p{M}])?";
const URLISH = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}_-])((?:https?|ftp):\\/\\/)?(${LABEL}(?:${DOT}${LABEL})+)(:\\d{1,5})?(\\/\\S*)?`,
  "giu",
);
const DOTS = new RegExp(DOT, "gu");

/** A dotted quad whose parts are 0–255 without leading zeros ("1.000.000.000" is money, not a host). */
function isIPv4(labels: readonly string[]): boolean {
  return labels.length === 4 && labels.every((l) => /^(?:0|[1-9]\d{0,2})$/.test(l) && Number(l) <= 255);
}

/** A host ends in a name: letters (any script) or a punycode label. */
function endsInName(labels: readonly string[]): boolean {
  const last = labels[labels.length - 1]!;
  return /^xn--[a-z0-9-]+$/i.test(last) || /^\p{L}[\p{L}\p{M}]+$/u.test(last);
}

/** A bare host a client would turn into a link: its suffix is a real (ICANN) top-level domain. */
function isPublicHost(labels: readonly string[]): boolean {
  const ascii = domainToASCII(labels.join("."));
  return ascii !== "" && parseDomain(ascii, { allowPrivateDomains: false }).isIcann === true;
}

export function defang(text: string): string {
  return text.replace(
    URLISH,
    (match, scheme: string | undefined, host: string, port: string | undefined, path: string | undefined) => {
      const labels = host.split(DOTS);
      const explicit = scheme !== undefined || port !== undefined || path !== undefined;
      if (!isIPv4(labels) && !(endsInName(labels) && (explicit || isPublicHost(labels)))) return match;
      const safeScheme = scheme ? scheme.replace(/^http/i, "hxxp").replace(/^ftp/i, "fxp") : "";
      return `${safeScheme}${host.replace(DOTS, "[.]")}${port ?? ""}${path ?? ""}`;
    },
  );
}

interface LinkEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

/**
 * Text with the target of every hidden link (`text_link`: a label that opens another address)
 * written after its label, so "Click here" that points at a phishing page reads
 * "Click here (hxxps://evil[.]com/login)". Defang the result before showing it.
 */
export function showHiddenLinks(text: string, entities: readonly LinkEntity[] | undefined): string {
  const links = (entities ?? [])
    .filter((e) => e.type === "text_link" && e.url)
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  // From the end, so earlier offsets (UTF-16, like JavaScript strings) stay valid.
  for (const link of links) {
    const end = link.offset + link.length;
    out = `${out.slice(0, end)} (${link.url})${out.slice(end)}`;
  }
  return out;
}
