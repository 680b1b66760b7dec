import { describe, expect, it } from "vitest";
import { extract } from "#src/screening/extract/index.js";
import { normalise } from "#src/screening/normalise.js";
import { detectUrgent } from "#src/screening/urgent.js";

const urgent = (text: string) => detectUrgent(text, extract(normalise(text)).places);

describe("urgent words", () => {
  it.each([
    ["id", "anak saya sudah berangkat kemarin, sekarang di Bavet, hp nya ditahan"],
    ["id", "tolong adik saya disekap di Kamboja, tidak boleh pulang"],
    ["id", "suami saya dipukuli bosnya, paspornya diambil"],
    ["id", "Kakak saya sudah di Myawaddy dan hilang kontak sejak minggu lalu"],
    ["id", "anak saya dijual ke perusahaan lain, mereka minta tebusan 50 juta"],
    [
      "id",
      "Hati hati di jalan ya, hujan deras\nanak saya sudah berangkat kemarin, sekarang di Bavet, hp nya ditahan",
    ],
    ["en", "Please help, my sister is being held in a compound, they took her passport"],
    ["en", "My son already left for Sihanoukville last week and now we lost contact"],
    ["en", "I am locked in the building and cannot leave"],
    ["ms", "Tolong, anak saya dikurung di Kemboja dan pasport diambil majikan"],
    ["vi", "Cứu em với, em bị giữ hộ chiếu và bị nhốt ở Campuchia"],
    ["vi", "Mẹ ơi, họ đã thu hộ chiếu của con rồi"],
    ["vi", "Con tôi đã sang Campuchia, bây giờ bị đánh, không được về"],
    ["tl", "Tulong po, ang kapatid ko ay nakakulong sa Myawaddy, kinuha ang passport niya"],
    ["tl", "Binugbog ang asawa ko at hindi makauwi"],
    ["th", "ช่วยด้วย น้องสาวถูกขังอยู่ที่เมียวดี ถูกยึดพาสปอร์ต"],
  ])("%s: %s", (_lang, text) => {
    expect(urgent(text).urgent).toBe(true);
  });

  it("the compound town must be named where the words say someone went or is", () => {
    expect(urgent("Ang anak ko nasa Myawaddy na ngayon").urgent).toBe(true);
    expect(
      urgent(
        "Ang pinsan ko, tatlong buwan siya sa Myawaddy, mahirap ang trabaho doon at walang tulog. Salamat sa Diyos, ngayon nasa Batangas na siya.",
      ).urgent,
    ).toBe(false);
  });

  it("a compound town named with a past tense is enough", () => {
    const found = urgent("adik saya sudah sampai di Shwe Kokko kemarin");
    expect(found.urgent).toBe(true);
    expect(found.signs).toContain("in_compound_town");
  });

  it.each([
    [
      "a departure still to come",
      "Lowongan admin di Kamboja, gaji 15jt, berangkat minggu depan, paspor dipegang perusahaan",
    ],
    ["a pre-departure plan", "saya berangkat minggu depan ke Kamboja untuk kerja admin, aman gak?"],
    ["a warning to others", "HATI-HATI penipuan lowongan kerja ke Kamboja, banyak WNI disekap dan dipukuli"],
    ["news", "Police said 40 victims were rescued after being held in a compound in Myawaddy"],
    ["a story that ended", "Tahun lalu saya disekap di Kamboja, sekarang sudah pulang. Jangan tertipu ya"],
    ["an offer's own terms", "Gaji ditahan 2 bulan pertama sebagai jaminan. Minat hubungi admin"],
    [
      "a recruiter writing from there",
      "Aku sekarang di Phnom Penh, kerja marketing, gaji 1.300 dolar. Kantorku lagi butuh 2 orang, tiket aku talangin dulu",
    ],
    [
      "a story that ended (ms)",
      "Suami akak dulu dibawa ke Myawaddy. Alhamdulillah bulan Mac lepas dah balik",
    ],
    [
      "a story that ended (tl)",
      "Nung 2023 stay-in ako sa compound sa Pampanga. Nakalabas lang ako nung ni-raid",
    ],
    [
      "an offer's own terms (vi)",
      "Phí hồ sơ 6,5 triệu, công ty giữ hộ chiếu gốc để làm thẻ lao động, đi ngày 20/11",
    ],
    ["a greeting", "assalamualaikum"],
    [
      "a question before leaving",
      "My husband's friend is now in Myawaddy and says there is work, should he go?",
    ],
    ["an ordinary job", "Dana ditahan platform dan dicairkan setelah klien menyetujui hasil"],
  ])("not urgent: %s", (_what, text) => {
    expect(urgent(text).urgent).toBe(false);
  });
});

describe("urgent words over the labelled corpus", () => {
  it("no job offer and no story that ended reads as urgent", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const rows = readdirSync("data/eval/corpus").flatMap((f) =>
      readFileSync(`data/eval/corpus/${f}`, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as { id: string; kind?: string; text: string }),
    );
    const alarmed = rows.filter((r) => (r.kind === "offer" || r.kind === "story") && urgent(r.text).urgent);
    expect(rows.length).toBeGreaterThan(1000);
    expect(alarmed.map((r) => r.id)).toEqual([]);
  });
});
