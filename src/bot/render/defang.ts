/**
 * Links from reports are shown to officers and focal points "defanged", so a tap cannot open a
 * scam page or a phishing form: hxxps://evil[.]com, t[.]me/recruiter. Telegram does not turn
 * such text into links.
 */
const URLISH = /\b((?:https?|ftp):\/\/|www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^\s]*)?/gi;

export function defang(text: string): string {
  return text.replace(URLISH, (match, scheme: string | undefined, host: string, path: string | undefined) => {
    // Numbers with dots ("Rp15.000.000", "15.5") are not hosts: a host ends in a name.
    if (!/[a-z]{2,}$/i.test(host.slice(host.lastIndexOf(".") + 1))) return match;
    const safeScheme = scheme
      ? scheme
          .replace(/^http/i, "hxxp")
          .replace(/^ftp/i, "fxp")
          .replace(/^www\./i, "www[.]")
      : "";
    return `${safeScheme}${host.replace(/\./g, "[.]")}${path ?? ""}`;
  });
}
