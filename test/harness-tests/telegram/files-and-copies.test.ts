import { InputFile } from "grammy";
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

async function startedUser(firstName = "Sari") {
  const user = ctx.tg.createUser({ firstName });
  await user.send("/start");
  return user;
}

async function download(filePath: string): Promise<Buffer> {
  const response = await fetch(`${ctx.tg.apiRoot}/file/bot${ctx.tg.token}/${filePath}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("files", () => {
  it("takes a multipart upload of a document and serves the same bytes back", async () => {
    const user = await startedUser();
    const bytes = Buffer.from("%PDF-1.4 laporan kasus\n");
    const sent = await ctx.api.sendDocument(user.id, new InputFile(bytes, "laporan.pdf"), {
      caption: "<b>Laporan</b>",
      parse_mode: "HTML",
    });
    expect(sent.document).toMatchObject({
      file_name: "laporan.pdf",
      mime_type: "application/pdf",
      file_size: bytes.length,
    });
    expect(sent.caption_entities).toEqual([{ type: "bold", offset: 0, length: 7 }]);
    const call = ctx.tg.callsOf("sendDocument")[0];
    expect(call?.params.chat_id).toBe(user.id);
    expect(call?.params.document).toMatchObject({ fileName: "laporan.pdf", size: bytes.length });

    const file = await ctx.api.getFile(sent.document!.file_id);
    expect(await download(file.file_path!)).toEqual(bytes);
    expect(user.lastBotMessage()).toMatchObject({ kind: "document", caption: "Laporan" });
  });

  it("parses multipart bodies written by fetch's FormData too", async () => {
    const user = await startedUser();
    const form = new FormData();
    form.set("chat_id", String(user.id));
    form.set("caption", "dari fetch");
    form.set("document", new Blob([Buffer.from("isi")]), "catatan.txt");
    const response = await fetch(`${ctx.tg.apiRoot}/bot${ctx.tg.token}/sendDocument`, {
      method: "POST",
      body: form,
    });
    expect(await response.json()).toMatchObject({
      ok: true,
      result: {
        caption: "dari fetch",
        document: { file_name: "catatan.txt", mime_type: "text/plain", file_size: 3 },
      },
    });
  });

  it("lets the bot download what a person sent, at the declared size", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    const message = await user.sendDocument({
      fileName: "kontrak.pdf",
      mimeType: "application/pdf",
      fileSize: 5000,
    });
    const file = await ctx.api.getFile(message.document!.file_id);
    expect(file).toMatchObject({ file_size: 5000, file_unique_id: message.document!.file_unique_id });
    expect((await download(file.file_path!)).length).toBe(5000);
  });

  it("refuses files over 20 MB in getFile and unknown file ids", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    const video = await user.sendVideo({ fileSize: 25 * 1024 * 1024 });
    await expectTelegramError(ctx.api.getFile(video.video!.file_id), 400, "Bad Request: file is too big");
    await expectTelegramError(ctx.api.getFile("nope"), 400, "Bad Request: invalid file_id");
    await expectTelegramError(
      ctx.api.sendPhoto(user.id, "nope"),
      400,
      "Bad Request: wrong file identifier/HTTP URL specified",
    );
  });

  it("re-sends a person's photo by file_id", async () => {
    const user = await startedUser();
    const officer = await startedUser("Officer");
    const photo = await user.sendPhoto({ caption: "lowongan", width: 800, height: 600 });
    const largest = photo.photo!.at(-1)!;
    expect(largest).toMatchObject({ width: 800, height: 600 });
    const sent = await ctx.api.sendPhoto(officer.id, largest.file_id, { caption: "Bukti" });
    expect(sent.photo?.at(-1)?.file_unique_id).toBe(largest.file_unique_id);
    expect(officer.lastBotMessage()).toMatchObject({ kind: "photo", caption: "Bukti" });
  });

  it("sends albums of 2-10 items", async () => {
    const user = await startedUser();
    const one = { type: "photo" as const, media: new InputFile(Buffer.from("jpg1"), "1.jpg") };
    await expectTelegramError(ctx.api.sendMediaGroup(user.id, [one]), 400, /2-10/);
    const album = await ctx.api.sendMediaGroup(user.id, [
      { type: "photo", media: new InputFile(Buffer.from("jpg1"), "1.jpg"), caption: "satu" },
      { type: "video", media: new InputFile(Buffer.from("mp4"), "2.mp4") },
    ]);
    const [photo, video] = album as Message[];
    expect(photo?.media_group_id).toBeDefined();
    expect(video?.media_group_id).toBe(photo?.media_group_id);
    expect(user.botMessages().map((m) => m.kind)).toEqual(["photo", "video"]);
    const photoId = photo!.photo!.at(-1)!.file_id;
    const eleven = Array.from({ length: 11 }, () => ({ type: "photo" as const, media: photoId }));
    await expectTelegramError(
      ctx.api.sendMediaGroup(user.id, eleven),
      400,
      "Bad Request: too many messages to send as an album",
    );
    const mixed = [
      { type: "photo", media: photoId },
      { type: "document", media: new InputFile(Buffer.from("doc"), "3.txt") },
    ];
    await expectTelegramError(
      ctx.api.raw.sendMediaGroup({ chat_id: user.id, media: mixed as never }),
      400,
      "Bad Request: document can't be mixed with other media types",
    );
  });
});

describe("copy and forward", () => {
  it("copies without a link to the source and forwards with one", async () => {
    const reporter = ctx.tg.createUser({ firstName: "Reporter", username: "reporter1" });
    const channel = ctx.tg.createChannel({ title: "Focal point KH" });
    const report = await reporter.send("Lowongan di Kamboja https://kerja-luar.example.com");

    const copy = await ctx.api.copyMessage(channel.id, reporter.id, report.message_id);
    const copied = channel.messages().find((m) => m.messageId === copy.message_id);
    expect(copied?.text).toBe(report.text);
    expect(copied?.raw.forward_origin).toBeUndefined();
    expect(copied?.forwarded).toBe(false);

    const forwarded = await ctx.api.forwardMessage(channel.id, reporter.id, report.message_id);
    expect(forwarded.forward_origin).toMatchObject({ type: "user", sender_user: { id: reporter.id } });
    expect(forwarded.sender_chat?.id).toBe(channel.id);
  });

  it("refuses to copy a message that does not exist and skips missing ones in copyMessages", async () => {
    const user = await startedUser();
    const channel = ctx.tg.createChannel({ title: "Focal point KH" });
    await expectTelegramError(
      ctx.api.copyMessage(channel.id, user.id, 999),
      400,
      "Bad Request: message to copy not found",
    );
    const a = await user.send("a");
    const b = await user.send("b");
    const copies = await ctx.api.copyMessages(channel.id, user.id, [b.message_id, 999, a.message_id]);
    expect(copies).toHaveLength(2);
    expect(channel.messages().map((m) => m.text)).toEqual(["a", "b"]);
  });

  it("copies into a forum topic", async () => {
    const user = await startedUser();
    const forum = ctx.tg.createGroup({ title: "Officers", forum: true });
    const topic = await ctx.api.createForumTopic(forum.id, "Kasus 1");
    const report = await user.sendPhoto({ caption: "bukti" });
    await ctx.api.copyMessage(forum.id, user.id, report.message_id, {
      message_thread_id: topic.message_thread_id,
      caption: "Bukti dari pelapor",
    });
    const inTopic = forum.messagesInTopic(topic.message_thread_id);
    expect(inTopic.map((m) => [m.kind, m.caption])).toEqual([
      ["service", undefined],
      ["photo", "Bukti dari pelapor"],
    ]);
  });
});
