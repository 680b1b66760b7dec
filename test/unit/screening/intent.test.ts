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

describe("what a message is, over the labelled corpus", () => {
  it("every scam text keeps its verdict (or gets urgent help): none is taken for small talk", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const files = [
      ...readdirSync("data/eval")
        .filter((f) => f.endsWith(".jsonl"))
        .map((f) => `data/eval/${f}`),
      ...readdirSync("data/eval/corpus").map((f) => `data/eval/corpus/${f}`),
    ];
    const scams = files
      .flatMap((f) => readFileSync(f, "utf8").split("\n"))
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { id: string; label: string; text: string })
      .filter((r) => r.label === "scam");
    expect(scams.length).toBeGreaterThan(800);
    const silenced = scams.filter((r) => !["verdict", "urgent"].includes(kind(r.text)));
    expect(silenced.map((r) => r.id)).toEqual([]);
  });
});
