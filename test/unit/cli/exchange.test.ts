/**
 * `waspada exchange`: the cases shared with focal points as JSON Lines, valid against the published
 * JSON Schema (docs/exchange.schema.json, generated from the zod schema), with no reporter identity.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { EXCHANGE_SCHEMA_VERSION, exchangeJsonSchema } from "#src/reports/exchange.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import type { TestRedis } from "../../harness/redis.js";
import { createStore, sampleDraft, useReportRedis } from "../reports/fixtures.js";

const bin = join(import.meta.dirname, "..", "..", "..", "bin", "waspada.js");
const dir = mkdtempSync(join(tmpdir(), "waspada-exchange-"));
const DATA_KEY = randomBytes(32).toString("base64");
const KH = -1001111111111;

let server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  server = s;
  redis = r;
});

function run(args: string[]) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BOT_|OPERATOR_|REDIS_|DATA_KEY|FOCAL_)/.test(k)),
  );
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: {
        ...clean,
        WASPADA_FROM_SOURCE: "1",
        ENV_FILE: join(dir, "no.env"),
        REDIS_URL: server.url,
        DATA_KEY,
        FOCAL_CHANNELS: `KH=${KH}:km,default=-1003333333333`,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("the exchange format", () => {
  it("is published in docs/ exactly as the zod schema defines it", () => {
    const published = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../../docs/exchange.schema.json"), "utf8"),
    );
    expect(published).toEqual(exchangeJsonSchema());
    expect(published.title).toContain(`version ${EXCHANGE_SCHEMA_VERSION}`);
  });
});

describe("waspada exchange", { timeout: 90_000 }, () => {
  it("writes the shared cases only, valid against the schema, without the reporter", async () => {
    const { store, keys } = createStore(redis);
    const reporter = {
      chatId: 777_123_456,
      contactPhone: "+6281377778888",
      contactConsent: true,
      locale: "id" as const,
    };
    const { report: shared } = await store.createOnce(
      "chat-1:1",
      sampleDraft({ destination: { country: "KH", city: "Sihanoukville" } }),
      { ref: "ref-one", ...reporter },
    );
    await store.createOnce("chat-2:1", sampleDraft(), { ref: "ref-two", ...reporter, chatId: 777_000_002 });
    await redis.hset(keys.reportPosts(shared.id), String(KH), "41");
    await redis.hset(
      keys.reportForwarding(shared.id),
      `${KH}:done`,
      new Date().toISOString(),
      `${KH}:reason`,
      "escalated",
    );
    await new FocalResponses(redis, keys).add(shared.id, {
      answer: "located",
      chatId: KH,
      country: "KH",
      at: new Date().toISOString(),
    });

    const out = join(dir, "exchange.jsonl");
    const result = await run(["exchange", "--out", out]);
    expect(result.stderr).toContain("1 cases written");
    expect(result.status).toBe(0);
    const jsonl = readFileSync(out, "utf8");
    const records = jsonl
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(exchangeJsonSchema());
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(records).toMatchObject([
      {
        caseId: shared.id,
        destination: { country: "KH", place: "Sihanoukville" },
        sharedWith: [{ country: "KH", reason: "escalated" }],
        focalResponses: [{ country: "KH", answer: "located" }],
        statusHistory: [{ status: "received" }],
      },
    ]);
    for (const trace of ["777123456", "81377778888", "ref-one", "reporter"])
      expect(jsonl).not.toContain(trace);
    // A tampered line fails the schema (it is strict: no extra fields such as a reporter).
    expect(validate({ ...records[0], reporter: { chatId: 1 } })).toBe(false);
  });
});
