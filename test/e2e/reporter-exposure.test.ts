/**
 * The attack on the reporter's anonymity, as it happens in everyday use: Siti reports a recruiter
 * with messages forwarded from her own thread with him (her own messages among them) and a
 * warning her brother forwarded to her. She shares her phone for officers to call. The case goes
 * to the moderator group and to the focal point abroad; an officer asks her a question through
 * the bot and exports the cases. Then she erases herself.
 *
 * Nothing the bot sent to any group or channel, no export, and no Redis value left after /delete
 * may carry her Telegram id, names, username or phone — nor her brother's.
 */
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForText } from "#src/playground/report-driver.js";
import { dumpRedis } from "../harness/redis-dump.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { RecordedCall, SimChat, SimUser } from "../harness/telegram/index.js";

const OFFER =
  "Lowongan CS online di Kamboja! Gaji 15jt/bulan, tanpa pengalaman, tiket & visa ditanggung, berangkat visa turis. " +
  "Hubungi HRD: wa.me/855123456789";
const PHONE = "+6281377771234";
const BROTHER = { id: 5_550_777_123, firstName: "Budi Santoso", username: "budi_santoso" };

let group: SimChat;
let kh: SimChat;
let officer: SimUser;

const bot = useRunningBot((tg) => {
  officer = tg.createUser({ firstName: "Bambang", username: "bambang_petugas", languageCode: "id" });
  group = tg.createGroup({
    title: "Petugas",
    forum: true,
    members: [{ user: officer, status: "administrator" }],
  });
  kh = tg.createChannel({ title: "Focal point KH" });
  // auto: a high case goes to the focal point at once (review would wait for an officer).
  return {
    MODERATOR_CHAT_ID: String(group.id),
    FOCAL_CHANNELS: `KH=${kh.id},default=${kh.id}`,
    FORWARD_MODE: "auto",
  };
});

/** Everything the bot sent into chats other than the reporter's own, with the files it uploaded. */
function sentOutside(
  calls: readonly RecordedCall[],
  reporterChat: number,
  files: (id: string) => string,
): string {
  return calls
    .filter((c) => c.params.chat_id !== undefined && Number(c.params.chat_id) !== reporterChat)
    .map((c) => {
      const document = (c.result as { document?: { file_id: string } } | undefined)?.document;
      return `${c.method} ${JSON.stringify(c.params)} ${document ? files(document.file_id) : ""}`;
    })
    .join("\n");
}

/** Her traces: the id as a whole number, names, username, phone in the forms people write it. */
function traces(siti: SimUser): Array<string | RegExp> {
  return [
    new RegExp(`(?<!\\d)${siti.id}(?!\\d)`),
    "Siti",
    "Aminah",
    "siti_aminah",
    "6281377771234",
    "81377771234",
    new RegExp(`(?<!\\d)${BROTHER.id}(?!\\d)`),
    "Budi",
    "Santoso",
    "budi_santoso",
  ];
}

function expectNone(haystack: string, needles: Array<string | RegExp>, where: string): void {
  for (const needle of needles) {
    if (typeof needle === "string")
      expect(haystack.toLowerCase(), `${where}: ${needle}`).not.toContain(needle.toLowerCase());
    else expect(haystack, `${where}: ${needle}`).not.toMatch(needle);
  }
}

describe("a reporter is never exposed", () => {
  it("her own forwarded messages and her brother's never make either of them a recruiter, anywhere, and /delete leaves nothing", async () => {
    const { tg, app } = bot;
    const siti = tg.createUser({
      firstName: "Siti",
      lastName: "Aminah",
      username: "siti_aminah",
      languageCode: "id",
    });

    await fillReport(siti, "id", {
      offer: [OFFER],
      forwards: [
        { text: "Pak, saya mau daftar kerja CS itu. Berangkat kapan?", from: siti },
        { text: "Dik, hati-hati, kerja di Kamboja itu banyak penipuan", from: BROTHER },
      ],
      photos: 1,
      country: "KH",
      consent: true,
      sharePhone: PHONE,
      senderIsRecruiter: false,
    });
    // Asked about her brother only, never about herself, and neither answer was pre-selected.
    const asked = siti
      .chat()
      .filter((m) =>
        (m.text ?? "").includes(text("id", "report-sender-question", { sender: "" }).slice(0, 30)),
      );
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain("budi_santoso");
    expect(asked[0]!.text).not.toContain("siti_aminah");
    const id = await sendReport(siti, "id");

    // The case card, its screenshot and the focal-point post.
    await tg.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === kh.id, 10_000);
    const card = await tg.waitFor(
      (c) =>
        c.method === "sendMessage" && c.params.chat_id === group.id && String(c.params.text).includes(id),
      10_000,
    );
    const threadId = Number(card.params.message_thread_id);
    const report = await app.reports.get(id);
    expect(report?.recruiter.identifiers.map((i) => i.kind)).not.toContain("telegram_user_id");
    expect(report?.recruiter.identifiers.map((i) => i.kind)).not.toContain("telegram_handle");
    expect(JSON.stringify(report)).not.toContain("budi");

    // An officer asks her something through the bot; she answers.
    await officer.sendInGroup(group, "/ask Kapan terakhir dihubungi HRD?", { messageThreadId: threadId });
    const question = await waitForText(siti, "Kapan terakhir dihubungi HRD?", 8000);
    await siti.reply(question.messageId, "Kemarin sore lewat WhatsApp");
    await waitForText(siti, text("id", "reply-delivered", { id }));

    // The officers' export.
    await officer.sendInGroup(group, "/export");
    await tg.waitFor((c) => c.method === "sendDocument" && c.params.chat_id === group.id, 8000);

    const files = (fileId: string) => tg.fileContents(fileId)?.toString("utf8") ?? "";
    const outside = sentOutside(tg.calls, siti.id, files);
    expect(outside).toContain(id); // the scan sees the card, the post and the export
    expect(outside).toContain("Kemarin sore");
    expectNone(outside, traces(siti), "sent to a group or channel");
    // Her brother was never indexed: nobody forwarding his messages learns he was "reported".
    expect(
      await app.reports.lookup.lookup([{ kind: "telegram_user_id", value: String(BROTHER.id) }]),
    ).toEqual([]);
    expect(await app.reports.lookup.lookup([{ kind: "telegram_user_id", value: String(siti.id) }])).toEqual(
      [],
    );

    // She erases herself.
    await siti.send("/delete");
    await siti.waitForBotMessage();
    await siti.click(text("id", "delete-confirm"));
    await waitForText(siti, text("id", "delete-done", { count: 1 }).slice(0, 12));
    expectNone(await dumpRedis(app.redis as Redis), traces(siti), "Redis after /delete");
    // The case stays for the officers, anonymised.
    expect((await app.reports.get(id))?.reporterRef).toBeNull();
  }, 60_000);
});
