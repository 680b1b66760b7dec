import { describe, expect, it } from "vitest";
import { screenOffer } from "#src/screening/index.js";
import { intentOf } from "#src/screening/intent.js";

const kind = (text: string) => intentOf(text, screenOffer(text)).kind;

describe("what a message is", () => {
  it.each([
    ["assalamualaikum", "greeting"],
    ["halo", "greeting"],
    ["hello?", "greeting"],
    ["terima kasih kak", "greeting"],
    ["ok", "greeting"],
    ["tolong", "help"],
    ["help", "help"],
    ["tolong bantu saya", "help"],
    ["lapor", "report"],
    ["saya mau lapor", "report"],
    ["report", "report"],
    ["kak ini aman gk ya?", "question"],
    ["is this safe?", "question"],
    ["0812-3456-7890", "identifier"],
    ["@agen_kh", "identifier"],
    ["bit.ly/3xYz9", "identifier"],
    ["https://bit.ly/3xYz", "identifier"],
    ["Is this number safe? 0812 3456 7890", "identifier"],
    ["aku lagi makan nasi goreng di rumah", "not_about_a_job"],
    ["Dibutuhkan CS online di Kamboja, gaji 15jt, WA 0812-3456-7890", "verdict"],
    ["Kerja di Laos gaji besar", "verdict"],
    ["ada lowongan admin, aman gak ya?", "verdict"],
    ["HATI-HATI penipuan lowongan kerja ke Kamboja, banyak WNI disekap", "verdict"],
    ["anak saya sudah berangkat kemarin, sekarang di Bavet, hp nya ditahan", "urgent"],
  ])("%s → %s", (text, expected) => {
    expect(kind(text)).toBe(expected);
  });
});
