/** Buttons under channel posts, and membership changes in channels, as Telegram shows them to a bot. */
import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

describe("buttons under a channel post", () => {
  it("reach the bot as a callback query from the person who pressed, on the channel's message", async () => {
    const reader = ctx.tg.createUser({ firstName: "Sokha" });
    const channel = ctx.tg.createChannel({ title: "Focal point KH" });
    ctx.tg.setMemberStatus(channel.id, reader.id, "member");
    const post = await ctx.api.sendMessage(channel.id, "Case K7QM-4T2X", {
      reply_markup: { inline_keyboard: [[{ text: "Received", callback_data: "fp:K7QM-4T2X:received" }]] },
    });
    const click = await reader.clickInChannel(channel.id, "Received");
    const [update] = await ctx.api.getUpdates();
    expect(update?.callback_query).toMatchObject({
      id: click.callbackQueryId,
      from: { id: reader.id },
      data: "fp:K7QM-4T2X:received",
      message: { message_id: post.message_id, chat: { id: channel.id, type: "channel" } },
    });
    await ctx.api.answerCallbackQuery(click.callbackQueryId, {
      text: "Only administrators",
      show_alert: true,
    });
    expect(await click.answer()).toMatchObject({ text: "Only administrators", showAlert: true });
  });

  it("cannot be pressed by someone who cannot see a private channel", async () => {
    const outsider = ctx.tg.createUser({ firstName: "Outsider" });
    const channel = ctx.tg.createChannel({ title: "Private focal point" });
    await ctx.api.sendMessage(channel.id, "Case", {
      reply_markup: { inline_keyboard: [[{ text: "Received", callback_data: "fp:x" }]] },
    });
    await expect(outsider.clickInChannel(channel.id, "Received")).rejects.toThrow(/cannot see/);
  });

  it("can be edited by the bot after a press, buttons included", async () => {
    const admin = ctx.tg.createUser({ firstName: "Admin" });
    const channel = ctx.tg.createChannel({ title: "Focal point KH" });
    ctx.tg.setMemberStatus(channel.id, admin.id, "administrator");
    const post = await ctx.api.sendMessage(channel.id, "Response: none", {
      reply_markup: { inline_keyboard: [[{ text: "Received", callback_data: "fp:a" }]] },
    });
    await admin.clickInChannel(channel.id, "fp:a");
    await ctx.api.editMessageText(channel.id, post.message_id, "Response: received", {
      reply_markup: { inline_keyboard: [[{ text: "Investigating", callback_data: "fp:b" }]] },
    });
    const [shown] = channel.messages();
    expect(shown).toMatchObject({ text: "Response: received", edited: true });
    expect(shown?.buttons?.flat().map((b) => b.text)).toEqual(["Investigating"]);
  });
});

describe("membership changes in a channel", () => {
  it("answer getChatMember with the new status and reach the bot as chat_member when it asked for them", async () => {
    const admin = ctx.tg.createUser({ firstName: "Dara" });
    const channel = ctx.tg.createChannel({ title: "Focal point KH" });
    ctx.tg.setMemberStatus(channel.id, admin.id, "administrator");
    expect((await ctx.api.getChatMember(channel.id, admin.id)).status).toBe("administrator");
    await ctx.api.getUpdates({ allowed_updates: ["chat_member"], timeout: 0 });
    await ctx.tg.changeMemberStatus(channel.id, admin.id, "member");
    expect((await ctx.api.getChatMember(channel.id, admin.id)).status).toBe("member");
    const [update] = await ctx.api.getUpdates({ allowed_updates: ["chat_member"] });
    expect(update?.chat_member).toMatchObject({
      chat: { id: channel.id },
      old_chat_member: { status: "administrator", user: { id: admin.id } },
      new_chat_member: { status: "member", user: { id: admin.id } },
    });
  });

  it("send no update where the bot is not an administrator, and getChatMember fails there", async () => {
    const someone = ctx.tg.createUser({ firstName: "Someone" });
    const channel = ctx.tg.createChannel({ title: "Not ours", botIsAdmin: false });
    expect(await ctx.tg.changeMemberStatus(channel.id, someone.id, "member")).toBeUndefined();
    await expectTelegramError(ctx.api.getChatMember(channel.id, someone.id), 403, /not a member/);
  });
});
