/** What happens to a report and its reporter over time: many at once, my reports, my data, erasure, expiry, outages. */
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForStep, waitForText } from "#src/playground/report-driver.js";
import { startTestApp, type TestApp, testEnv } from "../harness/app.js";
import { TestRedis } from "../harness/redis.js";
import { dumpRedis } from "../harness/redis-dump.js";
import { FakeTelegram } from "../harness/telegram/index.js";

let redis: TestRedis;
let tg: FakeTelegram;
let app: TestApp;

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  await redis.flush();
  tg = await FakeTelegram.start();
});
afterEach(async () => {
  await app.stop();
  await tg.stop();
});

const OFFER = "Kerja di Kamboja jadi admin, gaji 12 juta, tiket ditanggung, visa turis. WA +855 97 123 4567";

describe("many people at once", () => {
  it("100 people reporting concurrently get 100 reports, each their own", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const users = Array.from({ length: 100 }, (_, i) =>
      tg.createUser({ firstName: `P${i}`, languageCode: i % 2 ? "en" : "id" }),
    );
    const ids = await Promise.all(
      users.map(async (user, i) => {
        const locale = i % 2 ? "en" : "id";
        // A hundred people on two cores: each answer may take longer than one person's would.
        await fillReport(user, locale, {
          offer: [`${OFFER} kode ${i}`],
          job: `job-${i}`,
          patienceMs: 30_000,
        });
        return sendReport(user, locale, 30_000);
      }),
    );
    expect(new Set(ids).size).toBe(100);
    expect(await app.redis.zcard("waspada:reports:by-time")).toBe(100);
    const reports = await app.reports.getMany(ids);
    reports.forEach((report, i) => {
      expect(report.jobTitle).toBe(`job-${i}`);
      expect(report.offer.texts[0]?.text).toBe(`${OFFER} kode ${i}`);
    });
    const [phone] = await app.reports.lookup.lookup([{ kind: "phone", value: "+855971234567" }]);
    expect(phone?.reports).toBe(100);
  }, 120_000);
});

describe("my reports and my data", () => {
  it("lists the person's cases and lets them add information to an open one", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const user = tg.createUser({ firstName: "Dewi", languageCode: "en" });
    await fillReport(user, "en", { offer: [OFFER] });
    const id = await sendReport(user, "en");
    await user.send("/myreports");
    const list = await user.waitForBotMessage();
    expect(list.text).toContain(`${id} — received`);
    await user.click(text("en", "my-reports-add", { id }));
    await waitForText(user, text("en", "add-info-question", { id }));
    await user.send("He also asked for Rp 2 juta for a medical check.");
    await user.sendPhoto();
    await user.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("1 screenshot") });
    await user.click(text("en", "report-button-done"));
    await waitForText(user, text("en", "add-info-saved", { id }));
    const report = await app.reports.get(id);
    expect(report?.additions).toHaveLength(1);
    expect(report?.additions[0]?.text).toContain("medical check");
    expect(report?.additions[0]?.media).toHaveLength(1);
  });

  it("/mydata shows what is stored; /delete erases every trace of the person and keeps the report anonymised", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const user = tg.createUser({ firstName: "Sulastri", username: "sulastri_wk", languageCode: "id" });
    await fillReport(user, "id", { offer: [OFFER], consent: true, sharePhone: "+6281299990000" });
    const id = await sendReport(user, "id");
    await user.send("/mydata");
    const mine = await user.waitForBotMessage();
    expect(mine.text).toContain(id);
    expect(mine.text).toContain("+6281299990000");

    await user.send("/delete");
    await user.waitForBotMessage();
    await user.click(text("id", "delete-confirm"));
    await waitForText(user, "Selesai");

    const everything = await dumpRedis(app.redis as Redis);
    for (const trace of [String(user.id), "Sulastri", "sulastri_wk", "6281299990000", "81299990000"]) {
      expect(everything).not.toContain(trace);
    }
    const report = await app.reports.get(id);
    expect(report?.reporterRef).toBeNull();
    expect(report?.offer.texts[0]?.text).toBe(OFFER);
    await user.send("/mydata");
    expect((await user.waitForBotMessage()).text).toContain(text("id", "mydata-no-reports"));
  });
});

describe("an abandoned report", () => {
  it("ends with a short notice after the timeout, and nothing half-stored remains", async () => {
    app = await startTestApp(
      testEnv(tg, redis, { CONVERSATION_TIMEOUT_HOURS: "0.0003", CONVERSATION_SWEEP_SECONDS: "1" }),
    );
    const user = tg.createUser({ firstName: "Yuni", languageCode: "id" });
    await user.send("/report");
    await waitForStep(user, "id", 1);
    await user.click(text("id", "report-who-self"));
    await waitForStep(user, "id", 2);
    await user.send(OFFER);
    const notice = await waitForText(user, text("id", "report-expired").slice(0, 20), 8000);
    expect(notice.text).toBe(text("id", "report-expired"));
    const keys = await app.redis.keys("waspada:conv*");
    expect(keys).toEqual([]);
    expect(await app.redis.zcard("waspada:reports:by-time")).toBe(0);
    // What the person sends now is a fresh start: a check, not an answer to the old question.
    await user.send(OFFER);
    expect((await user.waitForBotMessage()).text).toContain("Risiko");
  });
});

describe("Redis lost in the middle of a report", () => {
  it("tells the person to wait, then handles the held press when Redis is back, nothing lost", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const user = tg.createUser({ firstName: "Adi", languageCode: "en" });
    await user.send("/report");
    await waitForStep(user, "en", 1);
    await user.click(text("en", "report-who-family_friend"));
    await waitForStep(user, "en", 2);
    await user.send(OFFER);
    await user.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes("1 text") });
    // Let the bot finish the update (its state is written after the reply) before Redis goes.
    const handled = async () =>
      (await app.metrics.updates.get()).values.find((v) => v.labels.type === "message")?.value;
    await expect.poll(handled).toBe(2);
    await redis.kill();
    await expect.poll(() => app.redis.status).not.toBe("ready");
    await user.click(text("en", "report-button-done"));
    const alert = await tg.waitFor(
      (c) => c.method === "answerCallbackQuery" && c.params.text !== undefined,
      8000,
    );
    expect(alert.params.text).toBe(text("en", "error-unavailable"));
    await redis.restart();
    await expect.poll(() => app.redis.status, { timeout: 10_000 }).toBe("ready");
    // The press was not confirmed as handled while Redis was away: it is handled now, once.
    const contacts = await waitForStep(user, "en", 3, 15_000);
    expect(contacts.text).toContain("+855 97 123 4567");
    expect(user.botMessages().filter((m) => /Step 3\/8/.test(m.text ?? ""))).toHaveLength(1);
  });
});

describe("a report in progress at rest", () => {
  it("a scan of Redis at the summary finds no id, name, username or phone of the reporter in clear", async () => {
    app = await startTestApp(testEnv(tg, redis));
    const user = tg.createUser({
      firstName: "Kartini",
      lastName: "Wulandari",
      username: "kartini_w88",
      languageCode: "id",
    });
    await fillReport(user, "id", {
      who: "family_friend",
      offer: [OFFER, "Berangkat minggu depan, paspor dipegang agen"],
      country: "KH",
      money: "paid",
      moneyDetail: "7 juta",
      consent: true,
      sharePhone: "+62 812 5555 0199",
    });
    // The summary is on screen: the report lives only as conversation state now.
    const handled = async () => (await app.metrics.updates.get()).values.reduce((n, v) => n + v.value, 0);
    const settled = await handled();
    await expect.poll(handled).toBe(settled);
    const dump = await dumpRedis(redis.client());
    expect(dump).toContain("conv:"); // the state is there, sealed
    for (const secret of ["Kartini", "Wulandari", "kartini_w88", "5555 0199", "81255550199", "5555-0199"]) {
      expect(dump, secret).not.toContain(secret);
    }
    expect(dump).not.toMatch(new RegExp(`(?<![A-Za-z0-9])${user.id}(?![A-Za-z0-9])`));
    // And the report still goes through from that state.
    expect(await sendReport(user, "id")).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });
});

describe("a report that grows too large", () => {
  it("refuses more input with a clear message once the state nears its cap, and the person goes on with the buttons", async () => {
    app = await startTestApp(testEnv(tg, redis, { CONVERSATION_MAX_KB: "8" }));
    const user = tg.createUser({ firstName: "Lestari", languageCode: "en" });
    await user.send("/report");
    await waitForStep(user, "en", 1);
    await user.click(text("en", "report-who-self"));
    await waitForStep(user, "en", 2);
    // Text that does not compress: the sealed state grows by about its length each time.
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return "abcdefghijklmnopqrstuvwxyz0123456789"[seed % 36];
      }).join("");
    const full = text("en", "conversation-full");
    let refused = false;
    for (let i = 0; i < 12 && !refused; i++) {
      await user.send(`Offer part ${i}: ${noise(1500)}`);
      const answer = await user.waitForBotMessage();
      refused = answer.text === full;
    }
    expect(refused).toBe(true);
    const stored = await redis.client().keys("*conv:*");
    const sizes = await Promise.all(stored.map((key) => redis.client().strlen(key)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8 * 1024);
    await user.click(text("en", "report-button-done"));
    await waitForStep(user, "en", 3);
  });
});
