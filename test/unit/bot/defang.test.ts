/** Officers are phished through the bot only if a link in a report can be tapped: none can. */
import { describe, expect, it } from "vitest";
import { defang, showHiddenLinks } from "#src/render/defang.js";

describe("defang", () => {
  it.each([
    ["https://evil.com/login?x=1", "hxxps://evil[.]com/login?x=1"],
    ["http://203.0.113.7:8080/apply", "hxxp://203[.]0[.]113[.]7:8080/apply"],
    ["kirim ke 198.51.100.23 sekarang", "kirim ke 198[.]51[.]100[.]23 sekarang"],
    ["bare domain kerja-kamboja.online here", "bare domain kerja-kamboja[.]online here"],
    ["www.evil.com", "www[.]evil[.]com"],
    ["t.me/recruiter_pay", "t[.]me/recruiter_pay"],
    ["пример.рф/вход", "пример[.]рф/вход"],
    ["xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd[.]xn--p1ai"],
    ["lowongan.co.id", "lowongan[.]co[.]id"],
    ["evil。com", "evil[.]com"],
    ["evil．com", "evil[.]com"],
    ["hrd@kerja.example.com", "hrd@kerja[.]example[.]com"],
    ["ftp://files.evil.net", "fxp://files[.]evil[.]net"],
    ["not.a.public.suffix/login", "not[.]a[.]public[.]suffix/login"],
    ["https://intranet.local/x", "hxxps://intranet[.]local/x"],
  ])("%s → %s", (input, expected) => {
    expect(defang(input)).toBe(expected);
  });

  it.each(["Rp15.000.000", "gaji 1.000.000.000 per tahun", "versi 15.5", "10.20.30", "e.g"])(
    "leaves %s as typed",
    (input) => {
      expect(defang(input)).toBe(input);
    },
  );
});

describe("hidden links", () => {
  it("writes a text_link's target after its label, and defang covers it", () => {
    const text = "Please click here to confirm, then answer";
    const shown = showHiddenLinks(text, [
      { type: "bold", offset: 0, length: 6 },
      { type: "text_link", offset: 13, length: 4, url: "https://login.evil.example/officer" },
    ]);
    expect(shown).toBe("Please click here (https://login.evil.example/officer) to confirm, then answer");
    expect(defang(shown)).toContain("(hxxps://login[.]evil[.]example/officer)");
  });
});
