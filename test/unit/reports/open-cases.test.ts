import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { listOpenCases, OPEN_STATUSES, parseOpenStatus, parseStatus } from "#src/reports/open-cases.js";
import type { ReporterInput } from "#src/reports/store.js";
import type { TestRedis } from "../../harness/redis.js";
import { countRoundTrips, createStore, sampleDraft, useReportRedis } from "./fixtures.js";

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

/** Six reports a minute apart: received, in_review, closed, needs_info, received, confirmed_scam. */
async function sixCases() {
  let t = Date.parse("2025-06-01T08:00:00Z");
  const { store } = createStore(redis, {
    now: () => {
      t += 60_000;
      return new Date(t);
    },
  });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++)
    ids.push((await store.createOnce(`c:${i}`, sampleDraft(), reporter(i))).report.id);
  await store.setStatus(ids[1]!, "in_review", "officer:1");
  await store.setStatus(ids[2]!, "closed", "officer:1");
  await store.setStatus(ids[3]!, "needs_info", "officer:1");
  await store.setStatus(ids[5]!, "confirmed_scam", "officer:1");
  return { store, ids };
}

describe("/list", () => {
  it("lists open cases oldest first and leaves closed ones out", async () => {
    const { store, ids } = await sixCases();
    const { reports, total } = await listOpenCases(store, { limit: 10 });
    expect(reports.map((r) => r.id)).toEqual([ids[0], ids[1], ids[3], ids[4], ids[5]]);
    expect(total).toBe(5);
  });

  it("stops at the limit and still says how many are open", async () => {
    const { store, ids } = await sixCases();
    const { reports, total } = await listOpenCases(store, { limit: 2 });
    expect(reports.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    expect(total).toBe(5);
  });

  it("lists one status", async () => {
    const { store, ids } = await sixCases();
    expect((await listOpenCases(store, { status: "received", limit: 10 })).reports.map((r) => r.id)).toEqual([
      ids[0],
      ids[4],
    ]);
    expect(await listOpenCases(store, { status: "needs_info", limit: 0 })).toEqual({ reports: [], total: 1 });
  });

  it("takes two round trips", async () => {
    const { store } = await sixCases();
    const { roundTrips } = await countRoundTrips(redis, () => listOpenCases(store, { limit: 10 }));
    expect(roundTrips).toBe(2);
  });

  it("reads the status an officer typed", () => {
    expect(parseOpenStatus("needs-info")).toBe("needs_info");
    expect(parseOpenStatus(" Needs Info ")).toBe("needs_info");
    expect(parseOpenStatus("RECEIVED")).toBe("received");
    expect(parseOpenStatus("closed")).toBeUndefined();
    expect(parseOpenStatus("whatever")).toBeUndefined();
    expect(OPEN_STATUSES).not.toContain("closed");
  });

  it("reads a status from the officers' own words, closed too", () => {
    const words = { needs_info: ["perlu info", "butuh informasi"], closed: ["ditutup"], received: ["baru"] };
    expect(parseStatus(" Perlu  Info ", words)).toBe("needs_info");
    expect(parseStatus("perlu-info", words)).toBe("needs_info");
    expect(parseStatus("ditutup", words)).toBe("closed");
    expect(parseStatus("BARU", words)).toBe("received");
    expect(parseStatus("in_review", words)).toBe("in_review");
    expect(parseStatus("entah", words)).toBeUndefined();
    expect(parseStatus("", words)).toBeUndefined();
  });
});
