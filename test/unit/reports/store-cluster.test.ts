/**
 * The store on a real three-node Redis Cluster: the keys of one report land on different nodes,
 * so this proves that nothing relies on multi-key commands, cross-node pipelines or transactions.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erasePerson } from "#src/privacy/erasure.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer } from "#src/privacy/sealed.js";
import { createRedis } from "#src/redis.js";
import { type RedisCommand, runBatch } from "#src/redis-batch.js";
import { createKeys } from "#src/redis-keys.js";
import { ReportStore } from "#src/reports/store.js";
import { freePort, REDIS_SERVER_BIN } from "../../harness/redis.js";
import { dumpRedis, OLD_KEY, RECRUITER_PHONE, sampleDraft } from "./fixtures.js";

const REDIS_CLI_BIN = process.env.REDIS_CLI_BIN ?? "redis-cli";
const hasCli = spawnSync(REDIS_CLI_BIN, ["--version"]).status === 0;

const dir = mkdtempSync(join(tmpdir(), "waspada-cluster-"));
const nodes: ChildProcess[] = [];
const ports: number[] = [];
let cluster: Cluster;

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cli = (port: number, ...args: string[]) =>
  spawnSync(REDIS_CLI_BIN, ["-p", String(port), ...args], { encoding: "utf8" }).stdout;

beforeAll(async () => {
  if (!hasCli) return;
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    ports.push(port);
    const nodeDir = join(dir, String(port));
    spawnSync("mkdir", ["-p", nodeDir]);
    const args = [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      nodeDir,
      "--cluster-enabled",
      "yes",
    ];
    nodes.push(
      spawn(REDIS_SERVER_BIN, [...args, "--appendonly", "yes", "--save", "", "--loglevel", "warning"], {
        stdio: "ignore",
      }),
    );
  }
  await waitFor(() => ports.every((p) => cli(p, "ping").trim() === "PONG"), "cluster nodes to start");
  const created = spawnSync(
    REDIS_CLI_BIN,
    [
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ],
    { encoding: "utf8" },
  );
  if (created.status !== 0)
    throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
  await waitFor(
    () => ports.every((p) => cli(p, "cluster", "info").includes("cluster_state:ok")),
    "cluster state ok",
  );
  cluster = createRedis({
    REDIS_URL: "redis://127.0.0.1",
    REDIS_SENTINEL_MASTER: "mymaster",
    REDIS_CLUSTER_NODES: ports.map((port) => ({ host: "127.0.0.1", port })),
  }) as Cluster;
  cluster.on("error", () => {});
  await cluster.connect();
});

afterAll(async () => {
  cluster?.disconnect();
  for (const node of nodes) node.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(hasCli)("the report store on Redis Cluster", () => {
  it("creates, indexes, changes and erases reports whose keys live on different nodes", async () => {
    const keys = createKeys("waspada:");
    const store = new ReportStore({
      redis: cluster,
      keys,
      sealer: createSealer([OLD_KEY]),
      pseudonymize: createPseudonymizer([OLD_KEY]),
    });
    const person = {
      ref: "r1",
      chatId: 5_550_123_456,
      locale: "id" as const,
      contactConsent: true,
      contactPhone: "+6285700011122",
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.createOnce("c:1", sampleDraft(), person)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const { report } = results[0]!;
    const other = await store.createOnce("c:2", sampleDraft(), { ...person, ref: "r2", chatId: 42 });

    const slots = new Set(
      [
        keys.report(report.id),
        keys.reportsByTime(),
        keys.entityReports("phone", RECRUITER_PHONE),
        keys.reporter("r1"),
      ].map((key) => cli(ports[0]!, "cluster", "keyslot", key).trim()),
    );
    expect(slots.size).toBe(4);

    expect(
      await store.lookup.lookup([{ kind: "phone", value: RECRUITER_PHONE }], {
        excludeReportId: other.report.id,
      }),
    ).toEqual([{ kind: "phone", value: RECRUITER_PHONE, reports: 1 }]);
    expect(await store.setStatus(report.id, "in_review", "officer:7")).toMatchObject({ ok: true });
    expect((await store.listRecent({ status: "in_review", limit: 10 })).map((r) => r.id)).toEqual([
      report.id,
    ]);
    expect(await store.getMany([report.id, other.report.id])).toHaveLength(2);
    expect(await store.reporterOf("r1")).toMatchObject({ chatId: 5_550_123_456, reportIds: [report.id] });
    expect(await store.eraseReporter("r1")).toEqual({ reports: 1 });
    expect(await store.get(report.id)).toMatchObject({ reporterRef: null, status: "in_review" });
    expect((await store.readAudit(10)).map((e) => e.action)).toContain("reporter.erase");

    let dump = "";
    for (const node of cluster.nodes("master")) dump += await dumpRedis(node);
    expect(dump).toContain(report.id);
    for (const secret of ["5550123456", "85700011122", "r1:"]) expect(dump).not.toContain(secret);
  });

  it("/delete erases every trace of a person on the Cluster: records, index entries, checks, drafts, relay links, conversation", async () => {
    const keys = createKeys("waspada:");
    const pseudonymize = createPseudonymizer([OLD_KEY]);
    const sealer = createSealer([OLD_KEY]);
    const store = new ReportStore({ redis: cluster, keys, sealer, pseudonymize });
    const USER = 7_391_045_826;
    const PHONE = "+6281377771234";
    const userRef = pseudonymize("user", USER);
    const chatRef = pseudonymize("chat", USER);
    const person = {
      ref: userRef,
      chatId: USER,
      locale: "id" as const,
      contactConsent: true,
      contactPhone: PHONE,
    };
    // Her reports name a recruiter nobody else reported: the whole identifier goes with her.
    const draft = sampleDraft({
      recruiter: {
        identifiers: [{ kind: "phone", value: "+62 899 1234 5678", source: "reporter" }],
        agencyName: "PT Hanya Dia",
      },
    });
    const mine = await store.createOnce(`${chatRef}:1`, draft, person);
    await store.createOnce(`${chatRef}:2`, sampleDraft({ urgent: true }), person);
    // What the bot leaves while she uses it, written as the bot writes it.
    const checks = ["chk1aaaaaaaa", "chk2bbbbbbbb", "chk3cccccccc"];
    await runBatch(cluster, [
      ...checks.flatMap((id): RedisCommand[] => [
        ["set", keys.check(id), `Lowongan ${id} — Siti Aminah 081377771234`],
        ["set", keys.checkReply(id), sealer.seal(String(USER), `check:${id}:reply`)],
        ["sadd", keys.checksOf(userRef), id],
      ]),
      ["set", keys.analysisDraft("draft1"), JSON.stringify({ texts: ["Siti Aminah"], ref: userRef })],
      ["sadd", keys.draftsOf(userRef), "draft1"],
      ["hset", keys.relayLinks(chatRef), "101", mine.report.id, "102", `answered:${mine.report.id}`],
      ["set", keys.conversation(chatRef), JSON.stringify({ name: "Siti Aminah", username: "siti_aminah" })],
      ["hset", keys.conversationOwner(chatRef), "chat", sealer.seal(String(USER), "owner")],
      ["set", keys.pendingReply(chatRef), mine.report.id],
      ["hset", keys.rateBucket("message", userRef), "tokens", "3", "at", "1", "refused", "0"],
    ]);
    const written = [
      keys.check(checks[0]!),
      keys.check(checks[1]!),
      keys.relayLinks(chatRef),
      keys.conversation(chatRef),
      keys.reporter(userRef),
    ];
    // The traces sit on more than one node: a SCAN through the Cluster client would miss some.
    expect(
      new Set(written.map((key) => cli(ports[0]!, "cluster", "keyslot", key).trim())).size,
    ).toBeGreaterThan(1);

    expect(await erasePerson({ redis: cluster, keys, reports: store }, { userRef, chatRef })).toEqual({
      reports: 2,
    });

    let dump = "";
    for (const node of cluster.nodes("master")) dump += await dumpRedis(node);
    expect(dump).toContain(mine.report.id); // the case stays, anonymised
    for (const trace of [String(USER), "81377771234", "Siti", "siti_aminah", userRef, chatRef]) {
      expect(dump, trace).not.toContain(trace);
    }
    // Her contribution to the index is gone (the identifiers stay in her anonymised reports).
    expect(await store.lookup.lookup([{ kind: "phone", value: "+6289912345678" }])).toEqual([]);
    expect(await store.lookup.lookup([{ kind: "agency", value: "PT Hanya Dia" }])).toEqual([]);
    expect(dump).not.toContain(keys.entity("phone", store.identifierDigest("phone", "+6289912345678")));
    expect(await store.get(mine.report.id)).toMatchObject({ reporterRef: null, contactConsent: false });
  });
});
