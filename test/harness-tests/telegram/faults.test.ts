import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

async function startedUser() {
  const user = ctx.tg.createUser({ firstName: "Sari" });
  await user.send("/start");
  return user;
}

describe("fault injection", () => {
  it("answers 429 with retry_after, then works again", async () => {
    const user = await startedUser();
    ctx.tg.inject({ method: "sendMessage", status: 429, retryAfter: 7 });
    const error = await expectTelegramError(
      ctx.api.sendMessage(user.id, "x"),
      429,
      "Too Many Requests: retry after 7",
    );
    expect(error.parameters.retry_after).toBe(7);
    expect(user.botMessages()).toHaveLength(0);
    await ctx.api.sendMessage(user.id, "x");
    expect(ctx.tg.callsOf("sendMessage").map((c) => c.status)).toEqual([429, 200]);
  });

  it("answers Telegram-style 5xx the given number of times, for matching methods only", async () => {
    const user = await startedUser();
    ctx.tg.inject({ method: /^send/, status: 502, times: 2 });
    await ctx.api.getMe();
    await expectTelegramError(ctx.api.sendMessage(user.id, "a"), 502, "Bad Gateway");
    await expectTelegramError(ctx.api.sendChatAction(user.id, "typing"), 502, "Bad Gateway");
    await ctx.api.sendMessage(user.id, "b");
    ctx.tg.inject({ status: 503 });
    await expectTelegramError(ctx.api.getMe(), 503, "Service Unavailable");
  });

  it("delays the answer without changing it", async () => {
    const user = await startedUser();
    ctx.tg.inject({ method: "sendMessage", delayMs: 300 });
    const started = Date.now();
    await ctx.api.sendMessage(user.id, "lambat");
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("drops the connection, before or after the method takes effect", async () => {
    const user = await startedUser();
    ctx.tg.inject({ method: "sendMessage", dropConnection: true });
    await expect(ctx.api.sendMessage(user.id, "hilang")).rejects.toBeInstanceOf(HttpError);
    expect(user.botMessages()).toHaveLength(0);

    ctx.tg.inject({ method: "sendMessage", dropConnection: true, afterProcessing: true });
    await expect(ctx.api.sendMessage(user.id, "terkirim")).rejects.toBeInstanceOf(HttpError);
    expect(user.botMessages().map((m) => m.text)).toEqual(["terkirim"]);
    expect(ctx.tg.callsOf("sendMessage").map((c) => c.status)).toEqual([0, 0]);
  });

  it("consumes rules in order", async () => {
    ctx.tg.inject({ method: "getMe", status: 500 });
    ctx.tg.inject({ method: "getMe", status: 429, retryAfter: 1 });
    await expectTelegramError(ctx.api.getMe(), 500, "Internal Server Error");
    await expectTelegramError(ctx.api.getMe(), 429, "Too Many Requests: retry after 1");
    await ctx.api.getMe();
  });
});
