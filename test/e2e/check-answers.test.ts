import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForStep } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimChat, SimUser } from "../harness/telegram/index.js";

let group: SimChat;
let officer: SimUser;
const bot = useRunningBot((tg) => {
  officer = tg.createUser({ firstName: "Bambang", languageCode: "id" });
  group = tg.createGroup({
    title: "Petugas",
    forum: true,
    members: [{ user: officer, status: "administrator" }],
  });
  return { MODERATOR_CHAT_ID: String(group.id), MODERATOR_LOCALE: "en" };
});

type Locale = "id" | "en";
const t = (key: string, args?: Record<string, string | number>) => text("id", key, args);
const SCAM =
  "Lowongan CS online di Kamboja! Gaji 15jt/bulan, tanpa pengalaman, tiket & mess gratis. Berangkat pakai visa turis. " +
  "Paspor dipegang kantor. Transfer biaya proses 2jt. Minat? WA 0812-3456-7890 atau @agen_rina";
const MOTHER = "anak saya sudah berangkat kemarin, sekarang di Bavet, hp nya ditahan";

function buttonsOf(message: { buttons?: Array<Array<{ text: string }>> }): string[] {
  return message.buttons?.flat().map((b) => b.text) ?? [];
}

describe("urgent words come first", () => {
  it("the mother's message: what to do now, KBRI Phnom Penh and the national hotline, in Indonesian, no verdict", async () => {
    const ibu = bot.tg.createUser({ firstName: "Ibu Sumi", languageCode: "id" });
    await ibu.send(MOTHER);
    const help = await ibu.waitForBotMessage();
    expect(help.text).toContain(t("urgent-title"));
    expect(help.text).toContain("Phnom Penh (KBRI)");
    expect(help.text).toContain("+855 12 813 282");
    expect(help.text).toContain("0800-1000");
    expect(help.text).not.toMatch(/hotline|call center|Risiko:/i);
    expect(buttonsOf(help)).toEqual([t("urgent-button-report")]);
    expect(ibu.botMessages()).toHaveLength(1);
  });

  it("🆘 starts the urgent report, asks about the person first and carries what she wrote", async () => {
    const ibu = bot.tg.createUser({ firstName: "Ibu Sumi", languageCode: "id" });
    await ibu.send(MOTHER);
    await ibu.waitForBotMessage();
    await ibu.click(t("urgent-button-report"));
    await waitForStep(ibu, "id", 1);
    await ibu.click(t("report-who-family_friend"));
    // The urgent path asks about the person who left second, and counts on without a jump.
    await waitForStep(ibu, "id", 2);
    await ibu.click(t("answer-no"));
    const offer = await waitForStep(ibu, "id", 3);
    // The offer step already holds her words: Done is offered at once.
    expect(buttonsOf(offer)).toContain(t("report-button-done"));
  });

  it("urgent words typed as the offer inside a report bring the embassy and hotline at once", async () => {
    const ibu = bot.tg.createUser({ firstName: "Ibu Sumi", languageCode: "id" });
    await fillReport(ibu, "id", { offer: [MOTHER] });
    const help = ibu.chat().find((m) => (m.text ?? "").startsWith(t("urgent-title")));
    expect(help?.text).toContain("Phnom Penh (KBRI)");
    expect(help?.text).toContain(t("urgent-step-report-in-report"));
    // Help comes before the questions that follow the offer.
    const contacts = ibu
      .chat()
      .findIndex((m) => (m.text ?? "").includes(t("report-progress", { step: 3, total: 8 })));
    expect(ibu.chat().indexOf(help!)).toBeLessThan(contacts);
  });

  it.each([
    [
      "en",
      "en",
      "Please help, my sister is being held in Myawaddy, they took her passport",
      "Indonesian embassy in Yangon",
    ],
    [
      "ms",
      "ms",
      "Tolong, anak saya dikurung di Sihanoukville dan pasport diambil majikan",
      "Phnom Penh (KBRI)",
    ],
    ["vi", "vi", "Cứu em với, chị em bị nhốt ở Campuchia, bị giữ hộ chiếu", "Phnom Penh (KBRI)"],
    [
      "tl",
      "fil",
      "Tulong po, ang kapatid ko ay nakakulong sa Myawaddy, kinuha ang passport niya",
      "Yangon (KBRI)",
    ],
    ["th", "th", "ช่วยด้วย น้องสาวถูกขังอยู่ที่เมียวดี ถูกยึดพาสปอร์ต", "Yangon (KBRI)"],
  ])(
    "%s: urgent words get help first with the embassy of the place",
    async (_lang, code, message, embassy) => {
      const user = bot.tg.createUser({ firstName: "Kin", languageCode: code });
      await user.send(message);
      const help = await user.waitForBotMessage();
      const locale: Locale = code === "en" ? "en" : "id";
      expect(help.text).toContain(text(locale, "urgent-title"));
      expect(help.text).toContain(embassy);
      expect(help.text).toContain("0800-1000");
      expect(buttonsOf(help)).toEqual([text(locale, "urgent-button-report")]);
    },
  );

  it("an offer leaving next week and a warning about others get a verdict, not the urgent answer", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await user.send(
      "Lowongan admin di Kamboja gaji 15jt, berangkat minggu depan, paspor dipegang perusahaan",
    );
    expect((await user.waitForBotMessage()).text).toMatch(/^🟠|^🔴|^🟡/u);
    await user.send("HATI-HATI penipuan lowongan kerja ke Kamboja, banyak WNI disekap dan dipukuli");
    const warning = await user.waitForBotMessage();
    expect(warning.text).not.toContain(t("urgent-title"));
  });
});

describe("not everything is an offer", () => {
  it.each([
    ["assalamualaikum", "intent-greeting", "menu-check"],
    ["halo", "intent-greeting", "menu-check"],
    ["hello?", "intent-greeting", "menu-check"],
    ["tolong", "intent-help", "menu-danger"],
    ["kak ini aman gk ya?", "intent-question", undefined],
    ["aku lagi makan nasi goreng", "intent-not-job", "menu-check"],
  ])("“%s” gets its own answer and no verdict", async (message, key, button) => {
    const user = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    await user.send(message);
    const answer = await user.waitForBotMessage();
    expect(answer.text).toBe(t(key));
    if (button) expect(buttonsOf(answer)).toContain(t(button));
  });

  it("“lapor” and “saya mau lapor” lead into the report in one tap", async () => {
    const user = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    await user.send("saya mau lapor");
    const answer = await user.waitForBotMessage();
    expect(answer.text).toBe(t("intent-report"));
    expect(buttonsOf(answer)).toEqual([t("menu-report"), t("menu-danger")]);
    await user.click(t("menu-report"));
    await waitForStep(user, "id", 1);
  });

  it("a bare number, handle or link: reported N times or not yet — which does not mean safe", async () => {
    const first = bot.tg.createUser({ firstName: "Ana", languageCode: "en" });
    await fillReport(first, "en", { offer: [SCAM] });
    await sendReport(first, "en");
    const user = bot.tg.createUser({ firstName: "Ben", languageCode: "en" });
    await user.send("0812-3456-7890");
    const reported = await user.waitForBotMessage();
    expect(reported.text).toContain(`+6281234567890: ${text("en", "check-reported-times", { count: 1 })}`);
    expect(reported.text).toContain(text("en", "identifier-answer-reported"));
    expect(reported.text).not.toContain("Risk:");
    await user.send("@someone_else");
    const handle = await user.waitForBotMessage({
      predicate: (m) => (m.text ?? "").includes("@someone_else"),
    });
    expect(handle.text).toContain(text("en", "identifier-answer-not-reported"));
    await user.send("bit.ly/3xYz9");
    const link = await user.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("bit.ly") });
    expect(link.text).toContain(text("en", "identifier-answer-not-reported"));
    expect(link.text).not.toContain("Risk:");
  });
});

describe("a short verdict with details on demand", () => {
  async function verdictFor(user: SimUser) {
    await user.send(SCAM);
    return user.waitForBotMessage();
  }

  it("the verdict fits on a phone; “Why?” shows the rest once, even when pressed twice", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    const verdict = await verdictFor(user);
    expect(verdict.text!.length).toBeLessThanOrEqual(600);
    const why = buttonsOf(verdict).find((b) => b.startsWith("❓"))!;
    const more = Number(/\((\d+)/.exec(why)?.[1]);
    expect(more).toBeGreaterThan(0);
    const press1 = await user.click(why);
    const press2 = await user.click(why);
    const details = await user.waitForBotMessage();
    expect(details.text).toContain(t("verdict-why-title", { count: more + 3 }));
    expect(details.text).toContain("@agen_rina");
    await press1.answer();
    expect((await press2.answer()).text).toBe(t("verdict-shown-already"));
    expect(user.botMessages()).toHaveLength(2);
  });

  it("“What to do” gives the full advice", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await verdictFor(user);
    await user.click(t("verdict-button-do"));
    const advice = await user.waitForBotMessage();
    expect(advice.text).toContain(t("check-advice-title"));
    expect(advice.text).toContain(t("screening-advice-no-tourist-visa"));
  });

  it("“Share a warning” gives a card to forward with nothing of her text", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await verdictFor(user);
    await user.click(t("verdict-button-share"));
    await user.waitForBotMessage({ predicate: (m) => m.text === t("verdict-share-intro") });
    const card = await user.waitForBotMessage({ predicate: (m) => (m.text ?? "").startsWith("⚠️") });
    expect(card.text).toContain(t("verdict-share-title"));
    expect(card.text).not.toMatch(/0812|3456|7890|agen_rina|15jt|2jt|“|Lowongan CS|mess gratis/);
    expect(card.text).toContain("t.me/");
  });

  it("👍 counts once per check (a second press and a change of mind change nothing) and shows in /stats", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await verdictFor(user);
    const up = await user.click(t("verdict-button-up"));
    expect((await up.answer()).text).toBe(t("verdict-vote-thanks"));
    const again = await user.click(t("verdict-button-up"));
    expect((await again.answer()).text).toBe(t("verdict-vote-already"));
    const down = await user.click(t("verdict-button-down"));
    expect((await down.answer()).text).toBe(t("verdict-vote-already"));
    const other = bot.tg.createUser({ firstName: "Dewi", languageCode: "id" });
    await verdictFor(other);
    await (await other.click(t("verdict-button-down"))).answer();
    await officer.sendInGroup(group, "/stats 7");
    const stats = await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && String(c.params.text).includes("Checks rated"),
    );
    expect(String(stats.params.text)).toContain(text("en", "stats-check-feedback", { up: 1, down: 1 }));
  });

  it("buttons of a check that expired get a friendly answer", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await verdictFor(user);
    const redis = bot.redis.client();
    const checks = (await redis.keys("*check:*")).filter((k) => /^waspada:check:[A-Za-z0-9_-]+$/.test(k));
    expect(checks, checks.join(" ")).toHaveLength(1);
    await redis.del(checks[0]!);
    redis.disconnect();
    await user.click(t("verdict-button-do"));
    expect((await user.waitForBotMessage()).text).toBe(t("verdict-expired"));
    await user.click(t("verdict-button-up"));
    expect((await user.waitForBotMessage()).text).toBe(t("verdict-expired"));
  });
});
