/** The moderator group's send window: never more than the limit in any sliding minute, never a burst. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendWindow } from "#src/jobs/send-window.js";
import { TestRedis } from "../../harness/redis.js";

let redis: TestRedis;
beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis.stop();
});

describe("a group's send window", () => {
  it("lets 20 a minute through one every 3 s, across two processes asking at once, with no burst at a boundary", async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const rate = { max: 20, durationMs: 60_000 };
    // Two processes sharing the window through Redis.
    const a = createSendWindow({ redis: redis.client(), key: "test:window", rate, now });
    const b = createSendWindow({ redis: redis.client(), key: "test:window", rate, now });
    const sent: number[] = [];
    // Both ask every 500 ms for three minutes, each wanting to send as much as it can.
    for (let t = 0; t < 180_000; t += 500) {
      clock = 1_000_000 + t;
      for (const window of [a, b]) if ((await window.take()) === 0) sent.push(clock);
    }
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(3000);
    for (const start of sent) {
      expect(sent.filter((s) => s >= start && s < start + 60_000).length).toBeLessThanOrEqual(20);
    }
    expect(sent.length).toBeGreaterThanOrEqual(59); // the whole allowance is used, just spread out
  });

  it("answers how long to wait", async () => {
    const clock = 5_000_000;
    const window = createSendWindow({
      redis: redis.client(),
      key: "test:wait",
      rate: { max: 20, durationMs: 60_000 },
      now: () => clock,
    });
    expect(await window.take()).toBe(0);
    expect(await window.take()).toBe(3000);
  });
});
