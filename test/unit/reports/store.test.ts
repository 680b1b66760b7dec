import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { Report } from "#src/reports/report.js";
import { REPORT_ID_PATTERN } from "#src/reports/report-id.js";
import type { ReporterInput } from "#src/reports/store.js";
import type { TestRedis } from "../../harness/redis.js";
import { countRoundTrips, createStore, RECRUITER_PHONE, sampleDraft, useReportRedis } from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

function reporter(n: number, overrides: Partial<ReporterInput> = {}): ReporterInput {
  return {
    ref: `user-ref-${n}`,
    chatId: 5_550_000_000 + n,
    locale: "id",
    contactConsent: false,
    ...overrides,
  };
}

describe("creating a report", () => {
  it("stores a report sent twice once", async () => {
    const { store, keys } = createStore(redis);
    const first = await store.createOnce("chat-a:101", sampleDraft(), reporter(1));
    const second = await store.createOnce("chat-a:101", sampleDraft(), reporter(1));
    expect(first.created).toBe(true);
    expect(second).toEqual({ report: first.report, created: false });
    expect(first.report).toMatchObject({
      status: "received",
      statusVersion: 1,
      reporterRef: "user-ref-1",
      history: [{ status: "received", actor: "reporter" }],
    });
    expect(first.report.id).toMatch(REPORT_ID_PATTERN);
    expect(first.report.recruiter.identifiers[0]!.value).toBe(RECRUITER_PHONE);
    expect(await redis.zcard(keys.reportsByTime())).toBe(1);
    expect(await store.lookup.reportsMentioning("phone", RECRUITER_PHONE)).toEqual([first.report.id]);
    expect((await store.readAudit(10)).filter((e) => e.action === "report.create")).toHaveLength(1);
  });

  it("keeps 100 people reporting at once apart: 100 reports, 100 different ids", async () => {
    const { store, keys } = createStore(redis);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.createOnce(`chat-${i}:7`, sampleDraft(), reporter(i))),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(results.map((r) => r.report.id)).size).toBe(100);
    expect(await redis.zcard(keys.reportsByTime())).toBe(100);
    expect((await store.lookup.reportsMentioning("phone", RECRUITER_PHONE)).length).toBe(100);
    for (const [i, { report }] of results.entries()) {
      expect(report.reporterRef).toBe(`user-ref-${i}`);
      expect(await redis.smembers(keys.reporterReports(`user-ref-${i}`))).toEqual([report.id]);
    }
  });

  it("creates one report when Send arrives 20 times at once", async () => {
    const { store, keys } = createStore(redis);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => store.createOnce("chat-a:555", sampleDraft(), reporter(1))),
    );
    expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await redis.zcard(keys.reportsByTime())).toBe(1);
    expect((await store.lookup.reportsMentioning("phone", RECRUITER_PHONE)).length).toBe(1);
    expect((await store.readAudit(100)).filter((e) => e.action === "report.create")).toHaveLength(1);
    expect(await redis.keys("waspada:report:*")).toHaveLength(1);
  });

  it("finishes a report whose first attempt stopped after reserving the id", async () => {
    const { store, keys } = createStore(redis);
    // biome-ignore lint/complexity/useLiteralKeys: the test drives a private step (TypeScript allows it only this way)
    const reserved = await store["claimReportId"]("chat-a:9"); // step (a) only, then the process died
    expect(await redis.exists(keys.report(reserved))).toBe(0);
    const { report, created } = await store.createOnce("chat-a:9", sampleDraft(), reporter(1));
    expect({ id: report.id, created }).toEqual({ id: reserved, created: true });
    expect(await redis.keys("waspada:report:*")).toHaveLength(1);
    expect(await redis.zrange(keys.reportsByStatus("received"), "0", "-1")).toEqual([reserved]);
  });

  it("finishes the indexes of a report whose first attempt stopped after storing it", async () => {
    const { store, keys } = createStore(redis);
    const { report } = await store.createOnce("chat-a:10", sampleDraft(), reporter(1));
    // What a crash right after `SET report NX` leaves: the report, none of its indexes.
    const indexes = (await redis.keys("waspada:*")).filter(
      (k) => k !== keys.report(report.id) && k !== keys.reportOnce("chat-a:10"),
    );
    await redis.del(...indexes);
    const again = await store.createOnce("chat-a:10", sampleDraft(), reporter(1));
    expect(again).toEqual({ report, created: false });
    expect(await redis.zrange(keys.reportsByTime(), "0", "-1")).toEqual([report.id]);
    expect(await store.lookup.reportsMentioning("phone", RECRUITER_PHONE)).toEqual([report.id]);
    expect(await store.lookup.reportsMentioning("agency", "pt maju jaya")).toEqual([report.id]);
    expect((await store.reporterOf("user-ref-1"))?.reportIds).toEqual([report.id]);
    // Audit was cut with the rest; its entry is not written twice.
    expect((await store.readAudit(10)).filter((e) => e.action === "report.create")).toHaveLength(0);
  });

  it("takes a few round trips, whatever the number of identifiers", async () => {
    const { store } = createStore(redis);
    const identifiers = Array.from({ length: 30 }, (_, i) => ({
      kind: "phone" as const,
      value: `+62812000000${String(i).padStart(2, "0")}`,
      source: "extracted" as const,
    }));
    const fresh = await countRoundTrips(redis, () =>
      store.createOnce("chat-a:1", sampleDraft({ recruiter: { identifiers } }), reporter(1)),
    );
    const repeat = await countRoundTrips(redis, () =>
      store.createOnce("chat-a:1", sampleDraft({ recruiter: { identifiers } }), reporter(1)),
    );
    expect(fresh.roundTrips).toBe(4);
    expect(repeat.roundTrips).toBe(3);
  });

  it("refuses a draft that breaks the schema, and stores nothing", async () => {
    const { store } = createStore(redis);
    const tooLong = sampleDraft({ offer: { texts: [{ text: "x".repeat(10_001) }], media: [] } });
    await expect(store.createOnce("chat-a:2", tooLong, reporter(1))).rejects.toThrow();
    expect(await redis.dbsize()).toBe(0);
  });
});

describe("the identifier index", () => {
  it("tells the second reporter that the phone was reported once before", async () => {
    const { store } = createStore(redis);
    const { report: first } = await store.createOnce("chat-a:1", sampleDraft(), reporter(1));
    const typedDifferently = [{ kind: "phone" as const, value: "+62 812 3456 7890" }];
    expect(await store.lookup.lookup(typedDifferently)).toEqual([
      { kind: "phone", value: RECRUITER_PHONE, reports: 1 },
    ]);

    const { report: second } = await store.createOnce("chat-b:1", sampleDraft(), reporter(2));
    expect(await store.lookup.lookup(typedDifferently, { excludeReportId: second.id })).toEqual([
      { kind: "phone", value: RECRUITER_PHONE, reports: 1 },
    ]);
    expect(await store.lookup.reportsMentioning("phone", RECRUITER_PHONE, { except: second.id })).toEqual([
      first.id,
    ]);
    expect(await store.lookup.reportsMentioning("phone", RECRUITER_PHONE)).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it("indexes a forwarded sender the reporter confirmed, and the agency name, by keyed digests only", async () => {
    const { store } = createStore(redis);
    const draft = sampleDraft();
    draft.recruiter.identifiers.push(
      { kind: "telegram_user_id", value: "777000111", source: "forwarded" },
      { kind: "telegram_handle", value: "HRD_Kamboja", source: "forwarded" },
    );
    await store.createOnce("chat-a:1", draft, reporter(1));
    // Key names carry no identifier in clear: a dump of the index cannot list who was reported.
    const names = (await redis.keys("waspada:entity:*")).join("\n");
    for (const clear of ["777000111", "hrd_kamboja", "maju", "6281234567890"])
      expect(names).not.toContain(clear);
    const found = await store.lookup.lookup([
      { kind: "telegram_user_id", value: "777000111" },
      { kind: "telegram_handle", value: "@hrd_kamboja" },
      { kind: "agency", value: "PT Maju Jaya" },
      { kind: "domain", value: "never-reported.example" },
    ]);
    expect(found.map((k) => [k.kind, k.value, k.reports])).toEqual([
      ["telegram_user_id", "777000111", 1],
      ["telegram_handle", "hrd_kamboja", 1],
      ["agency", "pt maju jaya", 1],
    ]);
  });

  it("looks up 50 identifiers in one round trip", async () => {
    // The counter itself: two awaited commands are two round trips, a pipeline is one.
    expect(
      (await countRoundTrips(redis, async () => [await redis.get("a"), await redis.get("b")])).roundTrips,
    ).toBe(2);
    expect((await countRoundTrips(redis, () => redis.pipeline().get("a").get("b").exec())).roundTrips).toBe(
      1,
    );

    const { store } = createStore(redis);
    await store.createOnce("chat-a:1", sampleDraft(), reporter(1));
    const identifiers = [
      { kind: "phone" as const, value: RECRUITER_PHONE },
      ...Array.from({ length: 49 }, (_, i) => ({ kind: "domain" as const, value: `site-${i}.example` })),
    ];
    const { result, roundTrips } = await countRoundTrips(redis, () => store.lookup.lookup(identifiers));
    expect(roundTrips).toBe(1);
    expect(result).toEqual([{ kind: "phone", value: RECRUITER_PHONE, reports: 1 }]);
    const excluding = await countRoundTrips(redis, () =>
      store.lookup.lookup(identifiers, { excludeReportId: "AAAA-2222" }),
    );
    expect(excluding.roundTrips).toBe(1);
    expect((await countRoundTrips(redis, () => store.lookup.lookup([]))).roundTrips).toBe(0);
  });

  it("carries an officer's verdict, audited without the identifier in clear", async () => {
    const { store } = createStore(redis);
    expect(await store.markIdentifier("phone", "+62 812-3456-7890", "known_recruiter", "4242")).toBe(true);
    expect(await store.lookup.lookup([{ kind: "phone", value: RECRUITER_PHONE }])).toEqual([
      { kind: "phone", value: RECRUITER_PHONE, reports: 0, verdict: "known_recruiter" },
    ]);
    await store.markIdentifier("phone", RECRUITER_PHONE, null, "4242");
    expect(await store.lookup.lookup([{ kind: "phone", value: RECRUITER_PHONE }])).toEqual([]);
    expect(await store.markIdentifier("phone", "not a phone", "known_recruiter", "4242")).toBe(false);

    const audit = await store.readAudit(10);
    expect(audit.map((e) => [e.action, e.actor, e.detail?.verdict])).toEqual([
      ["identifier.mark", "officer:4242", "none"],
      ["identifier.mark", "officer:4242", "known_recruiter"],
    ]);
    expect(audit[0]!.detail!.identifier).toBe(audit[1]!.detail!.identifier);
    expect(JSON.stringify(audit)).not.toContain("81234567890");
  });
});

describe("changing a report", () => {
  it("follows the state machine, with history, statusVersion and status lists", async () => {
    const { store, keys } = createStore(redis);
    const { report } = await store.createOnce("chat-a:1", sampleDraft(), reporter(1));

    const reviewing = await store.setStatus(report.id, "in_review", "officer:4242");
    expect(reviewing).toMatchObject({ ok: true, report: { status: "in_review", statusVersion: 2 } });
    expect(await store.setStatus(report.id, "in_review", "officer:4242")).toEqual({
      ok: false,
      reason: "unchanged",
    });
    expect(await store.setStatus(report.id, "received", "officer:4242")).toEqual({
      ok: false,
      reason: "not_allowed",
    });
    expect(await store.setStatus("ZZZZ-ZZZZ", "closed", "officer:4242")).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await store.setStatus("../etc", "closed", "officer:4242")).toEqual({
      ok: false,
      reason: "not_found",
    });

    await store.setStatus(report.id, "confirmed_scam", "officer:4242", "Same number as case ABCD-2345");
    const closed = await store.setStatus(report.id, "closed", "officer:99");
    expect(await store.setStatus(report.id, "escalated", "officer:99")).toEqual({
      ok: false,
      reason: "not_allowed",
    });
    const reopened = await store.setStatus(report.id, "in_review", "officer:99");
    expect(closed.ok && reopened.ok).toBe(true);

    const stored = (await store.get(report.id))!;
    expect(stored.statusVersion).toBe(5);
    expect(stored.history.map((h) => [h.status, h.actor])).toEqual([
      ["received", "reporter"],
      ["in_review", "officer:4242"],
      ["confirmed_scam", "officer:4242"],
      ["closed", "officer:99"],
      ["in_review", "officer:99"],
    ]);
    expect(stored.history[2]!.note).toBe("Same number as case ABCD-2345");
    expect(await redis.zrange(keys.reportsByStatus("in_review"), "0", "-1")).toEqual([report.id]);
    for (const s of ["received", "confirmed_scam", "closed"]) {
      expect(await redis.zcard(keys.reportsByStatus(s))).toBe(0);
    }
    const statusAudit = (await store.readAudit(20)).filter((e) => e.action === "report.status");
    expect(statusAudit.map((e) => e.detail)).toEqual([
      { from: "closed", to: "in_review", statusVersion: "5" },
      { from: "confirmed_scam", to: "closed", statusVersion: "4" },
      { from: "in_review", to: "confirmed_scam", statusVersion: "3" },
      { from: "received", to: "in_review", statusVersion: "2" },
    ]);
  });

  it("applies concurrent changes one after another, losing none", async () => {
    const { store } = createStore(redis);
    const { report } = await store.createOnce("chat-a:1", sampleDraft(), reporter(1));
    const results = await Promise.all([
      store.setStatus(report.id, "in_review", "officer:1"),
      store.setStatus(report.id, "in_review", "officer:2"),
      store.assign(report.id, "1"),
      store.setUrgent(report.id, true, "officer:2"),
      ...Array.from({ length: 10 }, (_, i) => store.addInformation(report.id, { text: `more ${i}` })),
    ]);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["unchanged"]);
    const stored = (await store.get(report.id))!;
    expect(stored).toMatchObject({ status: "in_review", statusVersion: 2, assignee: "1", urgent: true });
    expect(stored.additions).toHaveLength(10);
  });

  it("takes additions until the report is closed", async () => {
    const { store } = createStore(redis);
    const { report } = await store.createOnce("chat-a:1", sampleDraft(), reporter(1));
    const media = [
      { kind: "document" as const, fileId: "BQACAgUA", fileUniqueId: "AgADy", mimeType: "application/pdf" },
    ];
    const added = await store.addInformation(report.id, { text: "Mereka minta paspor", media });
    expect(added.ok && added.report.additions).toEqual([
      { at: expect.any(String), text: "Mereka minta paspor", media },
    ]);
    await store.setStatus(report.id, "closed", "officer:7");
    expect(await store.addInformation(report.id, { text: "lagi" })).toEqual({ ok: false, reason: "closed" });
  });

  it("assigns, releases and marks urgent, each audited", async () => {
    const { store } = createStore(redis);
    const { report } = await store.createOnce("chat-a:1", sampleDraft(), reporter(1));
    expect(await store.assign(report.id, "4242")).toMatchObject({ ok: true, report: { assignee: "4242" } });
    expect(await store.assign(report.id, "4242")).toEqual({ ok: false, reason: "unchanged" });
    const released = await store.assign(report.id, null, "officer:4242");
    expect(released.ok && "assignee" in released.report).toBe(false);
    expect(await store.setUrgent(report.id, true, "officer:4242")).toMatchObject({
      ok: true,
      report: { urgent: true },
    });
    expect((await store.readAudit(3)).map((e) => [e.action, e.actor, e.detail])).toEqual([
      ["report.urgent", "officer:4242", { urgent: "true" }],
      ["report.assign", "officer:4242", { assignee: "none" }],
      ["report.assign", "officer:4242", { assignee: "4242" }],
    ]);
  });

  it("keeps personal data out of the audit stream", async () => {
    const { store } = createStore(redis);
    const person = reporter(1, {
      chatId: 5_550_123_456,
      contactPhone: "+6285700011122",
      contactConsent: true,
    });
    const { report } = await store.createOnce("chat-a:1", sampleDraft(), person);
    await store.setStatus(report.id, "needs_info", "officer:4242", "Tanyakan nomor rekening");
    await store.addInformation(report.id, { text: "Nomor saya 085700011122" });
    await store.markIdentifier("phone", RECRUITER_PHONE, "known_recruiter", "4242");
    await store.eraseReporter(person.ref);
    const audit = JSON.stringify(await store.readAudit(100));
    for (const secret of [
      "5550123456",
      "85700011122",
      "81234567890",
      "Kamboja",
      "rekening",
      "user-ref-1",
      "Maju",
    ]) {
      expect(audit).not.toContain(secret);
    }
  });
});

describe("listing", () => {
  it("pages newest first, also through reports made in the same millisecond", async () => {
    const at = new Date("2025-06-01T08:00:00.000Z");
    const { store } = createStore(redis, { now: () => at });
    const ids = new Set<string>();
    for (let i = 0; i < 25; i++)
      ids.add((await store.createOnce(`c:${i}`, sampleDraft(), reporter(i))).report.id);
    const seen: string[] = [];
    let before: Report | undefined;
    for (;;) {
      const page = await store.listRecent({ limit: 10, ...(before ? { before } : {}) });
      if (page.length === 0) break;
      seen.push(...page.map((r) => r.id));
      before = page.at(-1);
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(ids);
  });

  it("filters by status and orders by creation time", async () => {
    let clock = Date.parse("2025-06-01T08:00:00.000Z");
    const tick = () => {
      clock += 1_000;
      return new Date(clock);
    };
    const { store } = createStore(redis, { now: tick });
    const made: Report[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await store.createOnce(`c:${i}`, sampleDraft(), reporter(i))).report);
    await store.setStatus(made[1]!.id, "in_review", "officer:1");
    await store.setStatus(made[3]!.id, "in_review", "officer:1");
    expect((await store.listRecent({ limit: 10 })).map((r) => r.id)).toEqual(made.map((r) => r.id).reverse());
    expect((await store.listRecent({ status: "in_review", limit: 10 })).map((r) => r.id)).toEqual([
      made[3]!.id,
      made[1]!.id,
    ]);
    expect((await store.listRecent({ status: "received", limit: 2 })).map((r) => r.id)).toEqual([
      made[4]!.id,
      made[2]!.id,
    ]);
    expect(await store.getMany([made[0]!.id, "NOPE", made[2]!.id, "ZZZZ-ZZZZ"])).toEqual([made[0], made[2]]);
  });
});
