import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, startTestApp, type TestApp, testEnv } from "../harness/app.js";
import { TestRedis } from "../harness/redis.js";
import { FakeTelegram } from "../harness/telegram/index.js";

let redis: TestRedis;
let tg: FakeTelegram;
let app: TestApp;

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  await redis.flush();
  tg = await FakeTelegram.start();
});
afterEach(async () => {
  await app?.stop();
  await tg.stop();
});

/** Replies go out before the update's last writes: wait until the bot counts the update as handled. */
async function waitUntilHandled(type: string, count: number) {
  const handled = async () =>
    (await app.metrics.updates.get()).values.find((v) => v.labels.type === type)?.value;
  await expect.poll(handled).toBe(count);
}

async function get(path: string) {
  const response = await fetch(`http://127.0.0.1:${app.httpPort()}${path}`);
  return { status: response.status, body: await response.text() };
}

describe("Telegram trouble", () => {
  it("waits retry_after when Telegram answers 429, then delivers the message once", async () => {
    app = await startTestApp(testEnv(tg, redis));
    tg.inject({ method: "sendMessage", status: 429, retryAfter: 1 });
    const user = tg.createUser({ firstName: "Sari", languageCode: "id" });
    await user.send("/start");
    const reply = await user.waitForBotMessage({ timeoutMs: 8000 });
    expect(reply.text).toContain("Halo Sari!");
    await tg.waitFor((c) => c.method === "sendMessage" && c.ok);
    const sends = tg.callsOf("sendMessage");
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(950);
    expect(user.botMessages()).toHaveLength(1);
    expect(await app.metrics.registry.getSingleMetricAsString("waspada_telegram_api_calls_total")).toMatch(
      /method="sendMessage",result="429"\} 1/,
    );
  });

  it("retries a 5xx answer with backoff", async () => {
    app = await startTestApp(testEnv(tg, redis));
    tg.inject({ method: "sendMessage", status: 502, times: 2 });
    const user = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await user.send("/help");
    expect((await user.waitForBotMessage({ timeoutMs: 8000 })).text).toContain("How to use Waspada");
    await tg.waitFor((c) => c.method === "sendMessage" && c.ok);
    expect(tg.callsOf("sendMessage").map((c) => c.status)).toEqual([502, 502, 200]);
  });

  it("gives up after the configured number of retries instead of waiting forever", async () => {
    app = await startTestApp(testEnv(tg, redis, { TELEGRAM_MAX_RETRIES: "2" }));
    tg.inject({ method: "sendMessage", status: 500, times: 10 });
    const user = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await user.send("/help");
    await tg.waitFor(() => tg.callsOf("sendMessage").length >= 3, 8000);
    await new Promise((r) => setTimeout(r, 300));
    expect(tg.callsOf("sendMessage")).toHaveLength(3);
    expect(app.logs.some((l) => l.msg === "update handling failed" && l.kind === "telegram_api")).toBe(true);
  });
});

describe("Redis trouble", () => {
  it("tells users to try again while Redis is down, then recovers with every session intact", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const user = tg.createUser({ firstName: "Dewi", languageCode: "id" });
    await user.send("/language");
    await user.waitForBotMessage();
    await user.click("English");
    await user.waitForBotMessage();
    await waitUntilHandled("callback_query", 1); // the session is written after the reply

    await redis.kill();
    await user.send("/start");
    const outage = await user.waitForBotMessage({ timeoutMs: 8000 });
    expect(outage.text).toMatch(/sementara|temporarily/);

    await redis.restart();
    await expect
      .poll(async () => (await get("/healthz")).status, { timeout: 10_000, interval: 200 })
      .toBe(200);
    await user.send("/start");
    expect((await user.waitForBotMessage({ timeoutMs: 8000 })).text).toContain("Hello Dewi!");
  });

  it("reports Redis as down on /healthz while it is down", async () => {
    app = await startTestApp(testEnv(tg, redis));
    expect(JSON.parse((await get("/healthz")).body)).toMatchObject({
      status: "ok",
      redis: "ok",
      telegram: "ok",
    });
    await redis.kill();
    const down = await get("/healthz");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body).redis).toBe("down");
    await redis.restart();
  });

  it("waits for Redis at start-up and starts when it arrives", async () => {
    await redis.kill();
    app = createTestApp(testEnv(tg, redis));
    const started = app.start();
    await expect
      .poll(() => app.logs.filter((l) => String(l.msg).includes("Redis is not reachable")).length, {
        timeout: 8000,
      })
      .toBeGreaterThan(1);
    await redis.restart();
    await started;
    const user = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await user.send("/start");
    expect((await user.waitForBotMessage()).text).toContain("Hello Ann!");
  });
});

describe("shutdown", () => {
  it("stops at once when told to while Telegram is still unreachable at start-up", async () => {
    app = createTestApp(testEnv(tg, redis, { TELEGRAM_API_ROOT: "http://127.0.0.1:9" }));
    const started = app.start();
    await expect.poll(() => app.logs.some((l) => l.msg === "telegram network error, retrying")).toBe(true);
    await app.stop();
    await started;
    const after = app.logs.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(app.logs.slice(after).filter((l) => l.method === "getMe")).toEqual([]);
  });

  it("finishes the update in flight before closing", async () => {
    app = await startTestApp(testEnv(tg, redis));
    tg.inject({ method: "sendMessage", delayMs: 1500 });
    const user = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await user.send("/help");
    await new Promise((r) => setTimeout(r, 500)); // the reply is now held up in the fake server
    const stopping = app.stop();
    expect(user.botMessages()).toHaveLength(0);
    await stopping;
    expect(user.botMessages().map((m) => m.text)).toEqual([expect.stringContaining("How to use Waspada")]);
    await expect.poll(() => app.redis.status).toBe("end");
  });
});

describe("metrics", () => {
  it("exposes updates, errors, latency and Telegram calls", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const user = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await user.send("/start");
    await user.waitForBotMessage();
    await waitUntilHandled("message", 1);
    const { status, body } = await get("/metrics");
    expect(status).toBe(200);
    expect(body).toMatch(/waspada_updates_total\{type="message"\} 1/);
    expect(body).toContain("waspada_update_duration_seconds_bucket");
    expect(body).toMatch(/waspada_telegram_api_calls_total\{method="sendMessage",result="ok"\} 1/);
    expect(body).toContain("waspada_update_errors_total");
  });

  it("with METRICS_TOKEN, answers only the exact bearer token (compared in constant time)", async () => {
    const token = "metrics-token-0123456789abcdef";
    app = await startTestApp(testEnv(tg, redis, { METRICS_TOKEN: token }));
    const ask = async (authorization?: string) =>
      (
        await fetch(`http://127.0.0.1:${app.httpPort()}/metrics`, {
          headers: authorization ? { authorization } : {},
        })
      ).status;
    expect(await ask()).toBe(401);
    expect(await ask(`Bearer ${token.slice(0, -1)}`)).toBe(401);
    expect(await ask(`Bearer ${token}x`)).toBe(401);
    expect(await ask(`Bearer ${token}`)).toBe(200);
  });
});
