/**
 * The fake Bot API server and the people who use it, in a thread of their own: the report
 * benchmark measures the bot's handling of each update, and Telegram is not the bot's process
 * (with both in one thread, the harness's own work — rendering chats, finding buttons — lands in
 * the bot's handler time, more for a report that makes three calls per update than for an echo).
 *
 * Messages in: { do: "report", locale, answers } (fills a report as a new person, then waits),
 * { do: "send" } (sends it), { do: "echo", count }, { do: "calls" }, { do: "stop" }.
 * Messages out: { ready: { apiRoot, token } }, then { done: true } after each job, or { calls: n }.
 */
import { parentPort } from "node:worker_threads";
import type { Locale } from "#src/config.js";
import { fillReport, type ReportAnswers, sendReport } from "#src/playground/report-driver.js";
import type { SimUser } from "#src/playground/telegram/index.js";
import { FakeTelegram } from "../test/harness/telegram/index.js";

type Job =
  | { do: "report"; locale: Locale; answers: ReportAnswers; name: string }
  | { do: "send" }
  | { do: "echo"; count: number }
  | { do: "calls" }
  | { do: "stop" };

const port = parentPort!;
const tg = await FakeTelegram.start();
let current: { user: SimUser; locale: Locale } | undefined;

port.on("message", async (job: Job) => {
  try {
    switch (job.do) {
      case "report": {
        const user = tg.createUser({ firstName: job.name, languageCode: job.locale });
        await fillReport(user, job.locale, job.answers);
        current = { user, locale: job.locale };
        break;
      }
      case "send":
        await sendReport(current!.user, current!.locale);
        break;
      case "echo": {
        const user = tg.createUser({ firstName: "Echo", languageCode: "id" });
        for (let i = 0; i < job.count; i++) {
          await user.send(`echo ${i}`);
          await user.waitForBotMessage();
        }
        break;
      }
      case "calls":
        port.postMessage({ calls: tg.calls.filter((c) => c.method !== "getUpdates").length });
        return;
      case "stop":
        await tg.stop();
        port.postMessage({ done: true });
        port.close();
        return;
    }
    port.postMessage({ done: true });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.stack : String(error) });
  }
});
port.postMessage({ ready: { apiRoot: tg.apiRoot, token: tg.token } });
