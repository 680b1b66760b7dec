import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { SealedValueError } from "#src/privacy/sealed.js";
import type { TestRedis } from "../../harness/redis.js";
import { createStore, dumpRedis, OLD_KEY, sampleDraft, useReportRedis } from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

/** The test user: what must never be readable in Redis. */
const USER_ID = 5_550_123_456;
const NAME = "Siti Rahayu";
const PHONE = "+6285700011122";
const PLAIN = [String(USER_ID), NAME, "Siti", "Rahayu", PHONE, "85700011122"];

describe("the reporter record", () => {
  it("holds chat id and phone sealed, and opens them for the bot", async () => {
    const { store, keys, pseudonymize } = createStore(redis);
    const ref = pseudonymize("user", USER_ID);
    await store.createOnce(`${pseudonymize("chat", USER_ID)}:10`, sampleDraft(), {
      ref,
      chatId: USER_ID,
      locale: "en",
      contactPhone: PHONE,
      contactConsent: true,
    });
    const raw = await redis.hgetall(keys.reporter(ref));
    expect(raw.chat).toMatch(/^v1\.k1\./);
    expect(raw.contact).toMatch(/^v1\.k1\./);
    const dump = await dumpRedis(redis);
    for (const text of PLAIN) expect(dump).not.toContain(text);

    const reporter = await store.reporterOf(ref);
    expect(reporter).toMatchObject({
      chatId: USER_ID,
      contactPhone: PHONE,
      locale: "en",
      consent: true,
      blocked: false,
    });
    expect(reporter!.reportIds).toHaveLength(1);
    await store.markReporterBlocked(ref);
    expect((await store.reporterOf(ref))!.blocked).toBe(true);
  });

  it("keeps no phone when the reporter does not agree to be contacted", async () => {
    const { store, keys } = createStore(redis);
    const person = { ref: "r1", chatId: USER_ID, locale: "id" as const, contactPhone: PHONE };
    await store.createOnce("c:1", sampleDraft(), { ...person, contactConsent: true });
    expect(await redis.hexists(keys.reporter("r1"), "contact")).toBe(1);
    await store.createOnce("c:2", sampleDraft({ contactConsent: false }), {
      ...person,
      contactConsent: false,
    });
    expect(await redis.hexists(keys.reporter("r1"), "contact")).toBe(0);
    expect(await store.reporterOf("r1")).toMatchObject({ consent: false });
    expect((await store.reportsOf("r1")).map((r) => r.contactConsent)).toEqual([false, true]);
  });

  it("refuses a sealed value copied into another reporter's record", async () => {
    const { store, keys } = createStore(redis);
    await store.createOnce("c:1", sampleDraft(), {
      ref: "alice",
      chatId: 1111,
      locale: "id",
      contactConsent: false,
    });
    await store.createOnce("c:2", sampleDraft(), {
      ref: "bob",
      chatId: 2222,
      locale: "id",
      contactConsent: false,
    });
    await redis.hset(keys.reporter("bob"), "chat", (await redis.hget(keys.reporter("alice"), "chat"))!);
    await expect(store.reporterOf("bob")).rejects.toThrow(SealedValueError);
  });

  it("opens values sealed before a key rotation, and seals new ones with the new key", async () => {
    const newKey = { id: "k2", key: randomBytes(32) };
    const before = createStore(redis, { dataKeys: [OLD_KEY] });
    await before.store.createOnce("c:1", sampleDraft(), {
      ref: "r1",
      chatId: USER_ID,
      locale: "id",
      contactPhone: PHONE,
      contactConsent: true,
    });
    const after = createStore(redis, { dataKeys: [newKey, OLD_KEY] });
    expect(after.pseudonymize("user", USER_ID)).toBe(before.pseudonymize("user", USER_ID));
    expect(await after.store.reporterOf("r1")).toMatchObject({ chatId: USER_ID, contactPhone: PHONE });

    await after.store.createOnce("c:2", sampleDraft(), {
      ref: "r2",
      chatId: 3333,
      locale: "id",
      contactConsent: false,
    });
    expect(await redis.hget(after.keys.reporter("r2"), "chat")).toMatch(/^v1\.k2\./);

    const withoutOldKey = createStore(redis, { dataKeys: [newKey] });
    await expect(withoutOldKey.store.reporterOf("r1")).rejects.toThrow(/data key "k1"/);
  });
});

describe("erasing a reporter", () => {
  it("leaves no trace of them in Redis, and keeps their reports anonymised for officers", async () => {
    const { store, keys, pseudonymize } = createStore(redis);
    const ref = pseudonymize("user", USER_ID);
    const chatRef = pseudonymize("chat", USER_ID);
    const person = { ref, chatId: USER_ID, locale: "id" as const, contactPhone: PHONE, contactConsent: true };
    const first = await store.createOnce(`${chatRef}:10`, sampleDraft(), person);
    const second = await store.createOnce(`${chatRef}:20`, sampleDraft({ urgent: true }), person);
    await store.createOnce("someone-else:1", sampleDraft(), {
      ...person,
      ref: "other",
      chatId: 42,
      contactPhone: "+6281100000001",
    });
    await store.setStatus(first.report.id, "in_review", "officer:4242");
    await store.addInformation(second.report.id, { text: "Kakak saya sudah berangkat" });

    const before = await dumpRedis(redis);
    expect(before).toContain(ref); // linked by pseudonym until erasure

    expect(await store.eraseReporter(ref)).toEqual({ reports: 2 });

    const after = await dumpRedis(redis);
    for (const text of [...PLAIN, ref, chatRef]) expect(after, text).not.toContain(text);
    expect(await store.reporterOf(ref)).toBeUndefined();
    expect(await store.reportsOf(ref)).toEqual([]);
    for (const { report } of [first, second]) {
      expect(await store.get(report.id)).toMatchObject({
        id: report.id,
        reporterRef: null,
        contactConsent: false,
      });
    }
    expect((await store.get(first.report.id))!.status).toBe("in_review");
    // Her reports no longer count towards the recruiter's profile; the other reporter's does.
    expect(await store.lookup.reportsMentioning("phone", "+6281234567890")).toHaveLength(1);
    expect((await store.reporterOf("other"))!.chatId).toBe(42);
    const [entry] = await store.readAudit(1);
    expect(entry).toMatchObject({ action: "reporter.erase", actor: "reporter", detail: { reports: "2" } });
    expect(
      await redis.exists(keys.reporter(ref), keys.reporterReports(ref), keys.reporterOnceKeys(ref)),
    ).toBe(0);
  });

  it("can be run again after an interruption, and on someone with no record", async () => {
    const { store } = createStore(redis);
    const person = { ref: "r1", chatId: USER_ID, locale: "id" as const, contactConsent: false };
    const { report } = await store.createOnce("c:1", sampleDraft(), person);
    // Interrupted after the report was detached, before the record was deleted:
    // biome-ignore lint/complexity/useLiteralKeys: the test drives a private step (TypeScript allows it only this way)
    await store["change"](
      report.id,
      (r, at) => ({ ...r, reporterRef: null, contactConsent: false, updatedAt: at }),
      () => [],
    );
    expect(await store.eraseReporter("r1")).toEqual({ reports: 1 });
    expect(await store.reporterOf("r1")).toBeUndefined();
    expect(await store.eraseReporter("nobody")).toEqual({ reports: 0 });
  });
});
