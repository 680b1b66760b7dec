import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

async function startedUser() {
  const user = ctx.tg.createUser({ firstName: "Sari", languageCode: "id" });
  await user.send("/start");
  return user;
}

describe("sendMessage limits", () => {
  it("accepts 4096 characters and refuses 4097, counting emoji as one character", async () => {
    const user = await startedUser();
    await ctx.api.sendMessage(user.id, "a".repeat(4096));
    // 4096 emoji are 8192 UTF-16 units but 4096 characters; Telegram counts characters.
    await ctx.api.sendMessage(user.id, "🙂".repeat(4096));
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "a".repeat(4097)),
      400,
      "Bad Request: message is too long",
    );
  });

  it("measures the length after HTML entities are parsed", async () => {
    const user = await startedUser();
    await ctx.api.sendMessage(user.id, `<b>${"a".repeat(4096)}</b>`, { parse_mode: "HTML" });
  });

  it("refuses empty text", async () => {
    const user = await startedUser();
    await expectTelegramError(ctx.api.sendMessage(user.id, ""), 400, "Bad Request: message text is empty");
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "<b> </b>", { parse_mode: "HTML" }),
      400,
      "Bad Request: message text is empty",
    );
  });

  it("parses HTML into entities with UTF-16 offsets", async () => {
    const user = await startedUser();
    const sent = await ctx.api.sendMessage(
      user.id,
      '🙂 <b>Awas</b> &amp; <a href="https://kemlu.go.id">cek</a>',
      {
        parse_mode: "HTML",
      },
    );
    expect(sent.text).toBe("🙂 Awas & cek");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 3, length: 4 },
      { type: "text_link", offset: 10, length: 3, url: "https://kemlu.go.id" },
    ]);
  });

  it("refuses unknown and unclosed HTML tags with Telegram's messages", async () => {
    const user = await startedUser();
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "Gaji <br> besar", { parse_mode: "HTML" }),
      400,
      'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 5',
    );
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "<b>tebal", { parse_mode: "HTML" }),
      400,
      "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
    );
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "<b>x</i>", { parse_mode: "HTML" }),
      400,
      /^Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected "<\/b>", found "<\/i>"$/,
    );
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "gaji < 5 juta", { parse_mode: "HTML" }),
      400,
      /^Bad Request: can't parse entities: Unsupported start tag "" at byte offset 5$/,
    );
  });

  it("requires MarkdownV2 reserved characters to be escaped", async () => {
    const user = await startedUser();
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "Gaji Rp 5.000.000", { parse_mode: "MarkdownV2" }),
      400,
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "*tebal", { parse_mode: "MarkdownV2" }),
      400,
      "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0",
    );
    const sent = await ctx.api.sendMessage(user.id, "*Awas* penipuan\\! [cek](https://bp2mi.go.id)", {
      parse_mode: "MarkdownV2",
    });
    expect(sent.text).toBe("Awas penipuan! cek");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
      { type: "text_link", offset: 15, length: 3, url: "https://bp2mi.go.id" },
    ]);
  });

  it("validates explicit entities against the text length in UTF-16 units", async () => {
    const user = await startedUser();
    await ctx.api.sendMessage(user.id, "🙂ab", { entities: [{ type: "bold", offset: 2, length: 2 }] });
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "🙂ab", { entities: [{ type: "bold", offset: 2, length: 3 }] }),
      400,
      /^Bad Request: entity beginning at UTF-16 offset 2 ends after the end of the text/,
    );
  });

  it("limits callback_data to 1-64 bytes", async () => {
    const user = await startedUser();
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: "Ya", callback_data: data }]] });
    await ctx.api.sendMessage(user.id, "ok", { reply_markup: keyboard("x".repeat(64)) });
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "no", { reply_markup: keyboard("x".repeat(65)) }),
      400,
      "Bad Request: BUTTON_DATA_INVALID",
    );
    // 33 "é" are 33 characters but 66 bytes.
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "no", { reply_markup: keyboard("é".repeat(33)) }),
      400,
      "Bad Request: BUTTON_DATA_INVALID",
    );
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "no", {
        reply_markup: { inline_keyboard: [[{ text: "only text" } as never]] },
      }),
      400,
      /Text buttons are unallowed in the inline keyboard/,
    );
  });

  it("limits captions to 1024 characters", async () => {
    const user = await startedUser();
    const photo = (await user.sendPhoto()).photo!.at(-1)!.file_id;
    await expectTelegramError(
      ctx.api.sendPhoto(user.id, photo, { caption: "c".repeat(1025) }),
      400,
      "Bad Request: message caption is too long",
    );
  });

  it("supports reply keyboards, keyboard removal and replies", async () => {
    const user = await startedUser();
    const asked = await ctx.api.sendMessage(user.id, "Pilih", {
      reply_markup: { keyboard: [["Ya", "Tidak"]], resize_keyboard: true },
    });
    expect(user.replyKeyboard()).toEqual([["Ya", "Tidak"]]);
    const reply = await ctx.api.sendMessage(user.id, "Oke", {
      reply_markup: { remove_keyboard: true },
      reply_parameters: { message_id: asked.message_id },
    });
    expect(reply.reply_to_message?.message_id).toBe(asked.message_id);
    expect(user.replyKeyboard()).toBeUndefined();
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "x", { reply_parameters: { message_id: 999 } }),
      400,
      "Bad Request: message to be replied not found",
    );
  });
});

describe("editing, deleting and callback answers", () => {
  it("edits text, refuses an identical edit and a missing message", async () => {
    const user = await startedUser();
    const sent = await ctx.api.sendMessage(user.id, "Memeriksa…");
    const edited = await ctx.api.editMessageText(user.id, sent.message_id, "Selesai");
    expect(edited).toMatchObject({ text: "Selesai", edit_date: expect.any(Number) });
    await expectTelegramError(
      ctx.api.editMessageText(user.id, sent.message_id, "Selesai"),
      400,
      /^Bad Request: message is not modified: specified new message content and reply markup are exactly the same/,
    );
    await expectTelegramError(
      ctx.api.editMessageText(user.id, 999, "x"),
      400,
      "Bad Request: message to edit not found",
    );
    expect(user.lastBotMessage()).toMatchObject({ text: "Selesai", edited: true });
  });

  it("edits and clears an inline keyboard", async () => {
    const user = await startedUser();
    const markup = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    const sent = await ctx.api.sendMessage(user.id, "Pilih", { reply_markup: markup });
    await expectTelegramError(
      ctx.api.editMessageReplyMarkup(user.id, sent.message_id, { reply_markup: markup }),
      400,
      /^Bad Request: message is not modified/,
    );
    await ctx.api.editMessageReplyMarkup(user.id, sent.message_id, { reply_markup: { inline_keyboard: [] } });
    expect(user.lastBotMessage()?.buttons).toBeUndefined();
    expect(user.lastBotMessage()?.raw.reply_markup).toBeUndefined();
  });

  it("deletes a message once", async () => {
    const user = await startedUser();
    const sent = await ctx.api.sendMessage(user.id, "sementara");
    expect(await ctx.api.deleteMessage(user.id, sent.message_id)).toBe(true);
    expect(user.chat().find((m) => m.messageId === sent.message_id)?.deleted).toBe(true);
    expect(user.botMessages()).toEqual([]);
    await expectTelegramError(
      ctx.api.deleteMessage(user.id, sent.message_id),
      400,
      "Bad Request: message to delete not found",
    );
  });

  it("answers a callback query once, with at most 200 characters", async () => {
    const user = await startedUser();
    await ctx.api.sendMessage(user.id, "Pilih", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    const click = await user.click("A");
    await expectTelegramError(
      ctx.api.answerCallbackQuery(click.callbackQueryId, { text: "x".repeat(201) }),
      400,
      "Bad Request: MESSAGE_TOO_LONG",
    );
    await ctx.api.answerCallbackQuery(click.callbackQueryId, { text: "Tersimpan" });
    expect(await click.answer()).toEqual({ text: "Tersimpan", showAlert: false });
    await expectTelegramError(
      ctx.api.answerCallbackQuery(click.callbackQueryId),
      400,
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );
  });

  it("validates chat actions", async () => {
    const user = await startedUser();
    expect(await ctx.api.sendChatAction(user.id, "typing")).toBe(true);
    await expectTelegramError(
      ctx.api.sendChatAction(user.id, "dancing" as never),
      400,
      "Bad Request: wrong parameter action in request",
    );
  });
});
