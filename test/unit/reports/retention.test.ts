import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleteExpiredReports } from "#src/jobs/retention.js";
import { TestRedis } from "../../harness/redis.js";
import { botRedis, createStore, dumpRedis, RECRUITER_PHONE, sampleDraft } from "./fixtures.js";

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
beforeEach(async () => {
  await server.flush();
});

const DAY = 24 * 60 * 60 * 1000;

describe("retention", () => {
  it("deletes reports older than the retention period with everything that points to them", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const { store, keys } = createStore(redis, { now: () => new Date(now) });
    const reporter = { ref: "ref-a", chatId: 4242, locale: "id" as const, contactConsent: false };
    const { report: old } = await store.createOnce("once-old", sampleDraft(), reporter);
    await redis.rpush(keys.reportNotes(old.id), JSON.stringify({ officer: 1, text: "note" }));
    await redis.hset(keys.reportCard(old.id), { chat: -100, message: 5 });
    now += 400 * DAY;
    const { report: recent } = await store.createOnce("once-new", sampleDraft(), reporter);

    const deleted = await deleteExpiredReports({
      redis,
      keys,
      reports: store,
      retentionDays: 365,
      now: () => now,
    });
    expect(deleted).toBe(1);
    expect(await store.get(old.id)).toBeUndefined();
    expect(await store.get(recent.id)).toBeDefined();
    const [phone] = await store.lookup.lookup([{ kind: "phone", value: RECRUITER_PHONE }]);
    expect(phone?.reports).toBe(1);
    expect((await store.reporterOf("ref-a"))?.reportIds).toEqual([recent.id]);
    const everything = await dumpRedis(redis);
    // Only the audit entry remains (and the once-key, which Redis expires 30 days after Send).
    const traces = everything.split("\n").filter((line) => line.includes(old.id));
    expect(
      traces.filter((line) => !line.includes("report.deleted") && !line.startsWith("waspada:report-once:")),
    ).toEqual([]);
    expect(
      (await store.readAudit(5)).some((a) => a.action === "report.deleted" && a.reportId === old.id),
    ).toBe(true);
    expect(
      await deleteExpiredReports({ redis, keys, reports: store, retentionDays: 365, now: () => now }),
    ).toBe(0);
  });
});
