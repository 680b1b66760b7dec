/** Wrong input, cancel, edit, double Send, restarts: the report keeps what was entered and never doubles. */
import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForStep, waitForText } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { ChatViewMessage, SimUser } from "../harness/telegram/index.js";

const bot = useRunningBot();

const OFFER = "Dicari operator typing di Myawaddy, gaji 20 juta, tanpa ijazah. WA +66 81 234 5678";
const t = (key: string, args?: Record<string, string | number>) => text("en", key, args);

/** A refusal says why, then asks the same question again with its buttons (issue 14). */
function expectAskedAgain(message: ChatViewMessage, reason: string, question: string) {
  expect(message.text?.startsWith(reason)).toBe(true);
  expect(message.text).toContain(question);
  expect(message.buttons?.flat().map((b) => b.text)).toContain(t("report-button-cancel"));
}

async function reportCount(): Promise<number> {
  return bot.app.redis.zcard("waspada:reports:by-time");
}

async function startAndAnswerWho(user: SimUser) {
  await user.send("/report");
  await waitForStep(user, "en", 1);
  await user.click(t("report-who-self"));
  await waitForStep(user, "en", 2);
}

describe("wrong input keeps the question and what was entered", () => {
  it("at each kind of question", async () => {
    const joe = bot.tg.createUser({ firstName: "Joe", languageCode: "en" });
    await joe.send("/report");
    await waitForStep(joe, "en", 1);
    await joe.sendSticker();
    expectAskedAgain(await joe.waitForBotMessage(), t("report-use-buttons"), t("report-who-question"));
    await joe.click(t("report-who-abroad"));
    await waitForStep(joe, "en", 2);

    await joe.sendVoice({ duration: 4 });
    expectAskedAgain(
      await joe.waitForBotMessage(),
      t("report-offer-wrong-input"),
      t("report-offer-question", { max: 10 }),
    );
    await joe.sendVideo({ fileSize: 80 * 1024 * 1024 });
    expectAskedAgain(
      await joe.waitForBotMessage(),
      t("report-offer-wrong-input"),
      t("report-offer-question", { max: 10 }),
    );
    await joe.sendDocument({ fileName: "offer.zip", mimeType: "application/zip", fileSize: 1000 });
    expect((await joe.waitForBotMessage()).text).toContain(t("report-offer-wrong-file"));
    await joe.sendDocument({ fileName: "big.pdf", mimeType: "application/pdf", fileSize: 30 * 1024 * 1024 });
    expect((await joe.waitForBotMessage()).text).toContain(t("report-offer-too-large"));
    await joe.send(OFFER);
    await joe.sendPhoto({ caption: "poster" });
    await joe.sendDocument({ fileName: "chat.pdf", mimeType: "application/pdf", fileSize: 200_000 });
    await joe.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("2 texts and 2 screenshots") });
    await joe.click(t("report-button-done"));
    await waitForStep(joe, "en", 3);
    await joe.click(t("report-button-continue"));
    await waitForStep(joe, "en", 4);
    await joe.click(t("report-button-skip"));
    await waitForText(joe, t("report-city-question"));
    await joe.send("M".repeat(10_000));
    expectAskedAgain(
      await joe.waitForBotMessage(),
      t("report-too-long", { length: 10_000, max: 300 }),
      t("report-city-question"),
    );
    await joe.sendLocation({ latitude: 1, longitude: 2 });
    expectAskedAgain(await joe.waitForBotMessage(), t("report-wrong-input-text"), t("report-city-question"));
    await joe.send("Myawaddy");
    await waitForText(joe, t("report-job-question"));

    // A button of an earlier question is old: it is answered and changes nothing.
    const step2 = joe.chat().find((m) => (m.text ?? "").includes("2 texts and 2 screenshots"));
    const click = await joe.clickInChat(joe.id, step2!.messageId, `rp:x:offer:done`);
    expect((await click.answer()).text).toBe(t("report-button-old"));
    await joe.send("/start");
    expectAskedAgain(
      await joe.waitForBotMessage(),
      t("report-command-during-report"),
      t("report-job-question"),
    );

    await joe.click(t("report-button-skip"));
    await waitForText(joe, t("report-salary-question"));
    await joe.click(t("report-button-skip"));
    await waitForStep(joe, "en", 5);
    await joe.click(t("report-button-skip"));
    await waitForText(joe, t("report-passport-question"));
    await joe.click(t("answer-yes"));
    await waitForStep(joe, "en", 6);
    await joe.click(t("answer-no"));
    await waitForStep(joe, "en", 7);
    await joe.click(t("report-consent-no"));
    const summary = await waitForStep(joe, "en", 8);
    expect(summary.text).toContain("2 texts, 2 screenshots");
    expect(summary.text).toContain("Myawaddy");
    const id = await sendReport(joe, "en");
    const report = await bot.app.reports.get(id);
    expect(report?.offer.media.map((m) => m.kind)).toEqual(["photo", "document"]);
    expect(report?.offer.texts.map((x) => x.text)).toEqual([OFFER, "poster"]);
    expect(report?.documents.passportHandedOver).toBe("yes");
  });

  it("help and language still work in the middle of a report, which then goes on", async () => {
    const joe = bot.tg.createUser({ firstName: "Joe", languageCode: "en" });
    await startAndAnswerWho(joe);
    await joe.send("/help");
    expect((await joe.waitForBotMessage()).text).toContain("How to use Waspada");
    await joe.send(OFFER);
    await joe.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("1 text") });
  });
});

describe("cancel", () => {
  const steps = [1, 2, 3, 4, 5, 6, 7, 8];
  for (const step of steps) {
    it(`at step ${step} stores nothing and ends the report`, async () => {
      const user = bot.tg.createUser({ firstName: "Nia", languageCode: "en" });
      if (step === 8) {
        await fillReport(user, "en", { offer: [OFFER] });
      } else {
        await user.send("/report");
        await waitForStep(user, "en", 1);
        if (step > 1) {
          // Walk forward with the first answer offered at each question.
          await user.click(t("report-who-self"));
          await waitForStep(user, "en", 2);
          if (step > 2) {
            await user.send(OFFER);
            await user.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("1 text") });
            await user.click(t("report-button-done"));
            await waitForStep(user, "en", 3);
          }
          if (step > 3) {
            await user.click(t("report-button-continue"));
            await waitForStep(user, "en", 4);
          }
          if (step > 4) {
            await user.click(t("report-button-skip"));
            for (const q of ["report-city-question", "report-job-question", "report-salary-question"]) {
              await waitForText(user, t(q));
              await user.click(t("report-button-skip"));
            }
            await waitForStep(user, "en", 5);
          }
          if (step > 5) {
            await user.click(t("report-button-skip"));
            await waitForText(user, t("report-passport-question"));
            await user.click(t("answer-no"));
            await waitForStep(user, "en", 6);
          }
          if (step > 6) {
            await user.click(t("answer-no"));
            await waitForStep(user, "en", 7);
          }
        }
      }
      if (step % 2 === 0) await user.click(t("report-button-cancel"));
      else await user.send("/cancel");
      await waitForText(user, t("report-cancelled"));
      await waitForText(user, t("menu-title"));
      expect(await reportCount()).toBe(0);
      await user.send("/cancel");
      expect((await user.waitForBotMessage()).text).toBe(t("report-nothing-to-cancel"));
    });
  }
});

describe("summary", () => {
  it("lets a part be edited and keeps the rest", async () => {
    const user = bot.tg.createUser({ firstName: "Dian", languageCode: "en" });
    const before = await fillReport(user, "en", { offer: [OFFER], country: "TH", job: "typing" });
    expect(before).toContain("Thailand");
    await user.click(t("report-edit-destination"));
    // An edited part says so instead of a step number (issue 14: counters never jump).
    const question = await waitForText(
      user,
      t("report-progress-editing", { part: t("report-summary-destination") }),
    );
    const myanmar = question.buttons!.flat().find((b) => b.data?.endsWith(":country:MM"));
    await user.click(myanmar!.text);
    await waitForText(user, t("report-city-question"));
    await user.send("Shwe Kokko");
    await waitForText(user, t("report-job-question"));
    await user.send("typing");
    await waitForText(user, t("report-salary-question"));
    await user.click(t("report-button-skip"));
    const after = await waitForStep(user, "en", 8);
    expect(after.text).toContain("Myanmar");
    expect(after.text).toContain("Shwe Kokko");
    expect(after.text).toContain("1 text, 0 screenshots");
    const id = await sendReport(user, "en");
    expect((await bot.app.reports.get(id))?.destination).toEqual({ country: "MM", city: "Shwe Kokko" });
  });

  it("stores one report when Send is pressed twice, or the same press is delivered twice", async () => {
    const user = bot.tg.createUser({ firstName: "Budi", languageCode: "en" });
    await fillReport(user, "en", { offer: [OFFER] });
    const summary = user.lastBotMessage()!;
    const send = summary.buttons!.flat().find((b) => b.text === t("report-button-send"))!;
    const first = await user.clickInChat(user.id, summary.messageId, send.data!);
    const second = await user.clickInChat(user.id, summary.messageId, send.data!);
    await first.answer();
    expect((await second.answer()).text).toBe(t("report-button-finished"));
    await waitForText(user, "case number");
    expect(await reportCount()).toBe(1);
  });
});

describe("a bot restart", () => {
  for (const step of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`at step ${step} resumes at the same step`, async () => {
      const user = bot.tg.createUser({ firstName: "Eka", languageCode: "id" });
      const ti = (key: string, args?: Record<string, string | number>) => text("id", key, args);
      if (step === 8) {
        await fillReport(user, "id", { offer: [OFFER] });
      } else {
        await user.send("/report");
        await waitForStep(user, "id", 1);
        if (step >= 2) {
          await user.click(ti("report-who-self"));
          await waitForStep(user, "id", 2);
        }
        if (step >= 3) {
          await user.send(OFFER);
          await user.waitForBotMessage({
            predicate: (m) => (m.buttons ?? []).flat().some((b) => b.text === ti("report-button-done")),
          });
          await user.click(ti("report-button-done"));
          await waitForStep(user, "id", 3);
        }
        if (step >= 4) {
          await user.click(ti("report-button-continue"));
          await waitForStep(user, "id", 4);
        }
        if (step >= 5) {
          await user.click(ti("report-button-skip"));
          for (const q of ["report-city-question", "report-job-question", "report-salary-question"]) {
            await waitForText(user, ti(q));
            await user.click(ti("report-button-skip"));
          }
          await waitForStep(user, "id", 5);
        }
        if (step >= 6) {
          await user.click(ti("report-button-skip"));
          await waitForText(user, ti("report-passport-question"));
          await user.click(ti("answer-no"));
          await waitForStep(user, "id", 6);
        }
        if (step >= 7) {
          await user.click(ti("answer-no"));
          await waitForStep(user, "id", 7);
        }
      }
      const question = user.lastBotMessage()!;
      await bot.restart();
      // The question asked before the restart still works: its button, or a wrong input.
      await user.sendSticker();
      const reply = await user.waitForBotMessage();
      expect(reply.text).not.toContain("Maaf, saya belum mengerti");
      const firstButton = question.buttons!.flat()[0]!;
      await user.click(firstButton.text, { messageId: question.messageId });
      if (step === 8) {
        await waitForText(user, "Nomor kasus Anda");
        expect(await reportCount()).toBe(1);
      } else {
        await user.waitForBotMessage({ predicate: (m) => m.messageId > question.messageId + 1 });
        expect(await reportCount()).toBe(0);
      }
    });
  }
});
