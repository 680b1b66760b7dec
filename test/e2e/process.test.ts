/** The compiled entry point, run as the operator runs it: `npm start` (node dist/src/main.js). */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text, waitForStep } from "#src/playground/report-driver.js";
import { testEnv } from "../harness/app.js";
import { TestRedis } from "../harness/redis.js";
import { FakeTelegram } from "../harness/telegram/index.js";

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
