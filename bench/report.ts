/**
 * One report end to end through the real bot (fake Bot API server over HTTP, real Redis), against
 * a bare grammY echo bot with the same Redis session storage, in the same run. Reported per
 * update: handler time (the bot's own latency histogram) and Redis commands (INFO commandstats),
 * as ratios to the echo baseline — never as pass/fail. The fake Bot API server and the people
 * run in a worker thread (telegram-worker.ts), as Telegram runs apart from the bot, so what is
 * measured is the bot's own work. Round trips: commands the bot's own Redis
 * client sends while handling one update, counted as one trip per burst sent while none of that
 * update's commands was waiting for an answer (a pipeline or a Lua script is one).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { Worker } from "node:worker_threads";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, type Context, type SessionFlavor, session } from "grammy";
import { Redis } from "ioredis";
import { startTestApp, testEnv } from "../test/harness/app.js";
import { TestRedis } from "../test/harness/redis.js";
import type { FakeTelegram } from "../test/harness/telegram/index.js";

const REPORTS = 15;
const ECHOES = 300;
const OFFER =
  "Lowongan CS online di Kamboja, gaji 15jt/bulan, tanpa pengalaman, tiket ditanggung, berangkat visa turis. WA +855 12 345 678";

async function redisCommands(client: Redis): Promise<number> {
  const info = await client.info("commandstats");
  let total = 0;
  for (const m of info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)) if (m[1] !== "info") total += Number(m[2]);
  return total;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Measured {
  updates: number;
  handlerMs: number[];
  redisCommands: number;
  /** Redis round trips of each update (report only). */
  roundTrips?: number[];
  /** Sealed conversation state in Redis after the offer step of each report (bytes). */
  stateBytes?: number[];
  /** Bot API calls made while measuring (the echo makes one per update). */
  apiCalls: number;
}

/** The fake Bot API server and its people, in their own thread (telegram-worker.ts). */
class RemoteTelegram {
  private constructor(
    private readonly worker: Worker,
    readonly apiRoot: string,
    readonly token: string,
  ) {}

  static async start(): Promise<RemoteTelegram> {
    const worker = new Worker(new URL("./telegram-worker.js", import.meta.url));
    const ready = await RemoteTelegram.reply<{ ready: { apiRoot: string; token: string } }>(worker);
    return new RemoteTelegram(worker, ready.ready.apiRoot, ready.ready.token);
  }

  private static reply<T>(worker: Worker): Promise<T> {
    return new Promise((resolve, reject) => {
      worker.once("message", (message: T & { error?: string }) =>
        message.error ? reject(new Error(message.error)) : resolve(message),
      );
      worker.once("error", reject);
    });
  }

  async ask<T = { done: true }>(job: Record<string, unknown>): Promise<T> {
    const answer = RemoteTelegram.reply<T>(this.worker);
    this.worker.postMessage(job);
    return answer;
  }

  /** What the app needs of it (testEnv reads the token and the address). */
  get env(): FakeTelegram {
    return { apiRoot: this.apiRoot, token: this.token } as FakeTelegram;
  }

  async stop(): Promise<void> {
    await this.ask({ do: "stop" });
    await this.worker.terminate();
  }
}

interface Trips {
  outstanding: number;
  trips: number;
}

/** Counts the round trips of each update on the bot's Redis client (see the header). */
function countRoundTrips(app: Awaited<ReturnType<typeof startTestApp>>): number[] {
  const perUpdate: number[] = [];
  const current = new AsyncLocalStorage<Trips>();
  const client = app.redis as unknown as {
    sendCommand: (command: { promise: Promise<unknown> }, ...rest: unknown[]) => unknown;
  };
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, ...rest) => {
    const trips = current.getStore();
    if (trips) {
      if (trips.outstanding === 0) trips.trips++;
      trips.outstanding++;
      const done = () => {
        trips.outstanding--;
      };
      command.promise.then(done, done);
    }
    return send(command, ...rest);
  };
  const handle = app.bot.handleUpdate.bind(app.bot);
  app.bot.handleUpdate = (update, envelope) => {
    const trips: Trips = { outstanding: 0, trips: 0 };
    return current.run(trips, async () => {
      try {
        return await handle(update, envelope);
      } finally {
        perUpdate.push(trips.trips);
      }
    });
  };
  return perUpdate;
}

async function measureReports(redis: TestRedis): Promise<Measured> {
  const tg = await RemoteTelegram.start();
  const app = await startTestApp(testEnv(tg.env, redis, { LOG_LEVEL: "silent" }));
  const probe = redis.client();
  const handlerMs: number[] = [];
  // Time every update by wrapping the histogram's observe: the bot already measures each update.
  const observe = app.metrics.updateDuration.observe.bind(app.metrics.updateDuration);
  app.metrics.updateDuration.observe = ((labels: never, value?: number) => {
    handlerMs.push((typeof labels === "number" ? labels : (value ?? 0)) * 1000);
    return observe(labels, value as never);
  }) as typeof app.metrics.updateDuration.observe;
  const roundTrips = countRoundTrips(app);
  const stateBytes: number[] = [];
  const before = await redisCommands(probe);
  for (let i = 0; i < REPORTS; i++) {
    await tg.ask({
      do: "report",
      name: `Bench${i}`,
      locale: "id",
      answers: { offer: [OFFER], country: "KH", money: "asked", moneyDetail: "5 juta" },
    });
    stateBytes.push(await largestConversation(probe));
    await tg.ask({ do: "send" });
  }
  await new Promise((r) => setTimeout(r, 200));
  const commands = (await redisCommands(probe)) - before;
  await app.stop();
  const { calls: apiCalls } = await tg.ask<{ calls: number }>({ do: "calls" });
  await tg.stop();
  probe.disconnect();
  return { updates: handlerMs.length, handlerMs, redisCommands: commands, roundTrips, stateBytes, apiCalls };
}

/** Size of the largest conversation state stored (the report just filled, at its summary). */
async function largestConversation(client: Redis): Promise<number> {
  let largest = 0;
  for (const key of await client.keys("*conv:*")) {
    if ((await client.type(key)) === "string") largest = Math.max(largest, (await client.strlen(key)) ?? 0);
  }
  return largest;
}

async function measureEcho(redis: TestRedis): Promise<Measured> {
  const tg = await RemoteTelegram.start();
  const client = new Redis(redis.url);
  const probe = redis.client();
  const bot = new Bot<Context & SessionFlavor<{ n: number }>>(tg.token, { client: { apiRoot: tg.apiRoot } });
  const handlerMs: number[] = [];
  bot.use(async (_ctx, next) => {
    const start = performance.now();
    await next();
    handlerMs.push(performance.now() - start);
  });
  bot.use(
    session({
      initial: () => ({ n: 0 }),
      storage: new RedisAdapter<{ n: number }>({ instance: client, ttl: 3600 }),
    }),
  );
  bot.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
  await bot.init();
  const polling = bot.start();
  const before = await redisCommands(probe);
  await tg.ask({ do: "echo", count: ECHOES });
  await new Promise((r) => setTimeout(r, 200));
  const commands = (await redisCommands(probe)) - before;
  const { calls: apiCalls } = await tg.ask<{ calls: number }>({ do: "calls" });
  await bot.stop();
  await polling;
  await tg.stop();
  client.disconnect();
  probe.disconnect();
  return { updates: handlerMs.length, handlerMs, redisCommands: commands, apiCalls };
}

function summary(m: Measured) {
  const sorted = [...m.handlerMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    commandsPerUpdate: m.redisCommands / Math.max(1, m.updates),
    apiCallsPerUpdate: m.apiCalls / Math.max(1, m.updates),
  };
}

export async function run(): Promise<void> {
  const redis = await TestRedis.start();
  try {
    const echo = summary(await measureEcho(redis));
    const reports = await measureReports(redis);
    const report = summary(reports);
    const f = (n: number) => n.toFixed(2);
    console.log("\n== report end to end vs bare grammY echo (same Redis session storage) ==");
    console.log(
      `updates measured: report ${reports.updates} (${REPORTS} reports, ${(reports.updates / REPORTS).toFixed(1)} per report), echo ${ECHOES}`,
    );
    console.log(
      `handler time per update  p50 ${f(report.p50)} ms (echo ${f(echo.p50)} ms)  ratio ${f(report.p50 / echo.p50)}x`,
    );
    console.log(
      `                         p99 ${f(report.p99)} ms (echo ${f(echo.p99)} ms)  ratio ${f(report.p99 / echo.p99)}x`,
    );
    console.log(
      `                        mean ${f(report.mean)} ms (echo ${f(echo.mean)} ms)  ratio ${f(report.mean / echo.mean)}x`,
    );
    console.log(
      `Redis commands per update ${f(report.commandsPerUpdate)} (echo ${f(echo.commandsPerUpdate)})  ratio ${f(report.commandsPerUpdate / echo.commandsPerUpdate)}x`,
    );
    console.log(
      `Bot API calls per update ${f(report.apiCallsPerUpdate)} (echo ${f(echo.apiCallsPerUpdate)}): each is an HTTP round trip inside the handler time`,
    );
    console.log(`handler time per whole report ${f(report.mean * (reports.updates / REPORTS))} ms`);
    const trips = [...(reports.roundTrips ?? [])].sort((a, b) => a - b);
    const meanTrips = trips.reduce((a, b) => a + b, 0) / Math.max(1, trips.length);
    console.log(
      `Redis round trips per update (report)  mean ${f(meanTrips)}  p50 ${percentile(trips, 50)}  p99 ${percentile(trips, 99)}  max ${trips.at(-1) ?? 0}`,
    );
    const histogram = new Map<number, number>();
    for (const t of trips) histogram.set(t, (histogram.get(t) ?? 0) + 1);
    console.log(`  updates by round trips: ${[...histogram].map(([t, n]) => `${t}:${n}`).join("  ")}`);
    const bytes = reports.stateBytes ?? [];
    console.log(
      `sealed conversation state at the summary  max ${Math.max(0, ...bytes)} bytes  (KB: ${(Math.max(0, ...bytes) / 1024).toFixed(1)})`,
    );
  } finally {
    await redis.stop();
  }
}
