import { describe, expect, it } from "vitest";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimUser } from "../harness/telegram/index.js";

const bot = useRunningBot();

const OFFER =
  "LOKER KAMBOJA 🇰🇭 Dibutuhkan CS online, tanpa pengalaman, gaji 1.000 USD/bulan, tiket & visa ditanggung, " +
  "berangkat pakai visa turis dulu. Hubungi WA +855 12 345 678 atau @rekrut_kh";

function until(user: SimUser, text: string, timeoutMs = 5000) {
  return user.waitForBotMessage({ predicate: (m) => (m.text ?? "").includes(text), timeoutMs });
}

describe("a full report in English", () => {
  it("walks through all eight steps and stores one report", async () => {
    const ann = bot.tg.createUser({ firstName: "Ann", languageCode: "en" });
    await ann.send("/start");
    await until(ann, "Hello Ann!");
    await ann.click("📝 Report a recruiter or offer");
    await until(ann, "Step 1/8");
    await ann.click("I received this offer");
    await until(ann, "Step 2/8");
    await ann.send(OFFER);
    await until(ann, "Received: 1 text and 0 screenshots");
    await ann.click("✅ Done");
    await until(ann, "Step 3/8");
    expect(ann.lastBotMessage()?.text).toContain("Phone: +855 12 345 678");
    await ann.click("✅ Continue");
    await until(ann, "Step 4/8");
    await ann.click("✓ Cambodia");
    await until(ann, "Which city");
    await ann.click("Skip");
    await until(ann, "What job");
    await ann.send("customer service");
    await until(ann, "What salary");
    await ann.send("1000 USD a month");
    await until(ann, "Step 5/8");
    await ann.click("Money was asked");
    await until(ann, "How much");
    await ann.send("Rp 5 juta to the recruiter");
    await until(ann, "passport");
    await ann.click("No");
    await until(ann, "Step 6/8");
    await ann.click("No");
    await until(ann, "Step 7/8");
    await ann.click("No, do not contact me");
    const summary = await until(ann, "Step 8/8");
    expect(summary.text).toContain("Cambodia");
    expect(summary.text).toContain("customer service");
    await ann.click("📤 Send the report");
    const sent = await until(ann, "Your case number is");
    const id = /case number is ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(sent.text ?? "")?.[1];
    expect(id).toBeDefined();
    const report = await bot.app.redis.get(`waspada:report:${id}`);
    expect(report).toContain("customer service");
    // Logs carry ids and counts only: no offer text, names or numbers.
    const logs = bot.app.logText();
    for (const secret of [
      "Ann",
      "KAMBOJA",
      "rekrut_kh",
      "855 12 345 678",
      "+85512345678",
      "1000 USD a month",
      String(ann.id),
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).toContain(id!);
  });
});
