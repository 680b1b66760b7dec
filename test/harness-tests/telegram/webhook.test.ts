import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../../harness/telegram/index.js";
import { useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram({ webhookRetry: { delayMs: 20 } });

interface Received {
  update: Update;
  secret: string | undefined;
}

/** A stand-in for the bot's webhook endpoint that answers with the queued statuses (then 200). */
let hook: { server: Server; url: string; received: Received[]; statuses: number[] };

beforeEach(async () => {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push({
      update: JSON.parse(body),
      secret: req.headers["x-telegram-bot-api-secret-token"] as string,
    });
    res.writeHead(statuses.shift() ?? 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  hook = { server, url: `http://127.0.0.1:${port}/telegram/webhook`, received, statuses };
});

afterEach(async () => {
  await new Promise((resolve) => hook.server.close(resolve));
});

describe("webhook delivery", () => {
  it("POSTs updates with the secret token header", async () => {
    await ctx.api.setWebhook(hook.url, { secret_token: "s3cret_Token-1", allowed_updates: ["message"] });
    const user = ctx.tg.createUser({ firstName: "Sari" });
    const message = await user.send("/start");
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]).toMatchObject({
      secret: "s3cret_Token-1",
      update: { message: { text: "/start" } },
    });
    expect(hook.received[0]?.update.message).toEqual(message);
    expect(ctx.tg.webhookDeliveries).toMatchObject([
      { updateId: hook.received[0]?.update.update_id, status: 200 },
    ]);
    expect(await ctx.api.getWebhookInfo()).toMatchObject({
      url: hook.url,
      pending_update_count: 0,
      allowed_updates: ["message"],
    });
  });

  it("retries an update the bot did not accept", async () => {
    await ctx.api.setWebhook(hook.url);
    hook.statuses.push(500, 503);
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("halo");
    expect(ctx.tg.webhookDeliveries.map((d) => [d.status, d.attempt])).toEqual([
      [500, 1],
      [503, 2],
      [200, 3],
    ]);
    expect(hook.received[0]?.secret).toBeUndefined();
    expect((await ctx.api.getWebhookInfo()).last_error_message).toMatch(/503/);
  });

  it("sends updates that waited for getUpdates once a webhook is set, unless dropped", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("menunggu");
    await ctx.api.setWebhook(hook.url);
    await expect.poll(() => hook.received.map((r) => r.update.message?.text)).toEqual(["menunggu"]);

    await ctx.api.deleteWebhook();
    await user.send("dibuang");
    await ctx.api.setWebhook(hook.url, { drop_pending_updates: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toHaveLength(1);
  });

  it("queues for getUpdates again after deleteWebhook", async () => {
    await ctx.api.setWebhook(hook.url);
    await ctx.api.deleteWebhook();
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("polling lagi");
    expect(hook.received).toHaveLength(0);
    expect((await ctx.api.getUpdates()).map((u) => u.message?.text)).toEqual(["polling lagi"]);
  });
});

describe("FakeTelegram.start options", () => {
  it("takes a custom token and bot identity", async () => {
    const other = await FakeTelegram.start({
      token: "987:OTHER",
      botUsername: "other_bot",
      botName: "Other",
    });
    try {
      expect(other.botUser).toMatchObject({ id: 987, username: "other_bot", first_name: "Other" });
      const response = await fetch(`${other.apiRoot}/bot987:OTHER/getMe`);
      expect(await response.json()).toMatchObject({ ok: true, result: { id: 987 } });
    } finally {
      await other.stop();
    }
  });
});
