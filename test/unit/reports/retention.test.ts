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

  it("takes identifiers nobody else reported, and the card's message and topic index, with the report", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const { store, keys } = createStore(redis, { now: () => new Date(now) });
    const reporter = { ref: "ref-b", chatId: 4343, locale: "id" as const, contactConsent: false };
    const lonely = sampleDraft({
      recruiter: { identifiers: [{ kind: "phone", value: "+62 877 0000 1111", source: "reporter" }] },
    });
    const { report: old } = await store.createOnce("once-lonely", lonely, reporter);
    await store.markIdentifier("agency", "PT Maju Jaya", "known_recruiter", "42");
    await redis.hset(keys.reportCard(old.id), { chat: -1001, message: 7, thread: 3 });
    await redis.set(keys.cardIndex(-1001, "message", 7), old.id);
    await redis.set(keys.cardIndex(-1001, "thread", 3), old.id);
    now += 400 * DAY;
    await deleteExpiredReports({ redis, keys, reports: store, retentionDays: 365, now: () => now });

    expect(await redis.keys("waspada:card-index:*")).toEqual([]);
    const lonelyKey = keys.entity("phone", store.identifierDigest("phone", "+6287700001111"));
    expect(await redis.exists(lonelyKey, `${lonelyKey}:reports`)).toBe(0);
    // An identifier an officer marked stays, with its verdict, though no report names it now.
    expect(await store.lookup.lookup([{ kind: "agency", value: "PT Maju Jaya" }])).toEqual([
      { kind: "agency", value: "pt maju jaya", reports: 0, verdict: "known_recruiter" },
    ]);
  });
});
