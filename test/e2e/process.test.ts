/**
 * The compiled entry point, run as the operator runs it: `npm start` (node dist/src/main.js); and
 * several of them at once behind one webhook, one killed with SIGKILL and restarted at once.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForStep, waitForText } from "#src/playground/report-driver.js";
import { testEnv } from "../harness/app.js";
import { TestRedis } from "../harness/redis.js";
import { FakeTelegram, type SimChat, type SimUser } from "../harness/telegram/index.js";

let redis: TestRedis;
let tg: FakeTelegram;

beforeAll(async () => {
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  redis = await TestRedis.start();
  tg = await FakeTelegram.start();
}, 120_000);
afterAll(async () => {
  await tg.stop();
  await redis.stop();
});

interface Running {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number>;
  signal: (signal: NodeJS.Signals) => void;
}

function npmStart(env: Record<string, string>): Running {
  // Only what the test gives: no BOT_TOKEN or .env of the developer's leaks in.
  const child = spawn("npm", ["start", "--silent"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      ENV_FILE: "/nonexistent/.env",
      ...env,
    },
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a signal reaches npm and the node process it started, as under a supervisor.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exit = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
  const signal = (name: NodeJS.Signals) => {
    if (child.pid) process.kill(-child.pid, name);
  };
  return { child, output: () => output, exit, signal };
}

describe("npm start", () => {
  it("answers /start through the Bot API server in polling mode and stops cleanly on SIGTERM", async () => {
    const run = npmStart(testEnv(tg, redis, { LOG_LEVEL: "info" }));
    const user = tg.createUser({ firstName: "Sari", languageCode: "id" });
    await user.send("/start");
    const reply = await user.waitForBotMessage({ timeoutMs: 20_000 });
    expect(reply.text).toContain("Halo Sari!");
    run.signal("SIGTERM");
    await run.exit;
    // npm itself dies of the signal; the bot finishes in-flight work and says so before exiting.
    await expect.poll(() => run.output()).toContain('"msg":"stopped"');
    expect(run.output()).not.toContain("Waspada stopped:");
    expect(run.output()).not.toContain(tg.token);
  }, 30_000);

  it("killed with SIGKILL in the middle of a report, a new process resumes it at the same step", async () => {
    const env = testEnv(tg, redis, { LOG_LEVEL: "info" });
    const first = npmStart(env);
    const user = tg.createUser({ firstName: "Wulan", languageCode: "en" });
    await user.send("/report");
    await waitForStep(user, "en", 1, 20_000);
    await user.click(text("en", "report-who-family_friend"));
    await waitForStep(user, "en", 2);
    await user.send(
      "Admin job in Sihanoukville, USD 1500, free ticket, tourist visa. WhatsApp +855 96 555 0101",
    );
    await user.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("1 text") });
    await new Promise((r) => setTimeout(r, 300)); // the state write follows the reply
    first.signal("SIGKILL");
    await first.exit;
    const second = npmStart(env);
    await user.click(text("en", "report-button-done"));
    const contacts = await waitForStep(user, "en", 3, 20_000);
    expect(contacts.text).toContain("+855 96 555 0101");
    second.signal("SIGTERM");
    await second.exit;
    await expect.poll(() => second.output()).toContain('"msg":"stopped"');
  }, 60_000);

  it("killed with SIGKILL while a deadline reminder is pending, the next process sends it once", async () => {
    const officer = tg.createUser({ firstName: "Bambang", languageCode: "en" });
    const group = tg.createGroup({
      title: "Officers",
      forum: true,
      members: [{ user: officer, status: "administrator" }],
    });
    // An urgent case nobody takes: the reminder is due 6 s after the report.
    const env = testEnv(tg, redis, {
      LOG_LEVEL: "info",
      MODERATOR_CHAT_ID: String(group.id),
      MODERATOR_LOCALE: "en",
      SLA_URGENT_TAKE_MINUTES: "0.1",
    });
    const first = npmStart(env);
    const reporter = tg.createUser({ firstName: "Nining", languageCode: "id" });
    await fillReport(reporter, "id", {
      who: "family_friend",
      offer: ["Kerja admin di Kamboja, gaji 15 juta, tiket gratis"],
      country: "KH",
      departed: { relationship: "sibling", passportTaken: "yes" },
      consent: false,
    });
    const id = await sendReport(reporter, "id");
    await tg.waitFor(
      (c) =>
        c.method === "sendMessage" && c.params.chat_id === group.id && String(c.params.text).includes(id),
      15_000,
    );
    first.signal("SIGKILL");
    await first.exit;
    const isReminder = (m: { text?: string }) => (m.text ?? "").startsWith(`⏰ Case ${id}`);
    expect(group.messages().filter(isReminder)).toHaveLength(0);

    const second = npmStart(env);
    await expect.poll(() => group.messages().filter(isReminder).length, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 3000));
    expect(group.messages().filter(isReminder)).toHaveLength(1);
    const [topic] = group.topics();
    expect(group.messages().find(isReminder)?.threadId).toBe(topic?.message_thread_id);
    second.signal("SIGTERM");
    await second.exit;
  }, 90_000);

  it("exits non-zero and names BOT_TOKEN when it is missing", async () => {
    const env = testEnv(tg, redis);
    delete (env as Record<string, string | undefined>).BOT_TOKEN;
    const run = npmStart(env);
    const code = await run.exit;
    expect(code).not.toBe(0);
    expect(run.output()).toContain("BOT_TOKEN");
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** `node dist/src/main.js` in webhook mode on `port`, in its own process group. */
function webhookProcess(env: Record<string, string>, port: number): Running & { ready: Promise<void> } {
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      ENV_FILE: "/nonexistent/.env",
      ...env,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET: "two-processes-secret",
      HTTP_PORT: String(port),
    },
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const collect = (d: Buffer) => {
    output += d;
    if (output.includes("Waspada is running")) markReady();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exit = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
  const signal = (name: NodeJS.Signals) => {
    if (child.pid) process.kill(-child.pid, name);
  };
  return { child, output: () => output, exit, signal, ready };
}

const OFFER_TEXT = "Lowongan admin di Kamboja, gaji USD 1200, tiket ditanggung, visa turis. WA +855 96 111";

interface Walked {
  user: SimUser;
  summary: string;
}

/** A whole report with two quick texts at the offer step and Send pressed twice at once. */
async function walkReport(user: SimUser, i: number): Promise<Walked> {
  const summary = await fillReport(user, "en", {
    offer: [`${OFFER_TEXT}${i}`, `Berangkat minggu depan ${i}`],
    offerBurst: true,
    country: "KH",
  });
  const send = text("en", "report-button-send");
  await Promise.all([user.click(send), user.click(send).catch(() => undefined)]);
  await waitForText(user, text("en", "report-sent", { id: "" }).split("{")[0]!.slice(0, 20), 20_000);
  return { user, summary };
}

function caseIdsOf(user: SimUser): string[] {
  const sent = text("en", "report-sent", { id: "" }).split("{")[0]!.slice(0, 20);
  return user
    .botMessages()
    .filter((m) => (m.text ?? "").includes(sent))
    .map((m) => /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(m.text ?? "")?.[1] ?? "?");
}

/** Every person: one confirmation with one case number, both quick texts in it; one card each. */
async function expectOnceEach(walked: Walked[], group: SimChat): Promise<void> {
  const ids: string[] = [];
  for (const { user, summary } of walked) {
    expect(summary).toContain(text("en", "report-summary-offer-count", { texts: 2, screenshots: 0 }));
    expect(caseIdsOf(user)).toHaveLength(1);
    ids.push(caseIdsOf(user)[0]!);
  }
  expect(new Set(ids).size).toBe(walked.length);
  // A card names its case on its first line (other cases may be linked further down).
  const cardsOf = (id: string) =>
    group.messages().filter((m) => (m.text ?? "").split("\n")[0]!.includes(id)).length;
  // Cards go out one every 3 s (the group's limit spread over the minute).
  await expect
    .poll(() => ids.filter((id) => cardsOf(id) === 1).length, { timeout: 60_000, interval: 500 })
    .toBe(ids.length);
  await new Promise((r) => setTimeout(r, 3500));
  for (const id of ids) expect(cardsOf(id), id).toBe(1);
}

describe("several webhook processes on one Redis", () => {
  it("each update delivered to both, alternately first: every person gets one case number and one card", async () => {
    await redis.flush();
    const group = tg.createGroup({ title: "Petugas", members: [] });
    const env = testEnv(tg, redis, {
      LOG_LEVEL: "info",
      MODERATOR_CHAT_ID: String(group.id),
      UPDATE_LEASE_MS: "2000",
    });
    const ports = [await freePort(), await freePort()];
    const processes = ports.map((port) => webhookProcess(env, port));
    await Promise.all(processes.map((p) => p.ready));
    tg.setWebhookFanOut(
      ports.map((port) => `http://127.0.0.1:${port}/telegram`),
      { twice: true },
    );
    try {
      const users = Array.from({ length: 6 }, (_, i) =>
        tg.createUser({ firstName: `Dua${i}`, languageCode: "en" }),
      );
      const walked = await Promise.all(users.map((user, i) => walkReport(user, i)));
      await expectOnceEach(walked, group);
    } finally {
      for (const p of processes) p.signal("SIGTERM");
      await Promise.all(processes.map((p) => p.exit));
    }
  }, 120_000);

  it("one process killed with SIGKILL mid-report and restarted at once: nothing lost, nothing twice", async () => {
    await redis.flush();
    const group = tg.createGroup({ title: "Petugas", members: [] });
    const env = testEnv(tg, redis, {
      LOG_LEVEL: "info",
      MODERATOR_CHAT_ID: String(group.id),
      UPDATE_LEASE_MS: "1000",
    });
    const ports = [await freePort(), await freePort()];
    const processes = ports.map((port) => webhookProcess(env, port));
    await Promise.all(processes.map((p) => p.ready));
    // One delivery per update (no second copy to save it), retried while the process is away.
    tg.setWebhookFanOut(
      ports.map((port) => `http://127.0.0.1:${port}/telegram`),
      { twice: false, attempts: 40, delayMs: 250 },
    );
    try {
      const users = Array.from({ length: 6 }, (_, i) =>
        tg.createUser({ firstName: `Mati${i}`, languageCode: "en" }),
      );
      const walking = Promise.all(users.map((user, i) => walkReport(user, i)));
      for (const delay of [700, 1500]) {
        await new Promise((r) => setTimeout(r, delay));
        const victim = processes[0]!;
        victim.signal("SIGKILL");
        await victim.exit;
        const again = webhookProcess(env, ports[0]!);
        processes[0] = again;
      }
      const walked = await walking;
      await expectOnceEach(walked, group);
    } finally {
      for (const p of processes) p.signal("SIGTERM");
      await Promise.all(processes.map((p) => p.exit));
    }
  }, 120_000);
});
