import { describe, expect, it } from "vitest";
import { TEST_OPERATOR } from "../harness/app.js";
import { useRunningBot } from "../harness/running-bot.js";

const bot = useRunningBot();

describe("first contact", () => {
  it("welcomes in Indonesian a person whose Telegram is in Indonesian, naming the operator", async () => {
    const sari = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await sari.send("/start");
    const reply = await sari.waitForBotMessage();
    expect(reply.text).toContain("Halo Sari!");
    expect(reply.text).toContain("tawaran kerja di luar negeri");
    expect(reply.text).toContain(TEST_OPERATOR);
  });

  it("welcomes in English a person whose Telegram is in English", async () => {
    const ann = bot.tg.createUser({ firstName: "Ann", languageCode: "en-GB" });
    await ann.send("/start");
    const reply = await ann.waitForBotMessage();
    expect(reply.text).toContain("Hello Ann!");
    expect(reply.text).toContain(TEST_OPERATOR);
  });

  it("uses Indonesian, the default, for any other language", async () => {
    const linh = bot.tg.createUser({ firstName: "Linh", languageCode: "vi" });
    await linh.send("/start");
    expect((await linh.waitForBotMessage()).text).toContain("Halo Linh!");
    const nobody = bot.tg.createUser({ firstName: "Tanpa" });
    await nobody.send("/start");
    expect((await nobody.waitForBotMessage()).text).toContain("Halo Tanpa!");
  });

  it("keeps the language of first contact even if the Telegram app language changes later", async () => {
    const budi = bot.tg.createUser({ firstName: "Budi", languageCode: "id" });
    await budi.send("/start");
    await budi.waitForBotMessage();
    budi.languageCode = "en";
    await budi.send("/help");
    expect((await budi.waitForBotMessage()).text).toContain("Cara memakai Waspada");
  });
});

describe("/language", () => {
  it("switches to English, updates the person's command menu, and survives a bot restart", async () => {
    const dewi = bot.tg.createUser({ firstName: "Dewi", languageCode: "id" });
    await dewi.send("/language");
    const picker = await dewi.waitForBotMessage();
    expect(picker.text).toBe("Pilih bahasa Anda:");
    expect(picker.buttons?.flat().map((b) => b.text)).toEqual(["Bahasa Indonesia", "English"]);

    await dewi.click("English");
    const changed = await dewi.waitForBotMessage();
    expect(changed.text).toBe("Language set to English. 🇬🇧");
    expect(changed.edited).toBe(true);
    const menu = await bot.tg.waitFor(
      (c) => c.method === "setMyCommands" && (c.params.scope as { type?: string })?.type === "chat",
    );
    expect(menu.params.commands).toContainEqual({ command: "help", description: "How to use Waspada" });

    await bot.restart();
    await dewi.send("/start");
    expect((await dewi.waitForBotMessage()).text).toContain("Hello Dewi!");
  });

  it("answers a second press of the same button without editing again", async () => {
    const eko = bot.tg.createUser({ firstName: "Eko", languageCode: "en" });
    await eko.send("/language");
    const picker = await eko.waitForBotMessage();
    await eko.click("Bahasa Indonesia");
    await bot.tg.waitFor((c) => c.method === "editMessageText");
    const edits = bot.tg.callsOf("editMessageText").length;
    // The second tap of a double click arrives after the first one changed the message.
    await eko.clickInChat(eko.id, picker.messageId, "lang:id");
    await bot.tg.waitFor((c) => c.method === "answerCallbackQuery" && c.params.text !== undefined);
    expect(bot.tg.callsOf("editMessageText")).toHaveLength(edits);
    const answer = bot.tg.callsOf("answerCallbackQuery").at(-1);
    expect(answer?.params.text).toBe("Bahasa Indonesia sudah menjadi bahasa Anda.");
  });
});

describe("command menu", () => {
  it("is registered at start in Indonesian, English, and the default language", () => {
    const calls = bot.tg.callsOf("setMyCommands").filter((c) => c.ok);
    const byLanguage = new Map(calls.map((c) => [c.params.language_code ?? "default", c.params.commands]));
    expect(byLanguage.get("id")).toContainEqual({ command: "language", description: "Ganti bahasa" });
    expect(byLanguage.get("en")).toContainEqual({ command: "language", description: "Change language" });
    expect(byLanguage.get("default")).toEqual(byLanguage.get("id"));
  });
});
