/**
 * Links for outreach workers (issue 14): `?start=check` lands in checking, `?start=report` starts a
 * report, `?start=c-<campaign>` is the usual welcome and counts that campaign's people, checks and
 * reports in /stats — as numbers, never who.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForText } from "#src/playground/report-driver.js";
import { parseCampaign } from "#src/reports/campaigns.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimChat, SimUser } from "../harness/telegram/index.js";

let group: SimChat;
let officer: SimUser;

const OFFER =
  "Dibutuhkan CS online di Kamboja, gaji 15 juta, tanpa pengalaman, tiket ditanggung. WA +855 12 345 678";

const bot = useRunningBot((tg) => {
  officer = tg.createUser({ firstName: "Bambang", languageCode: "id" });
  group = tg.createGroup({
    title: "Petugas",
    forum: true,
    members: [{ user: officer, status: "administrator" }],
  });
  return { MODERATOR_CHAT_ID: String(group.id) };
});

async function statsText(): Promise<string> {
  const before = bot.tg.calls.length;
  await officer.sendInGroup(group, "/stats");
  const call = await bot.tg.waitFor(
    (c) =>
      bot.tg.calls.indexOf(c) >= before && c.method === "sendMessage" && String(c.params.text).includes("📊"),
  );
  return String(call.params.text);
}

describe("deep links", () => {
  it("?start=check asks for the offer, and what she sends next is checked", async () => {
    const user = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await user.send("/start check");
    const prompt = await user.waitForBotMessage();
    expect(prompt.text).toBe(text("id", "check-prompt"));
    await user.send(OFFER);
    const verdict = await user.waitForBotMessage({ predicate: (m) => m.messageId > prompt.messageId });
    expect(verdict.text).not.toBe(text("id", "check-prompt"));
    expect(verdict.buttons?.flat().length).toBeGreaterThan(0);
  });

  it("?start=report opens the report exactly as /report does", async () => {
    const viaCommand = bot.tg.createUser({ firstName: "Dewi", languageCode: "id" });
    await viaCommand.send("/report");
    const expected = await viaCommand.waitForBotMessage();
    const viaLink = bot.tg.createUser({ firstName: "Ani", languageCode: "id" });
    await viaLink.send("/start report");
    const first = await viaLink.waitForBotMessage();
    expect(first.text).toBe(expected.text);
    expect(first.buttons?.flat().map((b) => b.text)).toEqual(expected.buttons?.flat().map((b) => b.text));
  });

  it("?start=c-<campaign> welcomes as usual and counts people, checks and reports per campaign, never who", async () => {
    const sari = bot.tg.createUser({ firstName: "Sari", username: "sari_desa", languageCode: "id" });
    await sari.send("/start c-desa_sukamaju");
    const welcome = await sari.waitForBotMessage();
    const plain = bot.tg.createUser({ firstName: "Sari", languageCode: "id" });
    await plain.send("/start");
    expect(welcome.text).toBe((await plain.waitForBotMessage()).text);
    expect(welcome.buttons?.flat().length).toBeGreaterThan(0);
    await sari.send(OFFER);
    await sari.waitForBotMessage({
      predicate: (m) => m.buttons !== undefined && (m.text ?? "").length > 100,
    });
    await fillReport(sari, "id", { offer: [OFFER], country: "KH" });
    await sendReport(sari, "id");

    const rina = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    await rina.send("/start C-Desa_Sukamaju");
    await rina.waitForBotMessage();
    // A screenshot checked counts as a check too (an album would count once).
    await rina.sendPhoto({
      data: readFileSync(join(import.meta.dirname, "..", "fixtures", "screenshots", "id-scam-chat.png")),
    });
    await waitForText(rina, text("id", "check-screenshot-reading"));
    // Not campaigns: a phone number, a name too long, anything but the allowed letters.
    const other = bot.tg.createUser({ firstName: "Lain", languageCode: "id" });
    for (const payload of ["c-081234567890", `c-${"a".repeat(40)}`, "c-desa%20x", "c-"]) {
      await other.send(`/start ${payload}`);
      await other.waitForBotMessage({ predicate: (m) => (m.buttons?.length ?? 0) > 0 });
    }
    const stats = await statsText();
    expect(stats).toContain(text("id", "stats-campaigns"));
    expect(stats).toContain(
      `desa_sukamaju: ${text("id", "stats-campaign", { starts: 2, checks: 2, reports: 1 })}`,
    );
    expect(stats).not.toContain("081234567890");
    expect(await bot.app.redis.smembers("waspada:campaigns")).toEqual(["desa_sukamaju"]);
    const counters = await bot.app.redis.hgetall("waspada:campaign:desa_sukamaju");
    expect(counters).toEqual({ starts: "2", checks: "2", reports: "1" });
    const dump = JSON.stringify(counters);
    for (const trace of [String(sari.id), "sari_desa", "Sari"]) expect(dump).not.toContain(trace);

    // Her link to the campaign goes with /delete; the counts stay, anonymous.
    await sari.send("/delete");
    await sari.waitForBotMessage();
    await sari.click(text("id", "delete-confirm"));
    await waitForText(sari, "Selesai");
    await sari.send(OFFER);
    await sari.waitForBotMessage({
      predicate: (m) => m.buttons !== undefined && (m.text ?? "").length > 100,
    });
    expect(await bot.app.redis.hget("waspada:campaign:desa_sukamaju", "checks")).toBe("2");
  });
});

describe("campaign names", () => {
  it("accepts short names of letters, digits, _ and -, and refuses what could be personal data", () => {
    expect(parseCampaign("c-poster_ntb-2026")).toBe("poster_ntb-2026");
    expect(parseCampaign("c-RadioLombok")).toBe("radiolombok");
    for (const bad of [
      "c-081234567890",
      "c-123456",
      "c-12",
      "c-a",
      `c-${"x".repeat(33)}`,
      "c-desa x",
      "campaign",
      "c-desa.ntb",
    ])
      expect(parseCampaign(bad)).toBeUndefined();
  });
});
