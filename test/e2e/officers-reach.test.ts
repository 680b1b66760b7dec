/**
 * Everything reaches the officers (issue 14): added information in the case topic and in /find,
 * a reporter's follow-up after answering, every group command answered, officers named, cards
 * worded for officers, closed cases with only Reopen, /list in Indonesian.
 */
import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForText } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimChat, SimUser } from "../harness/telegram/index.js";

let group: SimChat;
let officer: SimUser;
let member: SimUser;

const OFFER =
  "CS online di Kamboja, gaji 1.200 USD, tanpa pengalaman, tiket & visa ditanggung, berangkat visa turis minggu ini. " +
  "Info: wa.me/855123456789";

const bot = useRunningBot((tg) => {
  officer = tg.createUser({
    firstName: "Bambang",
    lastName: "Sutrisno",
    username: "bambang_petugas",
    languageCode: "id",
  });
  member = tg.createUser({ firstName: "Anggota", languageCode: "id" });
  group = tg.createGroup({
    title: "Petugas Waspada",
    forum: true,
    members: [
      { user: officer, status: "administrator" },
      { user: member, status: "member" },
    ],
  });
  return { MODERATOR_CHAT_ID: String(group.id) };
});

async function fileReport(reporter: SimUser, consent = true): Promise<string> {
  await fillReport(reporter, "id", {
    offer: [OFFER],
    country: "KH",
    consent,
    sharePhone: consent ? "+6281377778888" : undefined,
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

/** The newest group message whose text contains `fragment`. */
async function groupSays(fragment: string, timeoutMs = 8000) {
  const call = await bot.tg.waitFor(
    (c) =>
      (c.method === "sendMessage" || c.method === "editMessageText") &&
      c.params.chat_id === group.id &&
      String(c.params.text).includes(fragment),
    timeoutMs,
  );
  return String(call.params.text);
}

/** Nothing the group received names the reporter. */
function expectNoTraceOf(reporter: SimUser, phone = "81377778888") {
  const user = reporter.user;
  for (const call of bot.tg.calls.filter((c) => c.params.chat_id === group.id)) {
    const dump = JSON.stringify(call.params);
    for (const trace of [user.first_name, user.username, String(user.id), phone].filter(Boolean))
      expect(dump).not.toContain(trace);
  }
}

describe("added information reaches the officers", () => {
  it("is posted in the case topic, text defanged and the photo re-sent, found by /find, without the reporter's identity", async () => {
    const reporter = bot.tg.createUser({ firstName: "Sulastri", username: "sulas_tri", languageCode: "id" });
    const id = await fileReport(reporter);
    const card = await cardOf(id);
    await reporter.send("/myreports");
    await reporter.waitForBotMessage();
    await reporter.click(text("id", "my-reports-add", { id }));
    await waitForText(reporter, text("id", "add-info-question", { id }));
    await reporter.send(
      "Dia juga minta transfer ke rekening. Nomor barunya +855 97 765 4321, situs https://rekrut-kh.example.com",
    );
    await reporter.sendPhoto({ caption: "bukti transfer" });
    await reporter.waitForBotMessage({
      predicate: (m) => (m.text ?? "").includes("1") && m.buttons !== undefined,
    });
    await reporter.click(text("id", "report-button-done"));
    await waitForText(reporter, text("id", "add-info-saved", { id }));

    const posted = await groupSays(text("id", "card-addition-posted", { id }));
    expect(posted).toContain("rekening");
    expect(posted).toContain("rekrut-kh[.]example[.]com");
    expect(posted).not.toContain("https://rekrut-kh.example.com");
    const inTopic = group.messagesInTopic(card.threadId!);
    expect(inTopic.some((m) => (m.text ?? "").includes("rekening"))).toBe(true);
    await bot.tg.waitFor(
      (c) =>
        c.method === "sendPhoto" &&
        c.params.chat_id === group.id &&
        c.params.message_thread_id === card.threadId,
      8000,
    );
    // Posted once, however often the card is edited afterwards.
    await officer.sendInGroup(group, "catatan petugas", { messageThreadId: card.threadId });
    await bot.tg.waitFor((c) => c.method === "editMessageText" && String(c.params.text).includes("📝"), 8000);
    expect(group.messages().filter((m) => (m.text ?? "").includes("rekening"))).toHaveLength(1);

    await officer.sendInGroup(group, "/find +855 97 765 4321");
    expect(await groupSays("🔎")).toContain(id);
    expectNoTraceOf(reporter);
  });

  it("does not index the reporter's own number that she wrote in the added text", async () => {
    const reporter = bot.tg.createUser({ firstName: "Wulan", languageCode: "id" });
    const id = await fileReport(reporter);
    await cardOf(id);
    await reporter.send("/myreports");
    await reporter.waitForBotMessage();
    await reporter.click(text("id", "my-reports-add", { id }));
    await waitForText(reporter, text("id", "add-info-question", { id }));
    await reporter.send("Hubungi saya di 081377778888 kalau perlu");
    await reporter.waitForBotMessage({
      predicate: (m) => m.buttons !== undefined && (m.text ?? "").includes("1"),
    });
    await reporter.click(text("id", "report-button-done"));
    await waitForText(reporter, text("id", "add-info-saved", { id }));
    const posted = await groupSays(text("id", "card-addition-posted", { id }));
    expect(posted).toContain(text("id", "card-addition-own-phone"));
    await officer.sendInGroup(group, "/find 081377778888");
    await groupSays(text("id", "find-none"));
    expectNoTraceOf(reporter);
  });
});

describe("a reporter's follow-up after answering an officer", () => {
  it("is offered to the officers instead of becoming a new check; Yes relays it, No keeps it", async () => {
    const reporter = bot.tg.createUser({ firstName: "Wati", username: "wati_ntb", languageCode: "id" });
    const id = await fileReport(reporter);
    const card = await cardOf(id);
    await officer.sendInGroup(group, "/ask Kapan terakhir ada kabar?", { messageThreadId: card.threadId });
    const question = await waitForText(reporter, "Kapan terakhir ada kabar?", 8000);
    await reporter.reply(question.messageId, "Dua hari lalu lewat WhatsApp");
    await waitForText(reporter, text("id", "reply-delivered", { id }));

    const verdicts = () =>
      reporter.botMessages().filter((m) => (m.text ?? "").includes(text("id", "check-reasons-title"))).length;
    const verdictsBefore = verdicts();
    await reporter.send("Oh iya, dia juga minta uang 5 juta untuk tiket");
    await waitForText(reporter, text("id", "reply-follow-up-ask", { id }));
    await reporter.click(text("id", "reply-follow-up-yes"));
    await waitForText(reporter, text("id", "reply-delivered", { id }));
    const relayed = await groupSays("5 juta");
    expect(relayed).toContain(text("id", "relay-reporter-answered", { id }));
    expect(group.messagesInTopic(card.threadId!).some((m) => (m.text ?? "").includes("5 juta"))).toBe(true);

    await reporter.send("Ini lowongan lain dari tetangga");
    await waitForText(reporter, text("id", "reply-follow-up-ask", { id }));
    await reporter.click(text("id", "reply-follow-up-no"));
    await waitForText(reporter, text("id", "reply-follow-up-kept", { id }));
    expect(group.messages().some((m) => (m.text ?? "").includes("tetangga"))).toBe(false);
    // Neither message was taken for an offer to check.
    expect(verdicts()).toBe(verdictsBefore);
    expectNoTraceOf(reporter);
  });
});

describe("every group command answers", () => {
  it("/start and /help list the officer commands; /ask outside a case says how to use it", async () => {
    await officer.sendInGroup(group, "/help");
    const help = await groupSays(text("id", "officer-help-title"));
    for (const command of ["/list", "/find", "/stats", "/ask", "/export", "/exchange", "/mark"])
      expect(help).toContain(command);
    await member.sendInGroup(group, "/start");
    await bot.tg.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        String(c.params.text).includes(text("id", "officer-help-title")) &&
        bot.tg.calls.filter((x) => String(x.params.text).includes(text("id", "officer-help-title")))
          .length === 2,
    );
    await officer.sendInGroup(group, "/ask Kapan berangkat?");
    await groupSays(text("id", "relay-ask-where"));
    await member.sendInGroup(group, "/ask Kapan berangkat?");
    await groupSays(text("id", "triage-not-officer"));
    await officer.sendInGroup(group, "/lsit");
    await groupSays(text("id", "officer-unknown-command"));
    // A command for another bot in the group is not ours to answer.
    await officer.sendInGroup(group, "/start@SomeOtherBot");
    await officer.sendInGroup(group, "/list");
    await groupSays(text("id", "list-none"));
    expect(
      bot.tg.calls.filter((c) => String(c.params.text ?? "").includes(text("id", "officer-unknown-command"))),
    ).toHaveLength(1);
  });
});

describe("cards and lists for officers", () => {
  it("names the officer who took the case, words reasons for officers, keeps only Reopen on a closed case", async () => {
    const reporter = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    const id = await fileReport(reporter);
    const card = await cardOf(id);
    expect(card.text).toContain(text("id", "card-reasons-title"));
    expect(card.text).toContain(text("id", "fp-reason-destination"));
    expect(card.text).not.toMatch(/\bAnda\b/);
    const stranger = bot.tg.createUser({ firstName: "Orang", languageCode: "id" });
    const refused = await stranger.clickInGroup(group.id, text("id", "card-button-take"), card);
    expect((await refused.answer()).text).toBe(text("id", "triage-not-officer"));

    await (await officer.clickInGroup(group.id, text("id", "card-button-take"), card)).answer();
    const taken = await groupSays("Bambang");
    expect(taken).toContain(`${text("id", "card-assigned")}: Bambang`);
    expect(taken).not.toContain("Sutrisno");
    expect(taken).toMatch(/\(Bambang\)/);

    await (await officer.clickInGroup(group.id, text("id", "card-button-close"), card)).answer();
    await expect.poll(async () => (await bot.app.reports.get(id))?.status).toBe("closed");
    await bot.tg.waitFor(
      (c) => c.method === "editMessageText" && String(c.params.text).includes(text("id", "status-closed")),
    );
    const closed = group.messages().find((m) => m.messageId === card.messageId)!;
    expect(closed.buttons?.flat().map((b) => b.text)).toEqual([text("id", "card-button-reopen")]);
    const refusedReopen = await stranger.clickInGroup(group.id, text("id", "card-button-reopen"), card);
    expect((await refusedReopen.answer()).text).toBe(text("id", "triage-not-officer"));
    expect((await bot.app.reports.get(id))?.status).toBe("closed");

    await (await officer.clickInGroup(group.id, text("id", "card-button-reopen"), card)).answer();
    await expect.poll(async () => (await bot.app.reports.get(id))?.status).toBe("in_review");
    await expect
      .poll(
        () =>
          group
            .messages()
            .find((m) => m.messageId === card.messageId)
            ?.buttons?.flat().length ?? 0,
      )
      .toBeGreaterThan(1);
    expectNoTraceOf(reporter);
  });

  it("/list understands Indonesian status words and says when a status has no cases", async () => {
    const reporter = bot.tg.createUser({ firstName: "Eka", languageCode: "id" });
    const id = await fileReport(reporter);
    await cardOf(id);
    await officer.sendInGroup(group, "/list baru");
    const fresh = await groupSays("📋");
    expect(fresh).toContain(id);
    expect(fresh).toContain(text("id", "status-received"));
    await officer.sendInGroup(group, "/list perlu info");
    expect(
      await groupSays(text("id", "list-none-status", { status: text("id", "status-needs_info") })),
    ).not.toContain("🎉");
    await officer.sendInGroup(group, "/list ditutup");
    await groupSays(text("id", "list-none-status", { status: text("id", "status-closed") }));
    await officer.sendInGroup(group, "/list entah");
    const usage = await groupSays("/list");
    expect(usage).toContain("perlu info");
    expect(usage).not.toMatch(/needs_info|in_review|confirmed_scam/);
  });
});
