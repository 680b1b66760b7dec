/** A report store on a test Redis, a sample draft, and a way to see everything Redis holds. */
import { randomBytes } from "node:crypto";
import type { Socket } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer, type DataKey } from "#src/privacy/sealed.js";
import { createRedis } from "#src/redis.js";
import { createKeys } from "#src/redis-keys.js";
import type { ReportDraft } from "#src/reports/report.js";
import { ReportStore } from "#src/reports/store.js";
import { TestRedis } from "../../harness/redis.js";

export const OLD_KEY: DataKey = { id: "k1", key: randomBytes(32) };

/** A client as the bot makes it (fails fast while Redis is away), connected. */
export async function botRedis(server: TestRedis): Promise<Redis> {
  const redis = createRedis(
    { REDIS_URL: server.url, REDIS_SENTINEL_MASTER: "mymaster" },
    { connectionName: "reports-test" },
  ) as Redis;
  redis.on("error", () => {});
  await redis.connect();
  return redis;
}

export function createStore(redis: Redis, options: { dataKeys?: DataKey[]; now?: () => Date } = {}) {
  const dataKeys = options.dataKeys ?? [OLD_KEY];
  const keys = createKeys("waspada:");
  const pseudonymize = createPseudonymizer(dataKeys);
  const store = new ReportStore({
    redis,
    keys,
    sealer: createSealer(dataKeys),
    pseudonymize,
    ...(options.now ? { now: options.now } : {}),
  });
  return { store, keys, pseudonymize };
}

export const RECRUITER_PHONE = "+6281234567890";

export function sampleDraft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  return {
    locale: "id",
    contactConsent: true,
    urgent: false,
    reporterKind: "family_friend",
    offer: {
      texts: [
        {
          text: "Lowongan CS di Kamboja, gaji 1000 USD, tiket ditanggung. WA +62 812-3456-7890",
          forwarded: true,
        },
      ],
      media: [{ kind: "photo", fileId: "AgACAgUAAxkBAAIB", fileUniqueId: "AQADx7wxG", fileSize: 52_000 }],
    },
    screening: {
      level: "high",
      score: 14,
      indicators: ["dest_cambodia", "job_customer_service"],
      catalogueVersion: "test",
    },
    recruiter: {
      identifiers: [
        { kind: "phone", value: "+62 812-3456-7890", raw: "+62 812-3456-7890", source: "extracted" },
      ],
      agencyName: "PT. Maju  Jaya",
    },
    destination: { country: "KH", city: "Sihanoukville" },
    jobTitle: "Customer service",
    salary: "1000 USD",
    money: { asked: "Rp 5.000.000", paid: "asked" },
    documents: { passportHandedOver: "no" },
    departed: null,
    ...overrides,
  };
}

/** The sample draft whose forwarded sender the reporter confirmed as the recruiter ("Is this the recruiter?" — yes). */
export function confirmedSenderDraft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  const draft = sampleDraft(overrides);
  draft.recruiter.identifiers.push(
    { kind: "telegram_user_id", value: "777000111", source: "forwarded" },
    { kind: "telegram_handle", value: "hrd_kamboja", source: "forwarded" },
  );
  return draft;
}

/** Every key with every value it holds, as text: what someone with a dump of Redis would see. */
export async function dumpRedis(redis: Redis): Promise<string> {
  const lines: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === "string") value = await redis.get(key);
      else if (type === "hash") value = await redis.hgetall(key);
      else if (type === "set") value = await redis.smembers(key);
      else if (type === "zset") value = await redis.zrange(key, "0", "-1", "WITHSCORES");
      else if (type === "list") value = await redis.lrange(key, 0, -1);
      else if (type === "stream") value = await redis.xrange(key, "-", "+");
      else value = `<${type}>`;
      lines.push(`${key} ${JSON.stringify(value)}`);
    }
  } while (cursor !== "0");
  return lines.join("\n");
}

/**
 * Counts requests written to the Redis socket while `run` runs. ioredis writes one command, or one
 * whole pipeline or MULTI block, per socket write, so this is the number of round trips.
 */
export async function countRoundTrips<T>(
  redis: Redis,
  run: () => Promise<T>,
): Promise<{ result: T; roundTrips: number }> {
  const stream = (redis as unknown as { stream: Socket }).stream;
  const write = stream.write;
  let roundTrips = 0;
  stream.write = function (this: Socket, ...args: Parameters<Socket["write"]>) {
    roundTrips += 1;
    return write.apply(this, args);
  } as Socket["write"];
  try {
    return { result: await run(), roundTrips };
  } finally {
    stream.write = write;
  }
}

/**
 * A Redis for the test file and a bot-like client on it, emptied before each test. `use` receives
 * them once started, so tests keep plain `server` and `redis` variables.
 */
export function useReportRedis(use: (server: TestRedis, redis: Redis) => void): void {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await TestRedis.start();
    redis = await botRedis(server);
    use(server, redis);
  });
  beforeEach(() => server.flush());
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });
}
