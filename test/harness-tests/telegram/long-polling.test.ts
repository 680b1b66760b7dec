import { describe, expect, it } from "vitest";
import { expectTelegramError, useFakeTelegram } from "./helpers.js";

const ctx = useFakeTelegram();

const textFrom = (updates: Array<{ message?: { text?: string } }>) => updates.map((u) => u.message?.text);

describe("getUpdates", () => {
  it("re-delivers updates until a higher offset confirms them", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await user.send("satu");
    await user.send("dua");
    const first = await ctx.api.getUpdates();
    expect(textFrom(first)).toEqual(["satu", "dua"]);
    // Not confirmed yet: the same updates come again.
    expect((await ctx.api.getUpdates()).map((u) => u.update_id)).toEqual(first.map((u) => u.update_id));
    const afterFirst = await ctx.api.getUpdates({ offset: first[0]!.update_id + 1 });
    expect(textFrom(afterFirst)).toEqual(["dua"]);
    expect(await ctx.api.getUpdates({ offset: first[1]!.update_id + 1 })).toEqual([]);
    expect(ctx.tg.pendingUpdateCount).toBe(0);
  });

  it("honours limit and negative offsets", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    for (const text of ["a", "b", "c"]) await user.send(text);
    expect(textFrom(await ctx.api.getUpdates({ limit: 2 }))).toEqual(["a", "b"]);
    expect(textFrom(await ctx.api.getUpdates({ offset: -1 }))).toEqual(["c"]);
  });

  it("holds a long poll until an update arrives", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    const started = Date.now();
    const poll = ctx.api.getUpdates({ timeout: 10 });
    setTimeout(() => void user.send("halo"), 150);
    expect(textFrom(await poll)).toEqual(["halo"]);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(100);
    expect(waited).toBeLessThan(5000);
  });

  it("ends an empty long poll after its timeout", async () => {
    const started = Date.now();
    expect(await ctx.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("terminates the older of two concurrent polls with 409", async () => {
    const older = ctx.api.getUpdates({ timeout: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = ctx.api.getUpdates({ timeout: 0 });
    await expectTelegramError(
      older,
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    expect(await newer).toEqual([]);
  });

  it("filters by allowed_updates and remembers the setting", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    await ctx.api.getUpdates({ allowed_updates: ["callback_query"] });
    await user.send("tidak terlihat");
    expect(await ctx.api.getUpdates()).toEqual([]);
    expect(ctx.tg.filteredUpdates).toHaveLength(1);
    await ctx.api.getUpdates({ allowed_updates: [] });
    await user.send("terlihat");
    expect(textFrom(await ctx.api.getUpdates())).toEqual(["terlihat"]);
  });

  it("refuses getUpdates while a webhook is set", async () => {
    await ctx.api.setWebhook("http://127.0.0.1:9/hook");
    await expectTelegramError(
      ctx.api.getUpdates(),
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    await ctx.api.deleteWebhook();
    expect(await ctx.api.getUpdates()).toEqual([]);
  });

  it("gives deliverRaw updates exactly as built, duplicates included", async () => {
    const user = ctx.tg.createUser({ firstName: "Sari" });
    const update = user.buildTextUpdate("/help");
    await ctx.tg.deliverRaw(update);
    await ctx.tg.deliverRaw(update);
    const received = await ctx.api.getUpdates();
    expect(received).toEqual([update, update]);
    const nextId = await ctx.tg.deliver({ message: update.message! });
    expect(nextId).toBe(update.update_id + 1);
  });

  it("answers a waiting long poll with no updates when stopped", async () => {
    const poll = ctx.api.getUpdates({ timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ctx.tg.stop();
    expect(await poll).toEqual([]);
    // afterEach stops again; stopping twice must be harmless.
  });
});
