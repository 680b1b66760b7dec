/** The weekly digest: each focal channel hears, in its language, what is new, open and unanswered — once a week. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFocalDigest } from "#src/jobs/focal-digest.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import type { SimChat } from "../../harness/telegram/index.js";
import { createReport, type JobWorld, resetWorld, startWorld } from "./harness.js";

let world: JobWorld;
let kh: SimChat;

beforeAll(async () => {
  world = await startWorld();
});
beforeEach(async () => {
  await resetWorld(world);
  kh = world.tg.createChannel({ title: "Focal point KH" });
});
afterAll(() => world.close());

async function posted(reportId: string, chatId: number, at: Date) {
  await world.redis.hset(world.keys.reportPosts(reportId), String(chatId), "1");
  await world.redis.hset(world.keys.reportForwarding(reportId), `${chatId}:done`, at.toISOString());
}

describe("the weekly digest", () => {
  it("counts new, open and unanswered cases of its channel and posts them once a week, in Khmer", async () => {
    const responses = new FocalResponses(world.redis, world.keys);
    const digest = createFocalDigest(world.newRunner(), {
      api: world.api,
      reports: world.store,
      responses,
      redis: world.redis,
      keys: world.keys,
      channels: { KH: kh.id },
      localeOf: () => "km",
      i18n: world.i18n,
      logger: world.logger,
    });
    const answered = await createReport(world);
    const waiting = await createReport(world);
    const closed = await createReport(world);
    const elsewhere = await createReport(world);
    const now = new Date();
    await posted(answered.id, kh.id, now);
    await posted(waiting.id, kh.id, new Date(now.getTime() - 10 * 24 * 60 * 60 * 1000));
    await posted(closed.id, kh.id, now);
    await posted(elsewhere.id, -100999, now);
    await world.store.setStatus(closed.id, "closed", "officer:1");
    await responses.add(answered.id, {
      answer: "received",
      chatId: kh.id,
      country: "KH",
      at: now.toISOString(),
    });

    expect(await digest.figures(kh.id, now)).toEqual({ newCases: 2, open: 2, outstanding: 1 });
    const messageId = await digest.send(kh.id, now);
    expect(messageId).toBeDefined();
    expect(await digest.send(kh.id, now)).toBeUndefined(); // once per week
    const [message] = kh.messages();
    const t = (key: string, args?: Record<string, string | number>) => world.i18n.t("km", key, args);
    expect(message?.text).toContain(t("fp-digest-new", { count: 2 }));
    expect(message?.text).toContain(t("fp-digest-open", { count: 2 }));
    expect(message?.text).toContain(t("fp-digest-outstanding", { count: 1 }));
    expect(kh.messages()).toHaveLength(1);
  });
});
