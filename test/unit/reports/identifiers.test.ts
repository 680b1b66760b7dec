import { describe, expect, it } from "vitest";
import { canonicalIdentifier } from "#src/reports/identifiers.js";

describe("canonical identifiers", () => {
  it.each([
    ["phone", "+62 812-3456-7890", "+6281234567890"],
    ["phone", "0062 (812) 3456.7890", "+6281234567890"],
    ["whatsapp", "+855 12 345 678", "+85512345678"],
    ["telegram_handle", "@HRD_Kamboja", "hrd_kamboja"],
    ["telegram_handle", "https://t.me/HRD_Kamboja", "hrd_kamboja"],
    ["telegram_user_id", "777000111", "777000111"],
    ["domain", "Loker-Kamboja.COM.", "loker-kamboja.com"],
    ["domain", "bücher.example", "xn--bcher-kva.example"],
    ["url", "HTTPS://Loker-Kamboja.com/Apply?x=1", "https://loker-kamboja.com/Apply?x=1"],
    ["email", " HRD@Loker.COM ", "hrd@loker.com"],
    ["agency", "PT.  Maju-Jaya   Sejahtera!", "pt maju jaya sejahtera"],
    ["bank_account", "BCA: 123-456 7890", "bca:1234567890"],
    ["bank_account", "1234567890", "1234567890"],
  ] as const)("%s %j → %j", (kind, input, expected) => {
    expect(canonicalIdentifier(kind, input)).toBe(expected);
  });

  it.each([
    ["phone", "0812 3456 7890"],
    ["phone", "call me"],
    ["telegram_handle", "@ab"],
    ["telegram_user_id", "-100123"],
    ["domain", "https://x.com/path"],
    ["domain", "localhost"],
    ["url", "javascript:alert(1)"],
    ["email", "not an email"],
    ["agency", "!"],
    ["bank_account", "12"],
  ] as const)("%s %j is not an identifier", (kind, input) => {
    expect(canonicalIdentifier(kind, input)).toBeUndefined();
  });

  it("is idempotent", () => {
    for (const [kind, input] of [
      ["phone", "+62 812-3456-7890"],
      ["agency", "PT. Maju Jaya"],
      ["bank_account", "BCA 1234567890"],
    ] as const) {
      const once = canonicalIdentifier(kind, input);
      if (once !== undefined) expect(canonicalIdentifier(kind, once)).toBe(once);
    }
  });
});
