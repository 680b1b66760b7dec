import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForStep } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";

const bot = useRunningBot();

const SCAM =
  "Lowongan CS online di Kamboja! Gaji 15jt/bulan, tanpa pengalaman, tiket & mess gratis. Berangkat pakai visa turis. " +
  "Minat? WA 0812-3456-7890";
const t = (key: string, args?: Record<string, string | number>) => text("id", key, args);

describe("checking an offer", () => {
  it("answers a pasted offer with a short verdict (level, quoted reasons, actions) and the details behind buttons", async () => {
    const sari = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await sari.send(SCAM);
    const answer = await sari.waitForBotMessage();
    expect(answer.text).toMatch(/Risiko: (TINGGI|SANGAT TINGGI)/);
    expect(answer.text).toContain(t("verdict-reasons-title"));
    expect(answer.text).toContain("“");
    expect(answer.text).toContain(t("verdict-actions-title"));
    expect(answer.text?.length).toBeLessThanOrEqual(600);
    expect(answer.text).not.toContain("<");
    const buttons = answer.buttons?.flat().map((b) => b.text) ?? [];
    expect(buttons).toContain(t("check-button-report"));
    expect(buttons).toContain(t("verdict-button-do"));
    expect(buttons).toContain(t("verdict-button-share"));
    expect(buttons).toContain(t("check-button-again"));
    // The contacts and every reason are one press away.
    await sari.click(buttons.find((b) => b.startsWith("❓"))!);
    const why = await sari.waitForBotMessage();
    expect(why.text).toContain(`+6281234567890: ${t("check-not-reported")}`);
  });

  it("a legitimate official programme is not flagged", async () => {
    const user = bot.tg.createUser({ firstName: "Agus", languageCode: "id" });
    await user.send(
      "Pendaftaran ujian EPS-TOPIK program G to G ke Korea Selatan dibuka. Daftar hanya online di SISKOP2MI, " +
        "tidak dipungut biaya selain biaya ujian resmi.",
    );
    expect((await user.waitForBotMessage()).text).toContain("Risiko: RENDAH");
  });

  it("'Report this' starts a report with the offer already in it", async () => {
    const sari = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await sari.send(SCAM);
    await sari.waitForBotMessage();
    await sari.click(t("check-button-report"));
    await waitForStep(sari, "id", 1);
    await sari.click(t("report-who-self"));
    const offerStep = await waitForStep(sari, "id", 2);
    expect(offerStep.buttons?.flat().map((b) => b.text)).toContain(t("report-button-done"));
    await sari.click(t("report-button-done"));
    await waitForStep(sari, "id", 3);
    expect(sari.lastBotMessage()?.text).toContain("0812-3456-7890");
  });

  it("a phone number reported before is shown with its count, and raises the level of a mild text", async () => {
    const first = bot.tg.createUser({ firstName: "Ana", languageCode: "en" });
    await fillReport(first, "en", { offer: [SCAM] });
    await sendReport(first, "en");
    const second = bot.tg.createUser({ firstName: "Ben", languageCode: "en" });
    await second.send("Is this number safe? 0812 3456 7890");
    const answer = await second.waitForBotMessage();
    expect(answer.text).toContain(`+6281234567890: ${text("en", "check-reported-times", { count: 1 })}`);
    expect(answer.text).not.toContain("Risk: LOW");
  });

  it("the second report about the same phone shows that it was reported once before", async () => {
    const first = bot.tg.createUser({ firstName: "Ana", languageCode: "en" });
    await fillReport(first, "en", { offer: [SCAM] });
    await sendReport(first, "en");
    const second = bot.tg.createUser({ firstName: "Ben", languageCode: "en" });
    await fillReport(second, "en", { offer: ["Call this agent: +62 812-3456-7890, job in Cambodia"] });
    // The check's verdict is not repeated inside the report: the count is on the contact itself.
    const contacts = second
      .chat()
      .find((m) => (m.text ?? "").includes(text("en", "report-contacts-found", { list: "" }).slice(0, 20)));
    expect(contacts?.text).toContain(
      `+62 812-3456-7890 — ${text("en", "check-reported-times", { count: 1 })}`,
    );
    expect(second.chat().some((m) => (m.text ?? "").includes(text("en", "check-identifiers-title")))).toBe(
      false,
    );
  });

  it("an offer text reported before is recognised when someone else checks it with another contact", async () => {
    const first = bot.tg.createUser({ firstName: "Ana", languageCode: "en" });
    await fillReport(first, "en", { offer: [SCAM] });
    await sendReport(first, "en");
    const second = bot.tg.createUser({ firstName: "Ben", languageCode: "en" });
    // Same text a week later: another number, emoji, one word changed.
    await second.send(
      "Lowongan CS online di Kamboja!! 🔥 Gaji 18jt/bulan, tanpa pengalaman, tiket & mess gratis. Berangkat pakai visa turis. " +
        "Minat? WA 0813-9999-1111",
    );
    const answer = await second.waitForBotMessage();
    expect(answer.text).toContain(text("en", "screening-indicator-known_reported_offer", { count: 1 }));
    // Contacts never reported are named under "Why?", not in the short verdict.
    await second.click(answer.buttons!.flat().find((b) => b.text.startsWith("❓"))!.text);
    const why = await second.waitForBotMessage();
    expect(why.text).toContain(`+6281399991111: ${text("en", "check-not-reported")}`);
  });

  it("a forwarded offer's sender is indexed with the report only once the person confirms it is the recruiter", async () => {
    const user = bot.tg.createUser({ firstName: "Lina", languageCode: "en" });
    const agent = { id: 5550001, firstName: "Agen", username: "Agen_KH" };
    const summary = await fillReport(user, "en", {
      offer: [SCAM],
      forwardedFrom: agent,
      senderIsRecruiter: true,
    });
    expect(summary).toContain("@agen_kh");
    const id = await sendReport(user, "en");
    const [known] = await bot.app.reports.lookup.lookup([{ kind: "telegram_user_id", value: "5550001" }]);
    expect(known?.reports).toBe(1);
    expect(await bot.app.reports.reportsMentioning("telegram_handle", "agen_kh")).toEqual([id]);
  });

  it("a forwarded message's hidden sender and a screenshot without text get clear answers", async () => {
    const user = bot.tg.createUser({ firstName: "Lina", languageCode: "en" });
    // A picture that is not an image at all (the fake server serves filler bytes).
    await user.sendPhoto();
    expect((await user.waitForBotMessage()).text).toBe(text("en", "check-screenshot-reading"));
    expect((await user.waitForBotMessage({ timeoutMs: 15_000 })).text).toBe(
      text("en", "check-screenshot-unreadable"),
    );
    await user.forward({ text: "Kerja di Laos gaji besar", from: { hiddenName: "Recruiter" } });
    expect((await user.waitForBotMessage()).text).toContain("Risk:");
  });
});
