import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { Keys } from "#src/redis-keys.js";
import { REPORT_SCHEMA_VERSION, type Report, reportSchema } from "#src/reports/report.js";
import { REPORT_ID_ALPHABET } from "#src/reports/report-id.js";
import { computeStats, median, minutesToFirstAction } from "#src/reports/stats.js";
import { indexedIdentifiers, type ReporterInput } from "#src/reports/store.js";
import type { TestRedis } from "../../harness/redis.js";
import { createStore, RECRUITER_PHONE, sampleDraft, useReportRedis } from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

const reporter = (n: number): ReporterInput => ({
  ref: `ref-${n}`,
  chatId: 5_550_000_000 + n,
  locale: "id",
  contactConsent: false,
});
const NOW = new Date("2025-06-30T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function settableStore() {
  let now = new Date(NOW.getTime() - 40 * DAY);
  const { store, keys } = createStore(redis, { now: () => now });
  return { store, keys, at: (t: Date) => (now = t) };
}

describe("the pieces of /stats", () => {
  it("times the first officer action, not the reporter's or the system's", () => {
    const createdAt = "2025-06-01T00:00:00.000Z";
    expect(
      minutesToFirstAction({
        createdAt,
        history: [
          { status: "received", at: createdAt, actor: "reporter" },
          { status: "escalated", at: "2025-06-01T00:05:00.000Z", actor: "system" },
          { status: "in_review", at: "2025-06-01T01:30:00.000Z", actor: "officer:7" },
        ],
      }),
    ).toBe(90);
    expect(
      minutesToFirstAction({
        createdAt,
        history: [{ status: "received", at: createdAt, actor: "reporter" }],
      }),
    ).toBe(undefined);
  });

  it("takes the middle of odd and even samples", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("/stats", () => {
  it("counts the window's reports by status, level, destination and reporter kind", async () => {
    const { store, at } = settableStore();
    // Outside the window (40 days ago): not counted.
    await store.createOnce("old:1", sampleDraft(), reporter(0));

    at(new Date(NOW.getTime() - 5 * DAY));
    const a = (
      await store.createOnce("c:1", sampleDraft({ urgent: true, reporterKind: "abroad" }), reporter(1))
    ).report;
    at(new Date(NOW.getTime() - 4 * DAY));
    const b = (await store.createOnce("c:2", sampleDraft({ urgent: true }), reporter(2))).report;
    at(new Date(NOW.getTime() - 3 * DAY));
    const c = (
      await store.createOnce(
        "c:3",
        sampleDraft({
          reporterKind: "self",
          destination: { country: "MM" },
          screening: { level: "critical", score: 30, indicators: [], catalogueVersion: "t" },
          recruiter: { identifiers: [{ kind: "domain", value: "kerja-kamboja.com", source: "extracted" }] },
          offer: { texts: [{ text: "x" }], media: [] },
        }),
        reporter(3),
      )
    ).report;
    at(new Date(NOW.getTime() - 2 * DAY));
    await store.createOnce("c:4", sampleDraft({ destination: {} }), reporter(4));

    // Officer actions: a after 30 min, b after 90 min (then closed), c after 10 min by the system only.
    at(new Date(Date.parse(a.createdAt) + 30 * 60_000));
    await store.setStatus(a.id, "in_review", "officer:1");
    at(new Date(Date.parse(b.createdAt) + 90 * 60_000));
    await store.setStatus(b.id, "confirmed_scam", "officer:2");
    at(new Date(Date.parse(b.createdAt) + 120 * 60_000));
    await store.setStatus(b.id, "closed", "officer:2");
    at(new Date(Date.parse(c.createdAt) + 10 * 60_000));
    await store.setStatus(c.id, "escalated", "system");
    await store.markIdentifier("phone", RECRUITER_PHONE, "known_recruiter", "1");

    const stats = await computeStats(store, { days: 7, now: NOW });
    expect(stats.total).toBe(4);
    expect(stats.window).toEqual({ from: "2025-06-23T12:00:00.000Z", to: NOW.toISOString(), days: 7 });
    expect(stats.byStatus).toEqual({
      received: 1,
      in_review: 1,
      needs_info: 0,
      confirmed_scam: 0,
      not_scam: 0,
      escalated: 1,
      closed: 1,
    });
    expect(stats.byLevel).toEqual({ low: 0, medium: 0, high: 3, critical: 1 });
    expect(stats.byDestination).toEqual([
      { country: "KH", count: 2 },
      { country: "MM", count: 1 },
      { country: null, count: 1 },
    ]);
    expect(stats.byReporterKind).toEqual({ self: 1, family_friend: 2, abroad: 1, other: 0 });
    // b is urgent but closed.
    expect(stats.urgentOpen).toEqual({ count: 1, oldest: [a.id] });
    expect(stats.medianMinutesToFirstAction).toBe(60);
    expect(stats.actedOn).toBe(2);
    // Phone and agency of the sample draft tie at 3.
    expect(stats.topIdentifiers[0]!.count).toBe(3);
    expect(stats.topIdentifiers).toContainEqual({
      kind: "phone",
      value: RECRUITER_PHONE,
      count: 3,
      verdict: "known_recruiter",
    });
    expect(stats.topIdentifiers).toContainEqual({ kind: "domain", value: "kerja-kamboja.com", count: 1 });
    expect(stats.topIdentifiers.length).toBeLessThanOrEqual(10);
    expect(stats.unreadable).toBe(0);
  });

  it("answers an empty window with zeroes and no median", async () => {
    const { store } = settableStore();
    const stats = await computeStats(store, { days: 1, now: NOW });
    expect(stats).toMatchObject({
      total: 0,
      medianMinutesToFirstAction: null,
      topIdentifiers: [],
      byDestination: [],
    });
  });

  it("rejects a window that is not a whole number of days", async () => {
    const { store } = settableStore();
    await expect(computeStats(store, { days: 0, now: NOW })).rejects.toThrow();
    await expect(computeStats(store, { days: 1.5, now: NOW })).rejects.toThrow();
  });

  it("counts an unreadable report instead of failing", async () => {
    const { store, keys, at } = settableStore();
    at(new Date(NOW.getTime() - DAY));
    await store.createOnce("c:1", sampleDraft(), reporter(1));
    await redis.set(keys.report("ZZZZ-ZZZZ"), "{not json");
    await redis.zadd(keys.reportsByTime(), NOW.getTime() - DAY, "ZZZZ-ZZZZ");
    const stats = await computeStats(store, { days: 2, now: NOW });
    expect(stats).toMatchObject({ total: 1, unreadable: 1 });
  });

  it("counts 2,000 reports and names the ten most reported identifiers", async () => {
    const { store, keys } = settableStore();
    const count = 2_000;
    await writeReports(keys, count);
    const stats = await computeStats(store, { days: 30, now: NOW });
    expect(stats.total).toBe(count);
    expect(stats.topIdentifiers).toHaveLength(10);
  });
});

/** The i-th of a run of distinct, valid case numbers. */
function idFor(i: number): string {
  let n = i + 1_000_003;
  let chars = "";
  for (let k = 0; k < 8; k++) {
    chars = REPORT_ID_ALPHABET[n % REPORT_ID_ALPHABET.length]! + chars;
    n = Math.floor(n / REPORT_ID_ALPHABET.length);
  }
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Many reports written with one pipeline, indexed as the store indexes them. */
async function writeReports(keys: Keys, count: number): Promise<void> {
  const countries = ["KH", "MM", "LA", "TH", "MY"];
  const statuses = ["received", "in_review", "needs_info", "confirmed_scam", "closed"] as const;
  const levels = ["low", "medium", "high", "critical"] as const;
  const pipeline = redis.pipeline();
  for (let i = 0; i < count; i++) {
    const created = new Date(NOW.getTime() - ((i % 29) + 0.5) * DAY - i * 1_000);
    const status = statuses[i % statuses.length]!;
    const id = idFor(i);
    const history: Report["history"] = [{ status: "received", at: created.toISOString(), actor: "reporter" }];
    if (status !== "received")
      history.push({
        status,
        at: new Date(created.getTime() + (i % 300) * 60_000).toISOString(),
        actor: "officer:1",
      });
    const draft = sampleDraft({
      urgent: i % 17 === 0,
      destination: { country: countries[i % countries.length]! },
      screening: { level: levels[i % 4]!, score: 10, indicators: ["dest_cambodia"], catalogueVersion: "t" },
      recruiter: {
        identifiers: [
          { kind: "phone", value: `+62812000${String(i % 40).padStart(5, "0")}`, source: "extracted" },
        ],
      },
    });
    const report: Report = reportSchema.parse({
      ...draft,
      schemaVersion: REPORT_SCHEMA_VERSION,
      id,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      status,
      statusVersion: history.length,
      history,
      reporterRef: `ref-${i}`,
      additions: [],
    });
    pipeline.set(keys.report(id), JSON.stringify(report));
    pipeline.zadd(keys.reportsByTime(), created.getTime(), id);
    pipeline.zadd(keys.reportsByStatus(status), created.getTime(), id);
    for (const { kind, value } of indexedIdentifiers(report))
      pipeline.sadd(keys.entityReports(kind, value), id);
  }
  await pipeline.exec();
}
