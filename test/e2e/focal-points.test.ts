/**
 * Focal points as partners: a high-risk report for Cambodia waits for an officer's review, then
 * appears in the KH channel in Khmer with answer buttons; only the channel's administrators can
 * answer; answers reach the card, the history, the reporter (in plain words) and the case topic.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "#src/bot/i18n.js";
import { fillReport, sendReport, text, waitForText } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimChat, SimUser } from "../harness/telegram/index.js";

const i18n = createI18n("en");
const km = (key: string, args?: Record<string, string | number>) => i18n.t("km", key, args);

let group: SimChat;
let kh: SimChat;
let fallback: SimChat;
let officer: SimUser;
let sokha: SimUser;
let reader: SimUser;

const OFFER =
  "Lowongan CS online di Kamboja, gaji 15 juta per bulan, tanpa pengalaman, tiket & visa ditanggung, berangkat visa turis minggu ini. " +
  "Info: wa.me/855123456789";

/** The forwarding mode of the describe block under way (review, the default, unless it says). */
let mode: Record<string, string> = {};

const bot = useRunningBot((tg) => {
  officer = tg.createUser({ firstName: "Bambang", languageCode: "id" });
  sokha = tg.createUser({ firstName: "Sokha", languageCode: "km" });
  reader = tg.createUser({ firstName: "Reader", languageCode: "km" });
  group = tg.createGroup({
    title: "Petugas Waspada",
    forum: true,
    members: [{ user: officer, status: "administrator" }],
  });
  kh = tg.createChannel({ title: "Focal point KH" });
  fallback = tg.createChannel({ title: "Focal point default" });
  tg.setMemberStatus(kh.id, sokha.id, "administrator");
  tg.setMemberStatus(kh.id, reader.id, "member");
  return {
    MODERATOR_CHAT_ID: String(group.id),
    FOCAL_CHANNELS: `KH=${kh.id}:km,default=${fallback.id}`,
    MODERATOR_LOCALE: "en",
    ...mode,
  };
});

async function fileReport(reporter: SimUser, answers: Partial<Parameters<typeof fillReport>[2]> = {}) {
  await fillReport(reporter, "id", {
    offer: [OFFER],
    country: "KH",
    consent: true,
    sharePhone: "+6281377778888",
    ...answers,
  });
  return sendReport(reporter, "id");
}

async function cardOf(id: string) {
  await bot.tg.waitFor(
    (c) => c.method === "sendMessage" && c.params.chat_id === group.id && String(c.params.text).includes(id),
    8000,
  );
  return group.messages().find((m) => (m.text ?? "").includes(id) && m.buttons)!;
}

const latestCard = (id: string) => group.messages().find((m) => (m.text ?? "").includes(id) && m.buttons)!;
const postIn = (channel: SimChat, id: string) =>
  channel.messages().find((m) => (m.text ?? "").includes(id) && m.buttons);

describe("review mode (the default)", () => {
  it("holds a high case until an officer escalates it; then KH gets it in Khmer, and only admins can answer", async () => {
    const reporter = bot.tg.createUser({ firstName: "Sulastri", username: "sulas_tri", languageCode: "id" });
    const id = await fileReport(reporter);
    const card = await cardOf(id);
    await expect.poll(() => latestCard(id).text ?? "", { timeout: 8000 }).toContain("Waiting for review");
    expect(kh.messages()).toHaveLength(0);

    await officer.clickInGroup(group.id, text("en", "card-button-escalate"), card);
    await bot.tg.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === kh.id, 8000);
    const post = postIn(kh, id)!;
    // Truly in Khmer: labels, level, status, reason for flagging, warning signs, buttons.
    expect(post.text).toContain(`${km("fp-case")} ${id}`);
    expect(post.text).toContain(`${km("fp-status")}: ${km("fp-status-escalated")}`);
    expect(post.text).toContain(`${km("fp-flagged")}: ${km("fp-flagged-escalated")}`);
    expect(post.text).toContain(km("fp-reason-destination"));
    expect(post.text).toContain("កម្ពុជា"); // the country's name in Khmer
    expect(post.text).not.toMatch(/Risk level|Flagged because|Destination|Case status/);
    expect(post.buttons?.flat().map((b) => b.text)).toEqual(
      ["received", "investigating", "located", "safe", "not_ours", "need_info"].map((a) =>
        km(`fp-answer-${a}`),
      ),
    );
    await expect.poll(() => latestCard(id).text ?? "", { timeout: 8000 }).not.toContain("Waiting for review");
    // The focal point's acknowledgement is now due: the card shows the time left.
    await expect
      .poll(() => latestCard(id).text ?? "", { timeout: 8000 })
      .toMatch(/⏳ Focal-point acknowledgement due: 2[34] h \d+ min left/);

    // A subscriber who is not an administrator: a private alert, nothing changes.
    const stranger = await reader.clickInChannel(kh.id, km("fp-answer-received"));
    expect(await stranger.answer()).toMatchObject({ text: km("fp-not-admin"), showAlert: true });
    expect(postIn(kh, id)!.text).toContain(km("fp-response-none"));
    expect(await bot.app.redis.llen(`waspada:report:${id}:focal`)).toBe(0);

    // The channel's administrator: recorded, the post and the card show it, the history has it.
    const received = await sokha.clickInChannel(kh.id, km("fp-answer-received"));
    expect((await received.answer()).text).toBe(km("fp-recorded", { answer: km("fp-answer-received") }));
    await expect
      .poll(() => postIn(kh, id)!.text)
      .toContain(`📨 ${km("fp-response")}: ${km("fp-answer-received")}`);
    await expect
      .poll(() => latestCard(id).text ?? "", { timeout: 8000 })
      .toMatch(/Cambodia focal point: received, \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(latestCard(id).text).not.toContain("Focal-point acknowledgement due");
    const again = await sokha.clickInChannel(kh.id, km("fp-answer-received"));
    expect((await again.answer()).text).toBe(km("fp-already"));

    // "Person located" reaches the reporter in their language, in plain words, without a name.
    await sokha.clickInChannel(kh.id, km("fp-answer-located"));
    const told = await waitForText(
      reporter,
      text("id", "focal-notify-located", { id }).split("\n")[0]!,
      8000,
    );
    expect(told.text).not.toContain("Sokha");

    // "Need more information" goes into the case topic for the officers.
    await sokha.clickInChannel(kh.id, km("fp-answer-need_info"));
    await expect
      .poll(
        () =>
          group
            .messagesInTopic(card.threadId!)
            .some((m) => (m.text ?? "").includes("asks for more information")),
        {
          timeout: 8000,
        },
      )
      .toBe(true);

    const audit = (await bot.app.reports.readAudit(100)).filter((a) => a.action.startsWith("focal."));
    expect(audit.filter((a) => a.action === "focal.answer").map((a) => a.detail?.answer)).toEqual([
      "need_info",
      "located",
      "received",
    ]);
    expect(audit.some((a) => a.action === "focal.refused" && a.detail?.reason === "not_admin")).toBe(true);

    // A demoted administrator loses the right at once (chat_member drops the cached answer).
    await bot.tg.changeMemberStatus(kh.id, sokha.id, "member");
    await expect.poll(() => bot.app.redis.exists(`waspada:focal-admin:${kh.id}:${sokha.id}`)).toBe(0);
    const demoted = await sokha.clickInChannel(kh.id, km("fp-answer-safe"));
    expect((await demoted.answer()).text).toBe(km("fp-not-admin"));

    // A closed case takes no more answers.
    bot.tg.setMemberStatus(kh.id, sokha.id, "administrator");
    await bot.app.redis.del(`waspada:focal-admin:${kh.id}:${sokha.id}`);
    await officer.clickInGroup(group.id, text("en", "card-button-close"), card);
    await expect.poll(async () => (await bot.app.reports.get(id))?.status).toBe("closed");
    const late = await sokha.clickInChannel(kh.id, km("fp-answer-safe"));
    expect((await late.answer()).text).toBe(km("fp-closed"));
    expect(await bot.app.redis.llen(`waspada:report:${id}:focal`)).toBe(3);

    // Nothing that identifies the reporter went to any focal channel.
    for (const call of bot.tg.calls.filter(
      (c) => c.params.chat_id === kh.id || c.params.chat_id === fallback.id,
    )) {
      const dump = JSON.stringify(call.params);
      for (const trace of ["Sulastri", "sulas_tri", String(reporter.id), "6281377778888", "81377778888"])
        expect(dump).not.toContain(trace);
    }

    // /stats reports the share of deadlines met (the focal acknowledgement came in time).
    await officer.sendInGroup(group, "/stats 7");
    await bot.tg.waitFor(
      (c) =>
        c.method === "sendMessage" && String(c.params.text).includes("Deadlines met: urgent taken in time"),
      8000,
    );

    // The exchange file: valid against the published JSON Schema, without the reporter.
    await officer.sendInGroup(group, "/exchange");
    const doc = await bot.tg.waitFor((c) => c.method === "sendDocument", 8000);
    const jsonl = bot.tg
      .fileContents(String((doc.result as { document: { file_id: string } }).document.file_id))!
      .toString("utf8");
    const schema = JSON.parse(readFileSync("docs/exchange.schema.json", "utf8"));
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    const records = jsonl
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(1);
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(records[0]).toMatchObject({
      caseId: id,
      destination: { country: "KH" },
      sharedWith: [{ country: "KH", reason: "escalated" }],
      focalResponses: [
        { country: "KH", answer: "received" },
        { country: "KH", answer: "located" },
        { country: "KH", answer: "need_info" },
      ],
    });
    expect(records[0].recruiter.identifiers).toContainEqual({ kind: "whatsapp", value: "+855123456789" });
    for (const trace of ["Sulastri", "sulas_tri", String(reporter.id), "81377778888"])
      expect(jsonl).not.toContain(trace);
  });

  it("sends an urgent case at once, with the urgency named as the trigger", async () => {
    const reporter = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    const id = await fileReport(reporter, {
      who: "family_friend",
      departed: { relationship: "sibling", passportTaken: "yes" },
    });
    await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && c.params.chat_id === kh.id && String(c.params.text).includes(id),
      8000,
    );
    const post = postIn(kh, id)!;
    expect(post.text).toContain(`${km("fp-flagged")}: ${km("fp-flagged-urgent")}`);
    // Nobody has taken it yet: the card counts down the 30 minutes.
    await expect
      .poll(() => latestCard(id)?.text ?? "", { timeout: 8000 })
      .toMatch(/⏳ Urgent case not taken yet: (30|29) min left/);
    expect(post.text).not.toContain(text("id", "relationship-sibling"));
  });
});

describe("auto mode", () => {
  beforeAll(() => {
    mode = { FORWARD_MODE: "auto" };
  });
  afterAll(() => {
    mode = {};
  });

  it("sends a high case at once, flagged by its level", async () => {
    const reporter = bot.tg.createUser({ firstName: "Dewi", languageCode: "id" });
    const id = await fileReport(reporter);
    await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && c.params.chat_id === kh.id && String(c.params.text).includes(id),
      8000,
    );
    const post = postIn(kh, id)!;
    expect(post.text).toMatch(
      new RegExp(
        `${km("fp-flagged")}: ${km("fp-flagged-level", { level: ".+", threshold: km("fp-level-name-high") }).replace(/[()]/g, "\\$&")}`,
      ),
    );
    await cardOf(id);
    expect(latestCard(id).text).not.toContain("Waiting for review");
  });
});
