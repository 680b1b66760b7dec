import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

describe("the fake Bot API over HTTP", () => {
  it("answers getMe with the bot behind the token", async () => {
    const me = await ctx.api.getMe();
    expect(me).toMatchObject({
      id: 123456,
      is_bot: true,
      username: "waspada_test_bot",
      first_name: "Waspada",
    });
    expect(ctx.tg.botId).toBe(123456);
    expect(ctx.tg.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("rejects a wrong token with 401 Unauthorized", async () => {
    const response = await fetch(`${ctx.tg.apiRoot}/bot999:WRONG/getMe`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
  });

  it("answers an unknown method with 404 Not Found, like Telegram", async () => {
    const response = await fetch(`${ctx.tg.apiRoot}/bot${ctx.tg.token}/sendDice`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    await expectTelegramError(ctx.api.raw.getStarTransactions({}), 404, "Not Found");
  });

  it("accepts method names in any case, query strings and urlencoded bodies", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("/start");
    const viaQuery = await fetch(
      `${ctx.tg.apiRoot}/bot${ctx.tg.token}/SENDMESSAGE?chat_id=${user.id}&text=halo`,
    );
    expect(await viaQuery.json()).toMatchObject({
      ok: true,
      result: { text: "halo", chat: { id: user.id } },
    });
    const viaForm = await fetch(`${ctx.tg.apiRoot}/bot${ctx.tg.token}/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(user.id), text: "apa kabar" }),
    });
    expect(await viaForm.json()).toMatchObject({ ok: true, result: { text: "apa kabar" } });
    expect(ctx.tg.callsOf("sendMessage").map((call) => call.params.chat_id)).toEqual([user.id, user.id]);
  });

  it("records every request, failed ones included, with parsed parameters", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("/start");
    await ctx.api.sendMessage(user.id, "ok", {
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    await ctx.api.sendMessage(user.id, "").catch(() => undefined);
    const [sent, failed] = ctx.tg.callsOf("sendMessage");
    expect(sent).toMatchObject({ ok: true, status: 200, params: { chat_id: user.id, text: "ok" } });
    expect(sent?.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] });
    expect(failed).toMatchObject({
      ok: false,
      status: 400,
      errorCode: 400,
      description: "Bad Request: message text is empty",
    });
    expect(typeof sent?.at).toBe("number");
    ctx.tg.clearCalls();
    expect(ctx.tg.calls).toEqual([]);
  });

  it("waits for a call that has not happened yet", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("/start");
    const waiting = ctx.tg.waitFor((call) => call.method === "sendChatAction", 2000);
    setTimeout(() => void ctx.api.sendChatAction(user.id, "typing"), 50);
    expect((await waiting).params.action).toBe("typing");
    await expect(ctx.tg.waitFor((call) => call.method === "never", 50)).rejects.toThrow(
      /no matching Bot API call/,
    );
  });

  it("stores commands per scope and language", async () => {
    await ctx.api.setMyCommands([{ command: "start", description: "Mulai" }], { language_code: "id" });
    await ctx.api.setMyCommands([{ command: "start", description: "Start" }], {
      scope: { type: "chat", chat_id: 42 },
      language_code: "en",
    });
    expect(await ctx.api.getMyCommands({ language_code: "id" })).toEqual([
      { command: "start", description: "Mulai" },
    ]);
    expect(await ctx.api.getMyCommands()).toEqual([]);
    expect(ctx.tg.commands({ scope: { type: "chat", chat_id: 42 }, languageCode: "en" })).toEqual([
      { command: "start", description: "Start" },
    ]);
    await ctx.api.deleteMyCommands({ language_code: "id" });
    expect(ctx.tg.commands({ languageCode: "id" })).toBeUndefined();
    await expectTelegramError(
      ctx.api.setMyCommands([{ command: "Bad Command", description: "x" }]),
      400,
      "Bad Request: BOT_COMMAND_INVALID",
    );
  });
});
