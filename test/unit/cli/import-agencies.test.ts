import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { ConfigError, parseStoreConfig } from "#src/config.js";
import type { TestRedis } from "../../harness/redis.js";
import { createStore, useReportRedis } from "../reports/fixtures.js";

const bin = join(import.meta.dirname, "..", "..", "..", "bin", "waspada.js");
const dir = mkdtempSync(join(tmpdir(), "waspada-agencies-"));
const DATA_KEY = randomBytes(32).toString("base64");

let server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  server = s;
  redis = r;
});

/** Runs the CLI as an operator would, with only the store's variables (no BOT_TOKEN, no OPERATOR_NAME). */
function run(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BOT_|OPERATOR_|REDIS_|DATA_KEY)/.test(k)),
  );
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: {
        ...clean,
        WASPADA_FROM_SOURCE: "1",
        ENV_FILE: join(dir, "no.env"),
        REDIS_URL: server.url,
        DATA_KEY,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Each run starts the CLI through tsx (a few seconds on a busy machine).
describe("waspada import-agencies", { timeout: 90_000 }, () => {
  it("imports a list, prints the summary and exits 0", async () => {
    const list = file(
      "list.csv",
      'Nama P3MI;No SIP2MI\n"PT Resmi, Satu";B-1\nPT Resmi Dua;B-2\npt resmi dua;B-2\nPT Tanpa;\n',
    );
    const out = await run(["import-agencies", list]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("imported: 2");
    expect(out.stdout).toMatch(/duplicates: 1\n\s+line 4 \("pt resmi dua"\): repeats line 3/);
    expect(out.stdout).toMatch(/skipped: 1\n\s+line 5 \("PT Tanpa"\): no licence number/);
    // The index is keyed by digests under the CLI's pseudonym key (the last DATA_KEY here).
    const { store } = createStore(redis, { dataKeys: [{ id: "k1", key: Buffer.from(DATA_KEY, "base64") }] });
    expect(await store.lookup.lookup([{ kind: "agency", value: "PT Resmi Satu" }])).toEqual([
      { kind: "agency", value: "pt resmi satu", reports: 0, verdict: "licensed_agency" },
    ]);

    const again = await run(["import-agencies", list]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("imported: 0");
    expect(again.stdout).toContain("already up to date: 2");
  });

  it("writes nothing with --dry-run", async () => {
    const out = await run(["import-agencies", "--dry-run", file("dry.csv", "name,licence\nPT Coba,B-7\n")]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("dry run");
    expect(out.stdout).toContain("would import: 1");
    expect(await redis.dbsize()).toBe(0);
  });

  it("refuses a malformed file with a clear message and exit code 1", async () => {
    const [noHeader, unclosed, missing] = await Promise.all([
      run(["import-agencies", file("bad.csv", "PT Resmi;B-1\n")]),
      run(["import-agencies", file("quote.csv", 'name;licence\n"PT Resmi;B-1\n')]),
      run(["import-agencies", join(dir, "nowhere.csv")]),
    ]);
    expect(noHeader.status).toBe(1);
    expect(noHeader.stderr).toContain("the header must name a name column and a licence");
    expect(unclosed.status).toBe(1);
    expect(unclosed.stderr).toContain("line 2: a quoted field is never closed");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read it (ENOENT)");
    expect(await redis.dbsize()).toBe(0);
  });

  it("names a missing DATA_KEY, and answers without a file with usage", async () => {
    const [out, usage] = await Promise.all([
      run(["import-agencies", file("ok.csv", "name;licence\nPT A;B\n")], { DATA_KEY: "" }),
      run(["import-agencies"]),
    ]);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("DATA_KEY");
    expect(out.stderr).not.toContain("BOT_TOKEN");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage:");
  });
});

describe("the store's configuration", () => {
  it("needs only Redis and DATA_KEY", () => {
    const config = parseStoreConfig({ REDIS_URL: "redis://10.0.0.5:6380/2", DATA_KEY });
    expect(config).toMatchObject({ REDIS_URL: "redis://10.0.0.5:6380/2", REDIS_PREFIX: "waspada:" });
    expect(config.DATA_KEY[0]!.key).toHaveLength(32);
  });

  it("names every bad variable", () => {
    try {
      parseStoreConfig({ REDIS_URL: "http://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        "REDIS_URL: a URL starting with redis:// or rediss://",
        "DATA_KEY: required (generate one with: openssl rand -base64 32)",
      ]);
    }
  });
});
