/**
 * Floods: one account sends 1,000 messages. The bot answers it a bounded number of times (its
 * first checks, then one friendly "slow down"), keeps no log of what it refused, writes a handful
 * of audit entries rather than a thousand, and everyone else is answered as usual.
 */
import { describe, expect, it } from "vitest";
import { MAX_ANSWERS } from "#src/bot/conversations/report/dialog.js";
import { text, waitForStep, waitForText } from "#src/playground/report-driver.js";
import { BUCKETS } from "#src/rate-limit.js";
import { useRunningBot } from "../harness/running-bot.js";

const OFFER = "Lowongan admin di Kamboja, gaji 15 juta, tiket gratis, visa turis. WA +855 97 123 4567";
const bot = useRunningBot();

describe("one account flooding the bot", () => {
  it("1,000 messages: a bounded number of answers, one friendly notice, audit counted, others unaffected", async () => {
    const { tg, app } = bot;
    const flooder = tg.createUser({ firstName: "Flood", languageCode: "en" });
    await Promise.all(Array.from({ length: 1000 }, (_, i) => flooder.send(`${OFFER} #${i}`)));

    const other = tg.createUser({ firstName: "Ani", languageCode: "en" });
    await other.send(OFFER);
    const answer = await other.waitForBotMessage({ timeoutMs: 20_000 });
    expect(answer.text).toContain("Risk:");

    await expect
      .poll(() => app.metrics.rateLimited.get().then((m) => m.values.reduce((n, v) => n + v.value, 0)), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1000 - BUCKETS.message.capacity - 10);
    const toFlooder = flooder.botMessages();
    // At most its bucket of checks (plus a token or two refilled meanwhile) and one notice per limit.
    expect(toFlooder.length).toBeLessThanOrEqual(BUCKETS.check.capacity + 4);
    expect(toFlooder.filter((m) => m.text === text("en", "rate-limited-message"))).toHaveLength(1);
    const audit = await app.reports.readAudit(1000);
    const limited = audit.filter((a) => a.action === "rate.limited");
    expect(limited.length).toBeGreaterThan(0);
    // The 1st, 10th and 100th refusal of each limit in a row — a handful, not a thousand; a token
    // refilled mid-flood (a slow machine) starts a new row, so a row or two more may be counted.
    expect(limited.length).toBeLessThanOrEqual(12);
    // Refused messages left nothing behind: no check text stored for them.
    expect(
      (await app.redis.keys("waspada:check:*")).filter((k) => !k.endsWith(":reply")).length,
    ).toBeLessThanOrEqual(BUCKETS.check.capacity + 5);
  }, 120_000);

  it("a flood of wrong input during a report is answered and not kept in the conversation", async () => {
    const { tg, app } = bot;
    const user = tg.createUser({ firstName: "Sari", languageCode: "en" });
    await user.send("/report");
    await waitForStep(user, "en", 1);
    await user.click(text("en", "report-who-self"));
    await waitForStep(user, "en", 2);
    const sticker = async () => {
      await user.sendSticker();
      await waitForText(user, text("en", "report-offer-wrong-input"));
      await new Promise((r) => setTimeout(r, 150)); // the state is written after the answer is sent
    };
    await sticker();
    const [key] = await app.redis.keys("waspada:conv:*");
    const before = await app.redis.strlen(key!);
    for (let i = 0; i < 25; i++) await sticker();
    // Refused input is dropped from the replay log: the state did not grow (a kept sticker adds ~400 bytes).
    expect(await app.redis.strlen(key!)).toBe(before);
    await user.send(OFFER);
    await user.waitForBotMessage({
      predicate: (m) => (m.buttons ?? []).flat().some((b) => b.text === text("en", "report-button-done")),
    });
    await user.click(text("en", "report-button-done"));
    await waitForStep(user, "en", 3, 8000);
  }, 60_000);

  it("a report that goes on past its limit of answers ends with a clear message, and nothing half-kept", async () => {
    const { tg, app } = bot;
    const user = tg.createUser({ firstName: "Tono", languageCode: "en" });
    await user.send("/report");
    await waitForStep(user, "en", 1);
    await user.click(text("en", "report-who-self"));
    await waitForStep(user, "en", 2);
    await user.click(text("en", "report-button-skip"));
    await waitForStep(user, "en", 3);
    // Every text at step 3 is an accepted answer (an agency name). The per-person flood limit would
    // stop this long before; it is reset here to reach the conversation's own limit.
    let ended = false;
    for (let i = 0; i < MAX_ANSWERS + 5 && !ended; i++) {
      if (i % 30 === 0) for (const key of await app.redis.keys("waspada:rate:*")) await app.redis.del(key);
      await user.send(`PT Agen Nomor ${i}`);
      const reply = await user.waitForBotMessage();
      ended = (reply.text ?? "").includes(
        text("en", "conversation-too-long", { max: MAX_ANSWERS }).slice(0, 40),
      );
    }
    expect(ended).toBe(true);
    // Nothing of the conversation is kept: at most its version stays ("<version>:", no state).
    const kept = async () => {
      const keys = await app.redis.keys("waspada:conv:*");
      const values = await Promise.all(keys.map((key) => app.redis.get(key)));
      return values.filter((value) => !/^\d+:$/.test(value ?? ""));
    };
    await expect.poll(kept, { timeout: 10_000 }).toEqual([]);
    expect(await app.redis.zcard("waspada:reports:by-time")).toBe(0);
  }, 120_000);

  it("tells a person to slow down in the language they chose, not their app's", async () => {
    const { tg } = bot;
    const budi = tg.createUser({ firstName: "Budi", languageCode: "id" });
    await budi.send("/start");
    await budi.waitForBotMessage();
    budi.languageCode = "en"; // the app changed; Budi's language stays Indonesian
    await Promise.all(
      Array.from({ length: BUCKETS.message.capacity + 20 }, (_, i) => budi.send(`/help ${i}`)),
    );
    await waitForText(budi, text("id", "rate-limited-message"), 20_000);
    expect(budi.botMessages().some((m) => m.text === text("en", "rate-limited-message"))).toBe(false);
  }, 60_000);
});
