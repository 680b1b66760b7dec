/**
 * Phishing the officers through the bot: whoever files a report can answer the officers' questions,
 * and an answer could carry a hidden link ("klik di sini" → a fake login page), a bare IP address,
 * a file, or buttons. Officers receive text with every address written out and defanged, a
 * screenshot as a photo, nothing else — and one answer per question.
 */
import { describe, expect, it } from "vitest";
import { fillReport, sendReport, text, waitForText } from "#src/playground/report-driver.js";
import { useRunningBot } from "../harness/running-bot.js";
import type { SimChat, SimUser } from "../harness/telegram/index.js";

const OFFER =
  "CS online di Kamboja, gaji 1.200 USD, tanpa pengalaman, tiket & visa ditanggung, berangkat visa turis. wa.me/855123456789";

let group: SimChat;
let officer: SimUser;

const bot = useRunningBot((tg) => {
  officer = tg.createUser({ firstName: "Bambang", languageCode: "id" });
  group = tg.createGroup({
    title: "Petugas",
    forum: true,
    members: [{ user: officer, status: "administrator" }],
  });
  return { MODERATOR_CHAT_ID: String(group.id) };
});

async function askTheReporter(reporter: SimUser, id: string, question: string) {
  const card = await bot.tg.waitFor(
    (c) => c.method === "sendMessage" && c.params.chat_id === group.id && String(c.params.text).includes(id),
    10_000,
  );
  await officer.sendInGroup(group, `/ask ${question}`, {
    messageThreadId: Number(card.params.message_thread_id),
  });
  return waitForText(reporter, question, 8000);
}

describe("an answer to the officers", () => {
  it("with a hidden link and an IP address arrives as plain text, every address shown and defanged", async () => {
    const reporter = bot.tg.createUser({ firstName: "Eko", languageCode: "id" });
    await fillReport(reporter, "id", { offer: [OFFER], country: "KH", consent: true });
    const id = await sendReport(reporter, "id");
    const question = await askTheReporter(reporter, id, "Apakah ada bukti transfer?");

    const answer = "Bukti ada di sini, atau lihat 198.51.100.7/bukti";
    await reporter.replyFormatted(question.messageId, answer, [
      { type: "text_link", offset: 5, length: 4, url: "https://login.petugas-bp2mi.example/verify" },
      { type: "bold", offset: 0, length: 5 },
    ]);
    await waitForText(reporter, text("id", "reply-delivered", { id }));
    const relayed = await bot.tg.waitFor(
      (c) =>
        c.method === "sendMessage" &&
        c.params.chat_id === group.id &&
        String(c.params.text).includes("Bukti"),
      8000,
    );
    const shown = String(relayed.params.text);
    expect(shown).toContain("Bukti ada (hxxps://login[.]petugas-bp2mi[.]example/verify) di sini");
    expect(shown).toContain("198[.]51[.]100[.]7/bukti");
    expect(relayed.params.entities).toBeUndefined();
    expect(relayed.params.reply_markup).toBeUndefined();
    const delivered = group.messages().find((m) => (m.text ?? "").includes("Bukti ada"))!;
    expect((delivered.entities ?? []).filter((e) => e.type === "url" || e.type === "text_link")).toEqual([]);
    expect(bot.tg.callsOf("copyMessage")).toEqual([]);

    // One answer per question.
    await reporter.reply(question.messageId, "satu lagi: https://evil.example");
    await waitForText(reporter, text("id", "reply-already-answered", { id }));
    expect(group.messages().some((m) => (m.text ?? "").includes("satu lagi"))).toBe(false);
  }, 30_000);

  it("as a file is refused with a clear answer; as a screenshot it arrives as a photo", async () => {
    const reporter = bot.tg.createUser({ firstName: "Rina", languageCode: "id" });
    await fillReport(reporter, "id", { offer: [OFFER], country: "KH", consent: true });
    const id = await sendReport(reporter, "id");
    const question = await askTheReporter(reporter, id, "Ada foto kontraknya?");

    // A file (it could be anything, with any name and metadata) is not passed on.
    await reporter.replyWithMedia(question.messageId, {
      document: { fileName: "bukti.html", mimeType: "text/html", fileSize: 2000 },
    });
    await waitForText(reporter, text("id", "reply-unsupported", { id }));
    expect(bot.tg.callsOf("sendDocument").filter((c) => c.params.chat_id === group.id)).toEqual([]);

    await reporter.replyWithMedia(question.messageId, {
      photo: { caption: "kontrak, lihat https://evil.example/x" },
    });
    await waitForText(reporter, text("id", "reply-delivered", { id }));
    const photo = await bot.tg.waitFor(
      (c) => c.method === "sendPhoto" && c.params.chat_id === group.id,
      8000,
    );
    expect(String(photo.params.caption)).toContain("hxxps://evil[.]example/x");
    expect(String(photo.params.caption)).toContain(id);
    expect(bot.tg.callsOf("copyMessage")).toEqual([]);
  }, 30_000);
});
