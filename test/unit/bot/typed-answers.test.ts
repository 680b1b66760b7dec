import { describe, expect, it } from "vitest";
import {
  countryFromTyped,
  editDistance,
  foldTyped,
  matchTyped,
  type TypedQuestion,
} from "#src/bot/conversations/report/typed-answers.js";

const yesNo: TypedQuestion = {
  choices: [
    ["yes", "Ya"],
    ["no", "Tidak"],
  ],
  skip: false,
  back: true,
  freeText: false,
};
const yesNoUnknown: TypedQuestion = {
  ...yesNo,
  choices: [...yesNo.choices, ["unknown", "Tidak tahu"]],
};
/** The offer step: texts are the answer, Done is the button. */
const offer: TypedQuestion = { choices: [["done", "✅ Selesai"]], skip: false, back: true, freeText: true };
/** The contacts step with nothing found yet: any text is a contact or the agency's name. */
const contacts: TypedQuestion = { choices: [], skip: true, back: true, freeText: true };
const summary: TypedQuestion = {
  choices: [
    ["send", "📤 Kirim laporan"],
    ["who", "✏️ Pelapor"],
    ["money", "✏️ Uang"],
  ],
  skip: false,
  back: true,
  freeText: false,
};

const value = (text: string, q: TypedQuestion) => {
  const m = matchTyped(text, q);
  return m?.kind === "choice" ? m.value : m?.kind === "not-here" ? `not-here:${m.control}` : m?.kind;
};

describe("typed answers", () => {
  it("folds case, accents, punctuation, emoji and stretched letters", () => {
    expect(foldTyped("  IYAAA!! 👍 ")).toBe("iya");
    expect(foldTyped("Sélesaiii.")).toBe("selesai");
    expect(foldTyped("gak   tau...")).toBe("gak tau");
  });

  it("counts one typo, a swap of two letters included", () => {
    expect(editDistance("selsai", "selesai")).toBe(1);
    expect(editDistance("kmaboja", "kamboja")).toBe(1);
    expect(editDistance("batam", "batal")).toBe(1);
    expect(editDistance("tidak", "iya")).toBeGreaterThan(1);
  });

  it.each([
    ["ya", "yes"],
    ["iya", "yes"],
    ["iyaa", "yes"],
    ["yoi", "yes"],
    ["y", "yes"],
    ["boleh", "yes"],
    ["betul", "yes"],
    ["benar", "yes"],
    ["sudah", "yes"],
    ["Yes", "yes"],
    ["yeah", "yes"],
    ["ok", "yes"],
    ["iya kak", "yes"],
    ["iya, boleh", "yes"],
    ["tidak", "no"],
    ["tdk", "no"],
    ["nggak", "no"],
    ["ngga", "no"],
    ["gak", "no"],
    ["ga", "no"],
    ["enggak", "no"],
    ["belum", "no"],
    ["no", "no"],
    ["nope", "no"],
    ["Tidak.", "no"],
  ])("“%s” answers a yes/no question with %s", (typed, expected) => {
    expect(value(typed, yesNo)).toBe(expected);
  });

  it("tells “tidak tahu” from “tidak” where Don't know is a button", () => {
    expect(value("tidak tahu", yesNoUnknown)).toBe("unknown");
    expect(value("gak tau", yesNoUnknown)).toBe("unknown");
    expect(value("tidak", yesNoUnknown)).toBe("no");
    expect(value("don't know", yesNoUnknown)).toBe("unknown");
  });

  it("understands cancel and back everywhere, skip only where Skip exists", () => {
    for (const word of ["batal", "cancel", "stop", "berhenti", "BATAL!"])
      expect(value(word, yesNo)).toBe("cancel");
    for (const word of ["kembali", "back", "balik", "mundur"]) expect(value(word, yesNo)).toBe("back");
    expect(value("lewati", contacts)).toBe("skip");
    expect(value("skip", contacts)).toBe("skip");
    expect(value("gak tau", contacts)).toBe("skip");
    expect(value("tidak ada", contacts)).toBe("skip");
    expect(value("lewati", yesNo)).toBe("not-here:skip");
  });

  it("reads Done, Send and Next in the person's words", () => {
    for (const word of ["selesai", "done", "sudah", "udah", "selesai kak", "lanjut", "kirim"]) {
      expect(value(word, offer)).toBe("done");
    }
    for (const word of ["kirim", "send", "selesai", "kirim ya"]) expect(value(word, summary)).toBe("send");
    expect(value("ubah uang", summary)).toBe("money");
    expect(value("lanjut", contacts)).toBe("skip");
    // After something was sent, "no (more)" and "don't know" move on rather than become an answer.
    expect(value("tidak ada", offer)).toBe("done");
    const found: TypedQuestion = {
      choices: [
        ["ok", "✅ Lanjut"],
        ["clear", "🗑 Kosongkan daftar"],
      ],
      skip: false,
      back: true,
      freeText: true,
    };
    for (const word of ["tidak tahu", "gak ada", "sudah", "betul"]) expect(value(word, found)).toBe("ok");
    expect(value("hapus", found)).toBe("clear");
    expect(value("PT Maju Jaya", found)).toBeUndefined();
  });

  it("forgives one typo in a longer word, but never guesses Cancel where text is an answer", () => {
    expect(value("selsai", offer)).toBe("done");
    expect(value("kembli", offer)).toBe("back");
    expect(value("berhnti", yesNo)).toBe("cancel");
    // An agency or a town is not a typo of "batal": in a question that takes text it stays text.
    expect(value("Batam", contacts)).toBeUndefined();
    expect(value("batal", contacts)).toBe("cancel");
  });

  it("never swallows a real text", () => {
    expect(value("PT Batal Jaya Abadi", contacts)).toBeUndefined();
    expect(
      value("Lowongan admin di Kamboja, sudah selesai training, gaji 15 juta, kirim CV ke WA", offer),
    ).toBeUndefined();
    expect(value("selesai kontrak tahun lalu lalu berangkat lagi", offer)).toBeUndefined();
  });

  it("reads a button's own label, and its number where only buttons answer", () => {
    expect(value("Tidak tahu", yesNoUnknown)).toBe("unknown");
    expect(value("Kirim laporan", summary)).toBe("send");
    expect(value("2", yesNo)).toBe("no");
    expect(value("2", offer)).toBeUndefined();
    expect(value("1", summary)).toBeUndefined();
  });

  it.each([
    ["Kamboja", "KH"],
    ["kamboja", "KH"],
    ["Cambodia", "KH"],
    ["Kampuchea", "KH"],
    ["Camboja", "KH"],
    ["kmboja", "KH"],
    ["di Kamboja", "KH"],
    ["Myanmar", "MM"],
    ["Burma", "MM"],
    ["Birma", "MM"],
    ["Laos", "LA"],
    ["Thailand", "TH"],
    ["Thailan", "TH"],
    ["Muangthai", "TH"],
    ["Malaysia", "MY"],
    ["Malaisya", "MY"],
    ["Vietnam", "VN"],
    ["Viet Nam", "VN"],
    ["Filipina", "PH"],
    ["Philippines", "PH"],
    ["Phillipines", "PH"],
  ])("“%s” is the country %s", (typed, code) => {
    expect(countryFromTyped(typed)?.country).toBe(code);
  });

  it("reads a town as its country and keeps the town, and the button labels of the person's language", () => {
    expect(countryFromTyped("Bavet")).toEqual({ country: "KH", place: "Bavet" });
    expect(countryFromTyped("di Phnom Penh")).toEqual({ country: "KH", place: "Phnom Penh" });
    expect(countryFromTyped("Myawaddy")?.country).toBe("MM");
    expect(countryFromTyped("Uni Emirat Arab", [["AE", "Uni Emirat Arab"]])?.country).toBe("AE");
    expect(countryFromTyped("Campuchia")?.country).toBe("KH");
    expect(countryFromTyped("Jakarta Selatan kemarin")).toBeUndefined();
    expect(countryFromTyped("xyz")).toBeUndefined();
  });
});
