/** The officers' half: case cards, triage, focal-point posts, notifications and the anonymous relay. */
import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForText } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimChat, SimUser } from "../harness/telegram/index.js";

let group: SimChat;
let kh: SimChat;
let fallback: SimChat;
let officer: SimUser;
let member: SimUser;

const OFFER =
  "URGENT!! CS online di Kamboja, gaji 1.200 USD, tanpa pengalaman, tiket & visa ditanggung, berangkat visa turis minggu ini. " +
  "Info: wa.me/855123456789 atau https://kerja-kh.example.com/daftar";

const bot = useRunningBot((tg) => {
  officer = tg.createUser({ firstName: "Bambang", username: "bambang_petugas", languageCode: "id" });
  member = tg.createUser({ firstName: "Anggota", languageCode: "id" });
  group = tg.createGroup({
    title: "Petugas Waspada",
    forum: true,
    members: [
      { user: officer, status: "administrator" },
      { user: member, status: "member" },
    ],
  });
  kh = tg.createChannel({ title: "Focal point KH" });
  fallback = tg.createChannel({ title: "Focal point default" });
  return {
    MODERATOR_CHAT_ID: String(group.id),
    FOCAL_CHANNELS: `KH=${kh.id},default=${fallback.id}`,
    // Today's behaviour: high cases go out at once (review mode is in focal-points.test.ts).
    FORWARD_MODE: "auto",
    MODERATOR_LOCALE: "en",
  };
});

async function fileReport(reporter: SimUser, locale: "id" | "en", consent = true): Promise<string> {
  await fillReport(reporter, locale, {
    offer: [OFFER],
    photos: 1,
    country: "KH",
    consent,
    sharePhone: consent ? "+6281377778888" : undefined,
  });
  return sendReport(reporter, locale);
}

async function cardOf(id: string) {
  await bot.tg.waitFor(
    (c) => c.method === "sendMessage" && c.params.chat_id === group.id && String(c.params.text).includes(id),
    8000,
  );
  return group.messages().find((m) => (m.text ?? "").includes(id) && m.buttons)!;
}

/** Sends raw callback data from the card: for forged, stale or second presses. */
function press(user: SimUser, card: { messageId: number }, data: string) {
  return user.clickInChat(group.id, card.messageId, data);
}

/** Presses the card's button as it shows now, by its label (officers read English). */
function pressButton(user: SimUser, card: { messageId: number }, key: string) {
  return user.clickInGroup(group.id, text("en", key), { messageId: card.messageId });
}

describe("a report reaches the officers", () => {
  it("as a card in its own topic with the screenshot, and at the focal point of its destination", async () => {
    const reporter = bot.tg.createUser({ firstName: "Sulastri", username: "sulas_tri", languageCode: "id" });
    const id = await fileReport(reporter, "id");
    const card = await cardOf(id);
    const [topic] = group.topics();
    expect(topic?.name).toContain(id);
    expect(card.threadId).toBe(topic?.message_thread_id);
    expect(card.text).toContain("Case");
    expect(card.text).toContain("Cambodia");
    expect(card.text).toContain("kerja-kh[.]example[.]com");
    expect(card.text).not.toContain("https://kerja-kh.example.com");
    expect(card.buttons?.flat().map((b) => b.text)).toContain(text("en", "card-button-reveal"));
    await bot.tg.waitFor((c) => c.method === "sendPhoto" && c.params.chat_id === group.id, 8000);
    await bot.tg.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === kh.id, 8000);
    expect(kh.messages().some((m) => (m.text ?? "").includes(id))).toBe(true);
    expect(fallback.messages()).toHaveLength(0);
    for (const call of bot.tg.calls.filter(
      (c) => c.params.chat_id === group.id || c.params.chat_id === kh.id,
    )) {
      const dump = JSON.stringify(call.params);
      for (const trace of ["Sulastri", "sulas_tri", String(reporter.id), "6281377778888"])
        expect(dump).not.toContain(trace);
    }
  });
});

describe("triage", () => {
  it("takes, asks, hears back, confirms, escalates and closes, telling the reporter in their language", async () => {
    const reporter = bot.tg.createUser({ firstName: "Wati", languageCode: "id" });
    const id = await fileReport(reporter, "id");
    const card = await cardOf(id);
    const data = (action: string) => `cs:${id}:${action}`;

    const take = await pressButton(officer, card, "card-button-take");
    expect((await take.answer()).text).toBe(text("en", "triage-taken"));
    await bot.tg.waitFor(
      (c) => c.method === "editMessageText" && String(c.params.text).includes("being reviewed"),
    );
    await waitForText(reporter, id, 8000);

    await officer.sendInGroup(group, "/ask Kapan terakhir ada kabar?", { messageThreadId: card.threadId });
    const question = await waitForText(reporter, "Kapan terakhir ada kabar?", 8000);
    expect(question.text).toContain(id);
    expect(question.text).not.toContain("Bambang");
    expect(question.text).not.toContain("bambang_petugas");
    await reporter.reply(question.messageId, "Dua hari lalu lewat WhatsApp");
    await waitForText(reporter, text("id", "reply-delivered", { id }));
    await bot.tg.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        c.params.chat_id === group.id &&
        String(c.params.text).includes("Dua hari"),
      8000,
    );
    expect(group.messagesInTopic(card.threadId!).some((m) => (m.text ?? "").includes("Dua hari lalu"))).toBe(
      true,
    );
    // One answer per question: a second reply to it is not relayed.
    await reporter.reply(question.messageId, "Dan satu lagi");
    await waitForText(reporter, text("id", "reply-already-answered", { id }));
    expect(bot.tg.callsOf("copyMessage")).toHaveLength(0);

    const confirm = await pressButton(officer, card, "card-button-confirm");
    expect((await confirm.answer()).text).toContain("confirmed as a scam");
    const again = await press(officer, card, data("confirm"));
    expect((await again.answer()).text).toContain("Already");
    await (await pressButton(officer, card, "card-button-escalate")).answer();
    await (await pressButton(officer, card, "card-button-close")).answer();
    const late = await press(officer, card, data("notscam"));
    expect((await late.answer()).text).toContain("Not possible");

    await expect.poll(async () => (await bot.app.reports.get(id))?.status).toBe("closed");
    const notified = await bot.tg.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        c.params.chat_id === reporter.id &&
        String(c.params.text).includes("ditutup"),
      8000,
    );
    expect(notified).toBeDefined();
    // Posted to the focal point once, although the case was both high and escalated.
    expect(kh.messages().filter((m) => (m.text ?? "").includes(id))).toHaveLength(1);
    const audit = await bot.app.reports.readAudit(100);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["triage.take", "triage.confirm", "triage.close", "relay.asked"]),
    );
    expect(JSON.stringify(audit)).not.toContain(String(reporter.id));
  });

  it("a note in the case topic is kept for officers and is not sent to the reporter", async () => {
    const reporter = bot.tg.createUser({ firstName: "Tini", languageCode: "en" });
    const id = await fileReport(reporter, "en");
    const card = await cardOf(id);
    const before = reporter.botMessages().length;
    await officer.sendInGroup(group, "Same number as last week's case", { messageThreadId: card.threadId });
    await expect.poll(() => bot.app.redis.llen(`waspada:report:${id}:notes`)).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(reporter.botMessages()).toHaveLength(before);
  });

  it("reveal shows the shared phone only to the officer who asked, and is audited", async () => {
    const reporter = bot.tg.createUser({ firstName: "Rina", languageCode: "en" });
    const id = await fileReport(reporter, "en");
    const card = await cardOf(id);
    const reveal = await pressButton(officer, card, "card-button-reveal");
    const answer = await reveal.answer();
    expect(answer.text).toContain("+6281377778888");
    expect(answer.showAlert).toBe(true);
    expect(group.messages().some((m) => (m.text ?? "").includes("6281377778888"))).toBe(false);
    expect((await bot.app.reports.readAudit(20)).some((a) => a.action === "contact.revealed")).toBe(true);
  });
});

describe("who may act", () => {
  it("refuses members, strangers, other chats, forged data, and an admin demoted a moment ago", async () => {
    const reporter = bot.tg.createUser({ firstName: "Yani", languageCode: "en" });
    const id = await fileReport(reporter, "en", false);
    const card = await cardOf(id);
    expect(card.buttons?.flat().map((b) => b.text)).not.toContain(text("en", "card-button-reveal"));
    const stranger = bot.tg.createUser({ firstName: "Stranger", languageCode: "en" });

    const refusals = [
      [await pressButton(member, card, "card-button-confirm"), "triage-not-officer"],
      [await pressButton(stranger, card, "card-button-confirm"), "triage-not-officer"],
      [await officer.clickInChat(officer.id, 1, `cs:${id}:confirm`), "triage-wrong-chat"],
      [await press(officer, card, "cs:ZZZZ-ZZZZ:take"), "triage-no-report"],
      [await press(officer, card, `cs:${id}:delete`), "triage-invalid"],
      [await press(officer, card, "cs:../../etc:take"), "triage-invalid"],
    ] as const;
    for (const [click, key] of refusals) expect((await click.answer()).text).toBe(text("en", key));
    expect((await bot.app.reports.get(id))?.status).toBe("received");

    const take = await pressButton(officer, card, "card-button-take");
    await take.answer();
    bot.tg.setMemberStatus(group.id, officer.id, "member");
    await bot.tg.deliver({
      chat_member: {
        chat: group.chat,
        from: officer.user,
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: "administrator", user: officer.user } as never,
        new_chat_member: { status: "member", user: officer.user },
      },
    });
    await expect.poll(() => bot.app.redis.exists(`waspada:officer:${officer.id}`)).toBe(0);
    const demoted = await pressButton(officer, card, "card-button-close");
    expect((await demoted.answer()).text).toBe(text("en", "triage-not-officer"));
    expect((await bot.app.reports.get(id))?.status).toBe("in_review");
    const audit = await bot.app.reports.readAudit(50);
    expect(audit.filter((a) => a.action === "triage.refused").length).toBeGreaterThanOrEqual(4);
    // Forged buttons and buttons outside the group are counted; only the 1st, 10th, 100th … is audited.
    const counted = audit.filter((a) => a.action === "refusals.counted").map((a) => a.detail);
    expect(counted).toHaveLength(2);
    expect(counted).toEqual(
      expect.arrayContaining([
        { reason: "outside_moderator_group", today: "1" },
        { reason: "forged", today: "1" },
      ]),
    );
  });
});

describe("officer commands", () => {
  it("find, list, stats, mark and export answer officers and only officers", async () => {
    const reporter = bot.tg.createUser({ firstName: "Eka", languageCode: "en" });
    const id = await fileReport(reporter, "en");
    await cardOf(id);
    await officer.sendInGroup(group, "/find +855 12 345 6789");
    const found = await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && String(c.params.text).includes("🔎"),
      5000,
    );
    expect(String(found.params.text)).toContain(id);
    await officer.sendInGroup(group, "/list");
    await bot.tg.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        String(c.params.text).includes(id) &&
        String(c.params.text).includes("Open cases"),
    );
    await officer.sendInGroup(group, "/stats 7");
    await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && String(c.params.text).includes("Reports in the last 7 days: 1"),
    );
    await officer.sendInGroup(group, "/mark +855 12 345 6789 known");
    await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && String(c.params.text).includes("known scam recruiter"),
    );
    const [known] = await bot.app.reports.lookup.lookup([{ kind: "whatsapp", value: "+855123456789" }]);
    expect(known?.verdict).toBe("known_recruiter");
    await officer.sendInGroup(group, "/export");
    const doc = await bot.tg.waitFor((c) => c.method === "sendDocument", 5000);
    const csv = bot.tg
      .fileContents(String((doc.result as { document: { file_id: string } }).document.file_id))!
      .toString("utf8");
    expect(csv).toContain(id);
    expect(csv).not.toContain("6281377778888");
    await member.sendInGroup(group, "/stats");
    await bot.tg.waitFor(
      (c) => c.method === "sendMessage" && String(c.params.text) === text("en", "triage-not-officer"),
    );
  });
});
