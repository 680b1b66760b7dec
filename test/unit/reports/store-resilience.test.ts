import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestRedis } from "../../harness/redis.js";
import { botRedis, createStore, sampleDraft } from "./fixtures.js";

let server: TestRedis;
let redis: Redis;

beforeAll(async () => {
  server = await TestRedis.start();
  redis = await botRedis(server);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

/** Rejects if `promise` has not settled within `ms`: a hang is a failure too. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms),
    ),
  ]);
}

async function eventually<T>(run: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("when Redis goes away", () => {
  it("fails the store's calls at once and works again, data intact, when Redis is back", async () => {
    const { store } = createStore(redis);
    const person = { ref: "r1", chatId: 5_550_123_456, locale: "id" as const, contactConsent: false };
    const { report } = await store.createOnce("c:1", sampleDraft(), person);
    await store.setStatus(report.id, "in_review", "officer:1");

    await server.kill();
    const started = Date.now();
    const calls = [
      store.get(report.id),
      store.createOnce("c:2", sampleDraft(), person),
      store.setStatus(report.id, "closed", "officer:1"),
      store.lookup.lookup([{ kind: "phone", value: "+6281234567890" }]),
      store.reporterOf("r1"),
    ];
    const outcomes = await within(5_000, Promise.allSettled(calls));
    expect(outcomes.map((o) => o.status)).toEqual(Array(calls.length).fill("rejected"));
    expect(Date.now() - started).toBeLessThan(5_000);

    // Not server.restart(): the harness's kill() waits forever for a child already killed by a
    // signal (exitCode stays null), so start the same server again directly.
    // biome-ignore lint/complexity/useLiteralKeys: the test drives a private step (TypeScript allows it only this way)
    await server["launch"]();
    const back = await eventually(() => store.get(report.id));
    expect(back).toMatchObject({ id: report.id, status: "in_review", statusVersion: 2 });
    // The transaction queue was not left blocked by the failed calls.
    expect(await store.setStatus(report.id, "closed", "officer:1")).toMatchObject({ ok: true });
    const again = await store.createOnce("c:2", sampleDraft(), person);
    expect(again.created).toBe(true);
    expect((await store.lookup.lookup([{ kind: "phone", value: "+6281234567890" }]))[0]!.reports).toBe(2);
    expect((await store.reporterOf("r1"))!.reportIds.sort()).toEqual([report.id, again.report.id].sort());
  });
});
