/** The compiled entry point, run as the operator runs it: `npm start` (node dist/src/main.js). */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

function npmStart(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number> } {
  // Only what the test gives: no BOT_TOKEN or .env of the developer's leaks in.
  const child = spawn("npm", ["start", "--silent"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ENV_FILE: "/nonexistent/.env", ...env },
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exit = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
  return { child, output: () => output, exit };
}

describe("npm start", () => {
  it("answers /start through the Bot API server in polling mode and stops cleanly on SIGTERM", async () => {
    const run = npmStart(testEnv(tg, redis, { LOG_LEVEL: "info" }));
    const user = tg.createUser({ firstName: "Sari", languageCode: "id" });
    await user.send("/start");
    const reply = await user.waitForBotMessage({ timeoutMs: 20_000 });
    expect(reply.text).toContain("Halo Sari!");
    run.child.kill("SIGTERM");
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('"msg":"stopped"');
    expect(run.output()).not.toContain(tg.token);
  }, 30_000);

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
