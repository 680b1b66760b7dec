/** Keys: pseudonyms survive a DATA_KEY rotation, and a wrong key stops the start with a clear reason. */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FatalStartError } from "#src/app.js";
import { checkKeys, WrongKeyError } from "#src/privacy/key-check.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer, type DataKey } from "#src/privacy/sealed.js";
import { createKeys } from "#src/redis-keys.js";
import { createTestApp, testEnv } from "../../harness/app.js";
import { TestRedis } from "../../harness/redis.js";
import { FakeTelegram } from "../../harness/telegram/index.js";
import { botRedis } from "../reports/fixtures.js";

let server: TestRedis;
let redis: Redis;
const keys = createKeys("waspada:");
const k1: DataKey = { id: "k1", key: randomBytes(32) };
const k2: DataKey = { id: "k2", key: randomBytes(32) };
const pseudonymKey = randomBytes(32);

beforeAll(async () => {
  server = await TestRedis.start();
  redis = await botRedis(server);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});
beforeEach(async () => {
  await redis.flushall();
});

function start(dataKeys: DataKey[], pseudonym?: Buffer) {
  return checkKeys({
    redis,
    keys,
    dataKeys,
    sealer: createSealer(dataKeys),
    pseudonymize: createPseudonymizer(dataKeys, pseudonym),
  });
}

describe("pseudonyms", () => {
  it("stay the same when DATA_KEY rotates entirely, with PSEUDONYM_KEY set", () => {
    const before = createPseudonymizer([k1], pseudonymKey)("user", 1_000_000_001);
    expect(createPseudonymizer([k2], pseudonymKey)("user", 1_000_000_001)).toBe(before);
  });

  it("without PSEUDONYM_KEY, come from the oldest data key; setting PSEUDONYM_KEY to it keeps them", () => {
    const derived = createPseudonymizer([k2, k1])("user", 42);
    expect(createPseudonymizer([k1])("user", 42)).toBe(derived);
    expect(createPseudonymizer([k2], k1.key)("user", 42)).toBe(derived);
    expect(createPseudonymizer([k1], pseudonymKey)("user", 42)).not.toBe(derived);
  });
});

describe("a wrong key at start", () => {
  it("passes with the keys Redis was written with, and after adding a newer data key", async () => {
    await start([k1], pseudonymKey);
    await start([k1], pseudonymKey);
    await start([k2, k1], pseudonymKey);
    expect(Object.keys(await redis.hgetall(keys.keyCheck())).sort()).toEqual([
      "pseudonym",
      "sealed:k1",
      "sealed:k2",
    ]);
  });

  it("stops on a different PSEUDONYM_KEY", async () => {
    await start([k1], pseudonymKey);
    await expect(start([k1], randomBytes(32))).rejects.toThrow(WrongKeyError);
    await expect(start([k1], randomBytes(32))).rejects.toThrow(/PSEUDONYM_KEY/);
  });

  it("stops on a data key that has the right id but the wrong bytes", async () => {
    await start([k1], pseudonymKey);
    await expect(start([{ id: "k1", key: randomBytes(32) }], pseudonymKey)).rejects.toThrow(/data key "k1"/);
  });

  it("stops when a data key that sealed values here was removed from DATA_KEY", async () => {
    await start([k1], pseudonymKey);
    await expect(start([k2], pseudonymKey)).rejects.toThrow(
      /"k1" sealed values in this Redis but is not in DATA_KEY/,
    );
  });
});

describe("the app", () => {
  it("refuses to start on a Redis written with another pseudonym key, and says so", async () => {
    const tg = await FakeTelegram.start();
    try {
      const first = createTestApp(testEnv(tg, server, { PSEUDONYM_KEY: pseudonymKey.toString("base64") }));
      await first.start();
      expect(first.logText()).not.toContain("PSEUDONYM_KEY is not set");
      await first.stop();
      const second = createTestApp(
        testEnv(tg, server, { PSEUDONYM_KEY: randomBytes(32).toString("base64") }),
      );
      await expect(second.start()).rejects.toThrow(FatalStartError);
      await second.stop();
      const third = createTestApp(testEnv(tg, server));
      await expect(third.start()).rejects.toThrow(/PSEUDONYM_KEY/);
      expect(third.logText()).toContain("PSEUDONYM_KEY is not set");
      await third.stop();
    } finally {
      await tg.stop();
    }
  });
});
