/**
 * Deadlines: an urgent case nobody takes, a focal point that never acknowledges, a reporter who
 * never answers — each gets one reminder in the case topic, also across a crash of the process
 * that scheduled it, and none when it was met in time. Also: who decides what leaves the country.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCaseTopicPoster } from "#src/jobs/case-topic.js";
import { createDeadlines } from "#src/jobs/deadlines.js";
import { createForwarding } from "#src/jobs/forward-to-focal-point.js";
import type { JobRunner } from "#src/jobs/runner.js";
import type { DeadlineKind } from "#src/reports/deadlines.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import type { SimChat } from "../../harness/telegram/index.js";
import { sampleDraft } from "../reports/fixtures.js";
import {
  createReport,
  eventually,
  forwardingDeps,
  type JobWorld,
  resetWorld,
  sleep,
  startWorld,
} from "./harness.js";

let world: JobWorld;
let group: SimChat;
let threadId: number;

beforeAll(async () => {
  world = await startWorld();
});
beforeEach(async () => {
  await resetWorld(world);
  group = world.tg.createGroup({ title: "Officers", forum: true });
  threadId = (await world.api.createForumTopic(group.id, "case")).message_thread_id;
});
afterAll(() => world.close());

const DURATIONS: Record<DeadlineKind, number> = { urgent_take: 1200, focal_ack: 600, need_info: 600 };
const t = (key: string, args?: Record<string, string | number>) => world.i18n.t("en", key, args);

function startDeadlines(runner: JobRunner) {
  const deadlines = createDeadlines(runner, {
    reports: world.store,
    responses: new FocalResponses(world.redis, world.keys),
    redis: world.redis,
    keys: world.keys,
    durations: DURATIONS,
    postToCase: createCaseTopicPoster(world.api, { locate: async () => ({ chatId: group.id, threadId }) }),
    translate: t,
    logger: world.logger,
    workerOptions: { lockDuration: 1000, stalledInterval: 500 },
  });
  runner.start();
  return deadlines;
}

const reminders = () => group.messagesInTopic(threadId).filter((m) => (m.text ?? "").startsWith("⏰"));

describe("deadlines", () => {
  it("reminds once about an urgent case nobody took, although the process was killed while it waited", async () => {
    const first = world.newRunner();
    const before = startDeadlines(first);
    const report = await createReport(world, { urgent: true });
    await before.start("urgent_take", report, "1");
    await before.start("urgent_take", report, "1"); // a repeated event starts nothing new
    expect((await before.pending(report)).map((d) => d.kind)).toEqual(["urgent_take"]);
    await first.kill(); // the process dies with the reminder pending

    const after = startDeadlines(world.newRunner());
    await eventually(() => expect(reminders()).toHaveLength(1), 8000);
    await sleep(1500);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.text).toBe(
      t("focal-reminder-urgent_take", { id: report.id, duration: t("focal-duration-minutes", { count: 0 }) }),
    );
    expect(await after.shareMet()).toMatchObject({ urgent_take: { met: 0, total: 1 } });
    expect(await after.pending((await world.store.get(report.id))!)).toEqual([]);
  });

  it("reminds once when two processes wait for the same deadline", async () => {
    const a = startDeadlines(world.newRunner());
    const b = startDeadlines(world.newRunner());
    const report = await createReport(world, { urgent: true });
    await a.start("urgent_take", report, "1");
    await b.start("urgent_take", report, "1");
    await eventually(() => expect(reminders()).toHaveLength(1), 8000);
    await sleep(800);
    expect(reminders()).toHaveLength(1);
  });

  it("sends nothing for a case taken in time, and counts it as met", async () => {
    const deadlines = startDeadlines(world.newRunner());
    const report = await createReport(world, { urgent: true });
    await deadlines.start("urgent_take", report, "1");
    await world.store.assign(report.id, "4242", "officer:4242");
    // Met deadlines leave the card at once, before their job runs.
    expect(await deadlines.pending((await world.store.get(report.id))!)).toEqual([]);
    await eventually(
      async () => expect((await deadlines.shareMet()).urgent_take).toEqual({ met: 1, total: 1 }),
      8000,
    );
    expect(reminders()).toHaveLength(0);
    // /stats [days] counts only what was settled in its period.
    expect((await deadlines.shareMet(Date.now() + 60_000)).urgent_take).toEqual({ met: 0, total: 0 });
  });

  it("counts a focal acknowledgement, and reminds when there is none", async () => {
    const deadlines = startDeadlines(world.newRunner());
    const responses = new FocalResponses(world.redis, world.keys);
    const answered = await createReport(world);
    const silent = await createReport(world);
    await deadlines.start("focal_ack", answered, "-1001");
    await deadlines.start("focal_ack", silent, "-1001");
    await responses.add(answered.id, {
      answer: "received",
      chatId: -1001,
      country: "KH",
      at: new Date().toISOString(),
    });
    await eventually(
      async () => expect((await deadlines.shareMet()).focal_ack).toEqual({ met: 1, total: 2 }),
      8000,
    );
    expect(reminders().map((m) => m.text)).toEqual([
      t("focal-reminder-focal_ack", { id: silent.id, duration: t("focal-duration-minutes", { count: 0 }) }),
    ]);
  });

  it("counts information that arrived after officers asked for it", async () => {
    const deadlines = startDeadlines(world.newRunner());
    const report = await createReport(world);
    const asked = await world.store.setStatus(report.id, "needs_info", "officer:7");
    if (!asked.ok) throw new Error("could not ask");
    await deadlines.start("need_info", asked.report, String(asked.report.statusVersion));
    await sleep(5);
    await world.store.addInformation(report.id, { text: "Berangkat lewat Batam" });
    await eventually(
      async () => expect((await deadlines.shareMet()).need_info).toEqual({ met: 1, total: 1 }),
      8000,
    );
    expect(reminders()).toHaveLength(0);
  });
});

describe("who decides what leaves the country", () => {
  const screening = (level: "medium" | "high") => ({ ...sampleDraft().screening, level });

  it("in review mode, only urgent or escalated cases go; a high one waits for review", async () => {
    const forwarding = createForwarding(world.newRunner(), {
      ...forwardingDeps(world, { default: -100777 }),
      config: {
        FOCAL_CHANNELS: { default: -100777 },
        FORWARD_MIN_LEVEL: "high",
        FOCAL_LOCALE: "en",
        FORWARD_MODE: "review",
      },
    });
    const high = await createReport(world, { screening: screening("high") });
    const urgent = await createReport(world, { screening: screening("medium"), urgent: true });
    const escalated = await world.store.setStatus(high.id, "escalated", "officer:1");
    if (!escalated.ok) throw new Error("could not escalate");
    expect([high, urgent, escalated.report].map((r) => forwarding.shouldForward(r))).toEqual([
      false,
      true,
      true,
    ]);
    expect([high, urgent, escalated.report].map((r) => forwarding.awaitingReview(r))).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("in auto mode, a high case goes at once", async () => {
    const forwarding = createForwarding(world.newRunner(), {
      ...forwardingDeps(world, { default: -100777 }),
      config: {
        FOCAL_CHANNELS: { default: -100777 },
        FORWARD_MIN_LEVEL: "high",
        FOCAL_LOCALE: "en",
        FORWARD_MODE: "auto",
      },
    });
    const high = await createReport(world, { screening: screening("high") });
    expect(forwarding.shouldForward(high)).toBe(true);
    expect(forwarding.awaitingReview(high)).toBe(false);
  });
});
