import { Bot, type Context } from "grammy";
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

let bot: Bot;
let received: Message[];
let polling: Promise<void>;

/** A small real grammY bot, long polling the fake server the way the production bot does. */
function buildBot(): Bot {
  const instance = new Bot(ctx.tg.token, { client: { apiRoot: ctx.tg.apiRoot } });
  instance.on("message", async (c, next) => {
    received.push(c.msg);
    await next();
  });
  instance.command("start", (c) =>
    c.reply(`Halo ${c.from?.first_name}!`, {
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Bahasa Indonesia", callback_data: "lang:id" },
            { text: "English", callback_data: "lang:en" },
          ],
          [{ text: "Website", url: "https://example.org" }],
        ],
      },
    }),
  );
  instance.callbackQuery(/^lang:(.+)$/, async (c: Context) => {
    await c.answerCallbackQuery({ text: `Saved ${c.match?.[1]}` });
    await c.editMessageText(`Language: ${c.match?.[1]}`);
  });
  instance.callbackQuery(/.*/, (c) => c.answerCallbackQuery({ text: `unknown ${c.callbackQuery.data}` }));
  instance.command("two", async (c) => {
    await c.reply("first");
    await c.reply("second");
  });
  instance.command("bad", (c) => c.reply("<b>oops", { parse_mode: "HTML" }));
  instance.command("lang", (c) => c.reply(`lang=${c.from?.language_code}`));
  instance.catch(() => undefined);
  return instance;
}

beforeEach(() => {
  received = [];
  bot = buildBot();
  polling = bot.start({ drop_pending_updates: false, timeout: 1 });
});

afterEach(async () => {
  await bot.stop();
  await polling;
});

describe("a person talking to a real grammY bot", () => {
  it("gets the /start reply with its buttons", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari", languageCode: "id" });
    const start = await sari.send("/start");
    expect(start.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    const reply = await sari.waitForBotMessage();
    expect(reply).toMatchObject({ from: "bot", kind: "text", text: "Halo Sari!", edited: false });
    expect(reply.buttons).toEqual([
      [
        { text: "Bahasa Indonesia", data: "lang:id" },
        { text: "English", data: "lang:en" },
      ],
      [{ text: "Website", url: "https://example.org" }],
    ]);
  });

  it("presses a button: callback query answered, message edited in place", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    await sari.send("/start");
    const menu = await sari.waitForBotMessage();
    const click = await sari.click("English");
    expect(await click.answer()).toEqual({ text: "Saved en", showAlert: false });
    const edited = await sari.waitForBotMessage();
    expect(edited).toMatchObject({ messageId: menu.messageId, text: "Language: en", edited: true });
    expect(edited.buttons).toBeUndefined();
    expect(sari.chat().map((m) => [m.from, m.text, m.edited])).toEqual([
      ["user", "/start", false],
      ["bot", "Language: en", true],
    ]);
    // Pressing by callback_data works too; each press is a new query with a new id.
    const again = await sari.clickInChat(sari.id, menu.messageId, "lang:id");
    expect(again.callbackQueryId).not.toBe(click.callbackQueryId);
    expect((await again.answer()).text).toBe("Saved id");
  });

  it("explains which buttons exist when a click finds none", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    await sari.send("/start");
    await sari.waitForBotMessage();
    await expect(sari.click("Deutsch")).rejects.toThrow(/no such inline button[\s\S]*\[English → lang:en\]/);
    await expect(sari.click("Website")).rejects.toThrow(/opens https:\/\/example.org/);
  });

  it("delivers forged or stale callback data", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    await sari.send("/start");
    const menu = await sari.waitForBotMessage();
    const forged = await sari.clickInChat(sari.id, menu.messageId, "admin:delete-all");
    expect((await forged.answer()).text).toBe("unknown admin:delete-all");
  });

  it("waits for several new messages and for edits", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    await sari.send("/two");
    expect((await sari.waitForBotMessage({ count: 2 })).text).toBe("second");
    await sari.send("/start");
    const byPredicate = await sari.waitForBotMessage({
      predicate: (m) => m.text?.startsWith("Halo") === true,
    });
    expect(byPredicate.text).toBe("Halo Sari!");
    expect(sari.lastBotMessage()?.text).toBe("Halo Sari!");
    expect(sari.botMessages().map((m) => m.text)).toEqual(["first", "second", "Halo Sari!"]);
    expect((await sari.waitForBotMessage({ since: 0, count: 3 })).text).toBe("Halo Sari!");
  });

  it("times out with the chat so far and the failed Bot API calls", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    await sari.send("/bad");
    const failure = await sari.waitForBotMessage({ timeoutMs: 400 }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/no 1 new bot message\(s\) for Sari within 400 ms/);
    expect((failure as Error).message).toContain('#1 user: "/bad"');
    expect((failure as Error).message).toMatch(/sendMessage → 400 Bad Request: can't parse entities/);
  });

  it("sends the person's current Telegram language with each message", async () => {
    const budi = ctx.tg.createUser({ firstName: "Budi", languageCode: "id" });
    await budi.send("/lang");
    expect((await budi.waitForBotMessage()).text).toBe("lang=id");
    budi.languageCode = "en";
    await budi.send("/lang");
    expect((await budi.waitForBotMessage()).text).toBe("lang=en");
  });
});

describe("what a person can send", () => {
  it("sends media, contacts, locations and forwards the bot can read", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    const other = ctx.tg.createUser({ firstName: "Agen", username: "agen_kerja" });
    await sari.sendPhoto({ caption: "Lihat @agen_kerja di kerja-luar.com" });
    await sari.sendDocument({ fileName: "kontrak.pdf", mimeType: "application/pdf", fileSize: 1200 });
    await sari.sendSticker();
    await sari.sendVoice({ duration: 5 });
    await sari.sendVideo();
    await sari.sendContact({ phoneNumber: "+6281234567890", own: true });
    await sari.sendLocation({ latitude: -6.2, longitude: 106.8 });
    await sari.forward({ text: "Gaji 20 juta", from: { user: other } });
    await sari.forward({ text: "Hubungi kami", from: { hiddenName: "Rekrutmen PT X" } });
    await sari.forward({
      text: "Lowongan",
      from: { channel: { id: -1001234, title: "Loker LN", username: "lokerln" } },
    });
    await expect.poll(() => received.length).toBe(10);

    const [photo, doc, sticker, voice, video, contact, location, fromUser, hidden, fromChannel] = received;
    expect(photo?.caption_entities?.map((e) => e.type)).toEqual(["mention", "url"]);
    expect(doc?.document).toMatchObject({ file_name: "kontrak.pdf", file_size: 1200 });
    expect(sticker?.sticker).toBeDefined();
    expect(voice?.voice?.duration).toBe(5);
    expect(video?.video).toBeDefined();
    expect(contact?.contact).toMatchObject({ phone_number: "+6281234567890", user_id: sari.id });
    expect(location?.location).toEqual({ latitude: -6.2, longitude: 106.8 });
    expect(fromUser?.forward_origin).toMatchObject({ type: "user", sender_user: { id: other.id } });
    expect(hidden?.forward_origin).toMatchObject({ type: "hidden_user", sender_user_name: "Rekrutmen PT X" });
    expect(fromChannel?.forward_origin).toMatchObject({
      type: "channel",
      chat: { id: -1001234, username: "lokerln" },
    });
    expect(new Set(received.map((m) => m.message_id)).size).toBe(10);
  });

  it("in a group, reaches a non-admin bot only with commands, mentions and replies (privacy mode)", async () => {
    const alice = ctx.tg.createUser({ firstName: "Alice" });
    const group = ctx.tg.createGroup({
      title: "Officers",
      supergroup: true,
      members: [{ user: alice, status: "member" }],
    });
    await alice.sendInGroup(group, "just chatting");
    await alice.sendInGroup(group, "/start@other_bot");
    await alice.sendInGroup(group, "/start@waspada_test_bot");
    const reply = await ctx.tg.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === group.id);
    await alice.sendInGroup(group, "thanks", { replyToMessageId: (reply.result as Message).message_id });
    await alice.sendInGroup(group, "hey @waspada_test_bot");
    await expect
      .poll(() => received.map((m) => m.text))
      .toEqual(["/start@waspada_test_bot", "thanks", "hey @waspada_test_bot"]);
    expect(group.messages().map((m) => m.text)).toContain("just chatting");
    await expect(alice.sendInGroup(ctx.tg.createGroup({ title: "Other" }), "x")).rejects.toThrow(
      /not a member/,
    );
  });

  it("in a group where the bot is admin, everything reaches the bot", async () => {
    const alice = ctx.tg.createUser({ firstName: "Alice" });
    const group = ctx.tg.createGroup({
      title: "Officers",
      forum: true,
      members: [{ user: alice, status: "administrator" }],
    });
    const topic = await bot.api.createForumTopic(group.id, "Kasus 9");
    await alice.sendInGroup(group, "catatan petugas", { messageThreadId: topic.message_thread_id });
    await expect.poll(() => received.at(-1)?.text).toBe("catatan petugas");
    expect(received.at(-1)).toMatchObject({
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
    });
  });
});
