import { describe, expect, it } from "vitest";
import { freePort } from "../harness/redis.js";
import { useRunningBot } from "../harness/running-bot.js";

const SECRET = "webhook-secret_0123456789";
let url: string;

const bot = useRunningBot(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/telegram/webhook`;
  return { BOT_MODE: "webhook", WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, HTTP_PORT: String(port) };
});

function post(body: unknown, secret?: string) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe("webhook mode", () => {
  it("registers the webhook with its secret and the explicit list of updates", () => {
    const [call] = bot.tg.callsOf("setWebhook");
    expect(call?.params).toMatchObject({
      url,
      secret_token: SECRET,
      allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member", "chat_member"],
    });
  });

  it("answers /start delivered by Telegram through the webhook", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await user.send("/start");
    expect((await user.waitForBotMessage()).text).toContain("Halo Sari!");
    expect(bot.tg.webhookDeliveries.at(-1)?.status).toBe(200);
  });

  it("rejects a request without the secret or with a wrong one, and handles nothing", async () => {
    const update = {
      update_id: 9001,
      message: {
        message_id: 1,
        date: 1_700_000_000,
        chat: { id: 42, type: "private", first_name: "Mallory" },
        from: { id: 42, is_bot: false, first_name: "Mallory" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    };
    expect((await post(update)).status).toBe(401);
    expect((await post(update, "wrong-secret")).status).toBe(401);
    expect((await post(update, `${SECRET}x`)).status).toBe(401);
    expect(bot.tg.callsOf("sendMessage")).toHaveLength(0);
  });

  it("refuses what is not an update", async () => {
    expect((await post({ hello: "world" }, SECRET)).status).toBe(400);
    const res = await fetch(url, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      body: "{",
    });
    expect(res.status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
  });

  it("processes an update delivered twice only once", async () => {
    const user = bot.tg.createUser({ firstName: "Ann", languageCode: "en" });
    const update = user.buildTextUpdate("/help");
    await bot.tg.deliverRaw(update);
    await user.waitForBotMessage();
    await bot.tg.deliverRaw(update);
    await bot.tg.waitFor(() => bot.tg.webhookDeliveries.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(user.botMessages()).toHaveLength(1);
    expect(bot.tg.webhookDeliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(bot.app.logs.some((l) => l.msg === "duplicate update dropped")).toBe(true);
  });
});
