import { describe, expect, it } from "vitest";
import { text } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { FakeTelegram } from "../harness/telegram/index.js";

const bot = useRunningBot();

describe("anything the bot does not handle gets a friendly answer in the person's language", () => {
  it.each([
    ["a sticker", (u: ReturnType<FakeTelegram["createUser"]>) => u.sendSticker()],
    ["a voice note", (u: ReturnType<FakeTelegram["createUser"]>) => u.sendVoice({ duration: 3 })],
    [
      "a location",
      (u: ReturnType<FakeTelegram["createUser"]>) => u.sendLocation({ latitude: -6.2, longitude: 106.8 }),
    ],
    ["an unknown command", (u: ReturnType<FakeTelegram["createUser"]>) => u.send("/frobnicate")],
  ])("%s", async (_name, act) => {
    const user = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    await act(user);
    expect((await user.waitForBotMessage()).text).toBe(
      "Maaf, saya belum mengerti. Kirim teks lowongan kerja untuk diperiksa, atau ketik /help.",
    );
  });

  it("the longest message Telegram allows is read like any text (here: nothing about a job, no verdict)", async () => {
    const user = bot.tg.createUser({ firstName: "Joe", languageCode: "en" });
    await user.send("x".repeat(4096));
    expect((await user.waitForBotMessage()).text).toBe(text("en", "intent-not-job"));
  });

  it("a button from an old message that no longer means anything", async () => {
    const user = bot.tg.createUser({ firstName: "Ana", languageCode: "en" });
    await user.send("/help");
    const help = await user.waitForBotMessage();
    await user.clickInChat(user.id, help.messageId, "gone:123");
    const answer = await bot.tg.waitFor((c) => c.method === "answerCallbackQuery");
    expect(answer.params.text).toBe("This button has expired. Please start again with /start.");
  });

  it("/help and /privacy explain the bot and its data", async () => {
    const user = bot.tg.createUser({ firstName: "Ana", languageCode: "en" });
    await user.send("/privacy");
    const privacy = await user.waitForBotMessage();
    expect(privacy.text).toContain("Tim Uji Waspada");
    expect(privacy.text).toContain("30 days");
    expect(privacy.text).toContain("730 days");
    await user.send("/help");
    expect((await user.waitForBotMessage()).text).toContain("0800-1000");
  });

  it("stays quiet about ordinary group chatter", async () => {
    const alice = bot.tg.createUser({ firstName: "Alice", languageCode: "en" });
    const group = bot.tg.createGroup({ title: "Some group", members: [{ user: alice, status: "member" }] });
    const before = bot.tg.callsOf("sendMessage").length;
    await alice.sendInGroup(group, "hello everyone");
    await alice.sendInGroup(group, "/start@waspada_test_bot");
    await bot.tg.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === group.id);
    expect(bot.tg.callsOf("sendMessage").length).toBe(before + 1);
  });
});
