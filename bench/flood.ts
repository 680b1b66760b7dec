/**
 * One account floods while 20 people check offers: the reply time those 20 see (from sending a
 * message to the bot's answer arriving, through the real bot, fake Bot API over HTTP and real
 * Redis), without and with 1,000 messages from the flooder in the same run. Reported as p50/p99
 * and as the ratio flood / calm — never as pass/fail.
 */
import { startTestApp, testEnv } from "../test/harness/app.js";
import { TestRedis } from "../test/harness/redis.js";
import { FakeTelegram } from "../test/harness/telegram/index.js";

const PEOPLE = 20;
const CHECKS_EACH = 5;
const FLOOD = 1000;
const OFFER = "Lowongan admin di Kamboja, gaji 15 juta, tiket gratis, visa turis. WA +855 97 123 4567";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function replyTimes(tg: FakeTelegram, label: string): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      const user = tg.createUser({ firstName: `${label}${i}`, languageCode: "id" });
      for (let n = 0; n < CHECKS_EACH; n++) {
        const start = performance.now();
        await user.send(`${OFFER} (${n})`);
        await user.waitForBotMessage({ timeoutMs: 60_000 });
        times.push(performance.now() - start);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

export async function run(): Promise<void> {
  const redis = await TestRedis.start();
  const tg = await FakeTelegram.start();
  const app = await startTestApp(testEnv(tg, redis, { LOG_LEVEL: "silent" }));
  try {
    await replyTimes(tg, "Warm"); // JIT and connections warm
    const calm = await replyTimes(tg, "Calm");
    const flooder = tg.createUser({ firstName: "Flooder", languageCode: "id" });
    const flooding = Promise.all(Array.from({ length: FLOOD }, (_, i) => flooder.send(`${OFFER} #${i}`)));
    const flooded = await replyTimes(tg, "During");
    await flooding;
    const refused = (await app.metrics.rateLimited.get()).values.reduce((n, v) => n + v.value, 0);
    const f = (n: number) => n.toFixed(1);
    console.log(
      `\n== reply time for ${PEOPLE} people (${CHECKS_EACH} checks each), calm vs one account sending ${FLOOD} ==`,
    );
    console.log(
      `p50 ${f(percentile(calm, 50))} ms calm, ${f(percentile(flooded, 50))} ms during the flood  ratio ${(percentile(flooded, 50) / percentile(calm, 50)).toFixed(2)}x`,
    );
    console.log(
      `p99 ${f(percentile(calm, 99))} ms calm, ${f(percentile(flooded, 99))} ms during the flood  ratio ${(percentile(flooded, 99) / percentile(calm, 99)).toFixed(2)}x`,
    );
    console.log(
      `flooder: ${flooder.botMessages().length} answers, ${refused} messages refused by its rate limit`,
    );
  } finally {
    await app.stop();
    await tg.stop();
    await redis.stop();
  }
}
