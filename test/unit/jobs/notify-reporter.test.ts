/**
 * The reporter hears about their case once per status, in their language, through the bot — and
 * not at all once they erased themselves or blocked the bot. Officers' questions reach them
 * without either side learning who the other is, and their reply can be routed back to the case.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NOTIFY_QUEUE, RELAY_QUEUE } from "#src/jobs/notify-reporter.js";
import type { SimUser } from "../../harness/telegram/index.js";
import {
  createReport,
  eventually,
  type JobWorld,
  resetWorld,
  sleep,
  startNotifications,
  startWorld,
} from "./harness.js";

let world: JobWorld;
let budi: SimUser;
let sari: SimUser;

beforeAll(async () => {
  world = await startWorld();
});
beforeEach(async () => {
  await resetWorld(world);
  budi = world.tg.createUser({ firstName: "Budi", languageCode: "id" });
  sari = world.tg.createUser({ firstName: "Sari", languageCode: "en" });
  await budi.send("/start");
  await sari.send("/start");
});
afterAll(() => world.close());

const fromBot = (user: SimUser) => world.tg.messagesIn(user.id).filter((m) => m.from === "bot");
const noMedia = { offer: { texts: [{ text: "Lowongan CS" }], media: [] } };

async function changeStatus(id: string, to: Parameters<typeof world.store.setStatus>[1]) {
  const result = await world.store.setStatus(id, to, "officer:42");
  if (!result.ok) throw new Error(`could not change status: ${result.reason}`);
  return result.report;
}

describe("status notifications", () => {
  it("tells the reporter once per status version, in their language", async () => {
    const { notifications } = startNotifications(world);
    const budis = await createReport(world, noMedia, { user: budi, locale: "id" });
    const saris = await createReport(world, noMedia, { user: sari, locale: "en" });
    const confirmedId = await changeStatus(budis.id, "confirmed_scam");
    const confirmedEn = await changeStatus(saris.id, "confirmed_scam");
    await notifications.notifyStatus(confirmedId);
    await notifications.notifyStatus(confirmedId); // a repeated event
    await notifications.notifyStatus(confirmedEn);

    await eventually(() => expect(fromBot(budi)).toHaveLength(1));
    await eventually(() => expect(fromBot(sari)).toHaveLength(1));
    expect(fromBot(budi)[0]!.text).toBe(world.i18n.t("id", "notify-status-confirmed_scam", { id: budis.id }));
    expect(fromBot(budi)[0]!.text).toContain(
      `Kabar tentang laporan ${budis.id}: petugas memastikan ini penipuan.`,
    );
    expect(fromBot(sari)[0]!.text).toContain(
      `Update on your case ${saris.id}: officers confirmed it is a scam.`,
    );

    // Even a job run again from scratch (its BullMQ record gone) sends nothing new.
    const queue = world.runners[0]!.queue(NOTIFY_QUEUE);
    await queue.remove(`notify/${budis.id}/${confirmedId.statusVersion}`);
    await notifications.notifyStatus(confirmedId);
    await sleep(400);
    expect(fromBot(budi)).toHaveLength(1);

    // The next status is a new version and is told.
    await notifications.notifyStatus(await changeStatus(budis.id, "escalated"));
    await eventually(() => expect(fromBot(budi)).toHaveLength(2));
    expect(fromBot(budi)[1]!.text).toContain("diteruskan ke petugas penghubung di negara tujuan");
  });

  it("says nothing about not_scam, nor about a status already replaced by a newer one", async () => {
    const { notifications } = startNotifications(world);
    const report = await createReport(world, noMedia, { user: budi });
    const inReview = await changeStatus(report.id, "in_review");
    const notScam = await changeStatus(report.id, "not_scam");
    await notifications.notifyStatus(inReview); // queued late, after the case moved on
    await notifications.notifyStatus(notScam);
    await sleep(500);
    expect(fromBot(budi)).toEqual([]);
  });

  it("sends nothing after the reporter erased themselves", async () => {
    const { notifications, runner } = startNotifications(world);
    await runner.stop(); // the job waits in the queue while the reporter erases themselves
    const report = await createReport(world, noMedia, { user: budi });
    const inReview = await changeStatus(report.id, "in_review");
    await notifications.notifyStatus(inReview);
    await world.store.eraseReporter(report.reporterRef!);
    const erased = await world.store.get(report.id);
    expect(erased?.reporterRef).toBeNull();
    await notifications.notifyStatus(await changeStatus(report.id, "confirmed_scam"));

    startNotifications(world);
    await sleep(600);
    expect(fromBot(budi)).toEqual([]);
    expect(world.tg.callsOf("sendMessage")).toEqual([]);
  });

  it("marks a reporter who blocked the bot and stops, without retrying", async () => {
    const { notifications } = startNotifications(world);
    const report = await createReport(world, noMedia, { user: budi });
    budi.blockBot();
    await notifications.notifyStatus(await changeStatus(report.id, "in_review"));
    await eventually(async () =>
      expect((await world.store.reporterOf(report.reporterRef!))?.blocked).toBe(true),
    );
    await notifications.notifyStatus(await changeStatus(report.id, "confirmed_scam"));
    await sleep(1200);
    const calls = world.tg.callsOf("sendMessage");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      status: 403,
      description: expect.stringContaining("blocked by the user"),
    });
  });

  it("does not repeat a notification whose answer was lost", async () => {
    const { notifications } = startNotifications(world);
    world.tg.inject({ method: "sendMessage", dropConnection: true, afterProcessing: true });
    const report = await createReport(world, noMedia, { user: budi });
    await notifications.notifyStatus(await changeStatus(report.id, "in_review"));
    await eventually(() => expect(fromBot(budi)).toHaveLength(1));
    await sleep(1500); // the retry (after 1 s) finds the unconfirmed send and stops
    expect(world.tg.callsOf("sendMessage")).toHaveLength(1);
    expect(fromBot(budi)).toHaveLength(1);
  });
});

describe("relayed questions", () => {
  it("reach a consenting reporter from 'the officer handling the case', and their reply can be routed", async () => {
    const { notifications } = startNotifications(world);
    const report = await createReport(world, noMedia, { user: sari, locale: "en", contactConsent: true });
    const question = "When did <b>they</b> last write? Was it from +855 12 345 678?";
    await notifications.relay(report.id, question, "q1");
    await notifications.relay(report.id, question, "q1"); // the officer pressed twice
    await eventually(() => expect(fromBot(sari)).toHaveLength(1));
    await sleep(300);
    expect(fromBot(sari)).toHaveLength(1);

    const message = fromBot(sari)[0]!;
    expect(message.text).toBe(
      `💬 The officer handling case ${report.id} asks:\n\n${question}\n\n${world.i18n.t("en", "relay-how-to-answer")}`,
    );
    const call = world.tg.callsOf("sendMessage")[0]!;
    expect(call.params.parse_mode).toBeUndefined();
    expect(call.params.reply_markup).toMatchObject({ force_reply: true });
    expect(await notifications.relayState(report.id, "q1")).toEqual({
      state: "sent",
      messageId: message.messageId,
    });

    const links = world.keys.relayLinks(world.pseudonymize("chat", sari.id));
    expect(await world.redis.hget(links, String(message.messageId))).toBe(report.id);
    expect(await world.redis.ttl(links)).toBeGreaterThan(89 * 24 * 60 * 60);
    expect(await notifications.caseOfReply(sari.id, message.messageId)).toEqual({
      reportId: report.id,
      answered: false,
    });
    expect(await notifications.caseOfReply(budi.id, message.messageId)).toBeUndefined();
    await notifications.markAnswered(sari.id, message.messageId);
    expect(await notifications.caseOfReply(sari.id, message.messageId)).toEqual({
      reportId: report.id,
      answered: true,
    });
    // The question never sat in BullMQ's job data, and is gone once delivered.
    const job = await world.runners[0]!.queue(RELAY_QUEUE).getJob(`relay/${report.id}/q1`);
    expect(JSON.stringify(job?.data)).not.toContain("last write");
    expect(await world.redis.exists(world.keys.relayText(report.id, "q1"))).toBe(0);
  });

  it("refuses, with the reason recorded, when the reporter did not consent", async () => {
    const { notifications } = startNotifications(world);
    const report = await createReport(world, noMedia, { user: budi, contactConsent: false });
    await notifications.relay(report.id, "Can you send the contract?", "q2");
    await eventually(async () =>
      expect(await notifications.relayState(report.id, "q2")).toEqual({
        state: "refused",
        reason: "no_consent",
      }),
    );
    expect(world.tg.callsOf("sendMessage")).toEqual([]);
  });
});
