import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

describe("who the bot may write to", () => {
  it("cannot start a conversation with a person who never wrote to it", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "Halo"),
      403,
      "Forbidden: bot can't initiate conversation with a user",
    );
  });

  it("gets 403 while the person has blocked the bot", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("/start");
    user.blockBot();
    await expectTelegramError(
      ctx.api.sendMessage(user.id, "Halo"),
      403,
      "Forbidden: bot was blocked by the user",
    );
    user.unblockBot();
    await ctx.api.sendMessage(user.id, "Halo lagi");
  });

  it("answers chat not found for unknown ids", async () => {
    await expectTelegramError(ctx.api.sendMessage(777, "x"), 400, "Bad Request: chat not found");
    await expectTelegramError(ctx.api.sendMessage(-1009999, "x"), 400, "Bad Request: chat not found");
  });

  it("posts to a channel only as its admin, with sender_chat", async () => {
    const channel = ctx.tg.createChannel({ title: "Focal point KH", username: "focal_kh" });
    const post = await ctx.api.sendMessage("@focal_kh", "Laporan baru");
    expect(post.chat).toEqual({
      id: channel.id,
      type: "channel",
      title: "Focal point KH",
      username: "focal_kh",
    });
    expect(post.sender_chat?.id).toBe(channel.id);
    expect(post.from).toBeUndefined();
    const closed = ctx.tg.createChannel({ title: "Closed", botIsAdmin: false });
    await expectTelegramError(
      ctx.api.sendMessage(closed.id, "x"),
      403,
      "Forbidden: bot is not a member of the channel chat",
    );
  });

  it("stops posting to a group after leaving it", async () => {
    const group = ctx.tg.createGroup({ title: "Officers", supergroup: true });
    await ctx.api.sendMessage(group.id, "Halo petugas");
    expect(await ctx.api.leaveChat(group.id)).toBe(true);
    await expectTelegramError(
      ctx.api.sendMessage(group.id, "x"),
      403,
      "Forbidden: bot is not a member of the supergroup chat",
    );
    const basic = ctx.tg.createGroup({ title: "Small group" });
    ctx.tg.setMemberStatus(basic.id, ctx.tg.botId, "kicked");
    await expectTelegramError(
      ctx.api.sendMessage(basic.id, "x"),
      403,
      "Forbidden: bot was kicked from the group chat",
    );
  });
});

describe("messages in chats", () => {
  it("numbers messages per chat and dates them in seconds", async () => {
    const sari = ctx.tg.createUser({ firstName: "Sari" });
    const budi = ctx.tg.createUser({ firstName: "Budi" });
    await sari.send("/start");
    await budi.send("/start");
    const toSari = await ctx.api.sendMessage(sari.id, "1");
    const toBudi = await ctx.api.sendMessage(budi.id, "1");
    expect(toSari.message_id).toBe(2);
    expect(toBudi.message_id).toBe(2);
    expect(Math.abs(toSari.date - Date.now() / 1000)).toBeLessThan(5);
    expect(toSari.chat).toEqual({ id: sari.id, type: "private", first_name: "Sari" });
    expect(toSari.from).toMatchObject({ id: ctx.tg.botId, is_bot: true });
  });

  it("keeps forum topics apart and refuses unknown threads", async () => {
    const forum = ctx.tg.createGroup({ title: "Officers", forum: true });
    const topic = await ctx.api.createForumTopic(forum.id, "Case 17");
    expect(topic).toMatchObject({
      name: "Case 17",
      icon_color: 0x6fb9f0,
      message_thread_id: expect.any(Number),
    });
    const inTopic = await ctx.api.sendMessage(forum.id, "Laporan", {
      message_thread_id: topic.message_thread_id,
    });
    expect(inTopic).toMatchObject({
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
      chat: { type: "supergroup", is_forum: true },
    });
    expect(forum.messagesInTopic(topic.message_thread_id).map((m) => m.text)).toContain("Laporan");
    await expectTelegramError(
      ctx.api.sendMessage(forum.id, "x", { message_thread_id: 9999 }),
      400,
      "Bad Request: message thread not found",
    );
  });

  it("creates topics only in forums where the bot is admin", async () => {
    const plain = ctx.tg.createGroup({ title: "Plain", supergroup: true });
    await expectTelegramError(
      ctx.api.createForumTopic(plain.id, "x"),
      400,
      "Bad Request: the chat is not a forum",
    );
    const forum = ctx.tg.createGroup({ title: "Forum", forum: true, botStatus: "member" });
    await expectTelegramError(
      ctx.api.createForumTopic(forum.id, "x"),
      400,
      "Bad Request: not enough rights to create a topic",
    );
  });
});

describe("members", () => {
  it("reports member statuses, left for known outsiders and user not found for strangers", async () => {
    const lead = ctx.tg.createUser({ firstName: "Lead" });
    const officer = ctx.tg.createUser({ firstName: "Officer" });
    const outsider = ctx.tg.createUser({ firstName: "Outsider" });
    const group = ctx.tg.createGroup({
      title: "Officers",
      supergroup: true,
      botStatus: "administrator",
      members: [
        { user: lead, status: "creator" },
        { user: officer, status: "administrator" },
      ],
    });
    expect((await ctx.api.getChatMember(group.id, officer.id)).status).toBe("administrator");
    expect((await ctx.api.getChatMember(group.id, outsider.id)).status).toBe("left");
    expect((await ctx.api.getChatMember(group.id, ctx.tg.botId)).status).toBe("administrator");
    await expectTelegramError(ctx.api.getChatMember(group.id, 5), 400, "Bad Request: user not found");

    const admins = await ctx.api.getChatAdministrators(group.id);
    expect(admins.map((a) => [a.user.first_name, a.status])).toEqual([
      ["Lead", "creator"],
      ["Officer", "administrator"],
      ["Waspada", "administrator"],
    ]);

    ctx.tg.setMemberStatus(group.id, officer.id, "member");
    expect((await ctx.api.getChatMember(group.id, officer.id)).status).toBe("member");
  });

  it("describes chats with getChat", async () => {
    const group = ctx.tg.createGroup({ title: "Officers", forum: true });
    expect(await ctx.api.getChat(group.id)).toMatchObject({
      id: group.id,
      type: "supergroup",
      is_forum: true,
    });
    expect(group.id).toBeLessThan(-1_000_000_000_000);
  });
});
