/**
 * Flagged cases reach focal-point channels once, routed by destination, without the reporter,
 * within Telegram's limits — also when Telegram answers 429 or 500, or a worker dies mid-job.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createForwarding, forwardQueueName } from "#src/jobs/forward-to-focal-point.js";
import { CHANNEL_POST_MAX_LENGTH, renderChannelPost } from "#src/render/channel-post.js";
import type { ReportDraft } from "#src/reports/report.js";
import type { SimChat } from "../../harness/telegram/index.js";
import { sampleDraft } from "../reports/fixtures.js";
import {
  createReport,
  eventually,
  forwardingDeps,
  type JobWorld,
  resetWorld,
  sleep,
  startForwarding,
  startWorld,
} from "./harness.js";

let world: JobWorld;
let cambodia: SimChat;
let fallback: SimChat;
let channels: Record<string, number>;

beforeAll(async () => {
  world = await startWorld();
});
beforeEach(async () => {
  await resetWorld(world);
  // Fresh channels per test: the fake server keeps every chat's messages.
  cambodia = world.tg.createChannel({ title: "Focal point KH" });
  fallback = world.tg.createChannel({ title: "Focal point (default)" });
  channels = { KH: cambodia.id, default: fallback.id };
});
afterAll(() => world.close());

const INDICATORS = ["dest_cambodia", "lure_cs_admin_marketing", "pay_implausible_extreme", "ok_domestic_job"];
const screening = (level: ReportDraft["screening"]["level"]): ReportDraft["screening"] => ({
  ...sampleDraft().screening,
  indicators: INDICATORS,
  level,
});
const textOnly = (overrides: Partial<ReportDraft> = {}): Partial<ReportDraft> => ({
  offer: { texts: [{ text: "Lowongan CS di Kamboja" }], media: [] },
  screening: screening("high"),
  ...overrides,
});
const t = (key: string, args?: Record<string, string | number>) => world.i18n.t("en", key, args);
const posts = (chat: SimChat) => world.tg.messagesIn(chat.id).filter((m) => m.from === "bot");
const sendsTo = (chat: SimChat) =>
  world.tg.calls.filter((c) => c.method.startsWith("send") && Number(c.params.chat_id) === chat.id);

describe("which cases go where", () => {
  it("posts a high report once to the channel of its destination, and others to the default", async () => {
    const { forwarding } = startForwarding(world, channels);
    const toCambodia = await createReport(world, textOnly());
    const toMyanmar = await createReport(world, textOnly({ destination: { country: "MM" } }));
    expect(forwarding.channelsFor(toCambodia)).toEqual([cambodia.id]);
    expect(forwarding.channelsFor(toMyanmar)).toEqual([fallback.id]);

    await forwarding.enqueue(toCambodia, "level");
    await forwarding.enqueue(toCambodia, "level"); // a repeated event queues nothing new
    await forwarding.enqueue(toMyanmar, "level");

    await eventually(async () =>
      expect(await forwarding.postsOf(toMyanmar.id)).toHaveProperty(String(fallback.id)),
    );
    await eventually(async () =>
      expect(await forwarding.postsOf(toCambodia.id)).toHaveProperty(String(cambodia.id)),
    );
    await sleep(200);
    expect(posts(cambodia).map((m) => m.text?.split("\n")[0])).toEqual([`🚨 Case ${toCambodia.id}`]);
    expect(posts(fallback).map((m) => m.text?.split("\n")[0])).toEqual([`🚨 Case ${toMyanmar.id}`]);
    const card = posts(cambodia)[0]!;
    expect(card.raw.link_preview_options?.is_disabled ?? card.raw.link_preview_options === undefined).toBe(
      true,
    );
    expect(sendsTo(cambodia)[0]!.params.link_preview_options).toMatchObject({ is_disabled: true });
    expect(card.entities).toContainEqual({
      type: "code",
      offset: "🚨 Case ".length,
      length: toCambodia.id.length,
    });
    expect(card.text).toContain("Destination: Cambodia, “Sihanoukville”");
    const audit = await world.store.readAudit(20);
    expect(
      audit
        .filter((e) => e.action === "report.forwarded")
        .map((e) => e.reportId)
        .sort(),
    ).toEqual([toCambodia.id, toMyanmar.id].sort());
  });

  it("does not post a low report, but does post it when urgent or escalated", async () => {
    const { forwarding } = startForwarding(world, channels);
    const low = await createReport(world, textOnly({ screening: screening("low") }));
    const urgent = await createReport(world, textOnly({ screening: screening("medium"), urgent: true }));
    const escalating = await createReport(world, textOnly({ screening: screening("low") }));
    const escalated = await world.store.setStatus(escalating.id, "escalated", "officer:42");
    if (!escalated.ok) throw new Error("could not escalate");

    expect([low, urgent, escalated.report].map((r) => forwarding.shouldForward(r))).toEqual([
      false,
      true,
      true,
    ]);
    await forwarding.enqueue(low, "level");
    await forwarding.enqueue(urgent, "urgent");
    await forwarding.enqueue(escalated.report, "escalated");

    await eventually(() => expect(posts(cambodia)).toHaveLength(2));
    await sleep(300);
    expect(posts(cambodia).map((m) => m.text?.split("\n")[0])).toEqual([
      `🚨 Case ${urgent.id} · URGENT`,
      `🚨 Case ${escalated.report.id}`,
    ]);
    expect(posts(cambodia)[1]!.text).toContain(`Flagged because: ${t("fp-flagged-escalated")}`);
    expect(await forwarding.postsOf(low.id)).toEqual({});
  });

  it("forwards nothing, and logs it once, when no channel fits", async () => {
    const { forwarding } = startForwarding(world, { KH: cambodia.id });
    const report = await createReport(world, textOnly({ destination: { country: "LA" } }));
    await forwarding.enqueue(report, "level");
    await forwarding.enqueue(report, "urgent");
    expect(forwarding.channelsFor(report)).toEqual([]);
    expect(world.logs.filter((l) => l.includes("no focal-point channel"))).toHaveLength(1);
  });
});

describe("what the post says", () => {
  it("never contains the reporter's name, username, id or phone", async () => {
    const { forwarding } = startForwarding(world, channels);
    world.tg.createUser({ firstName: "Someone" }); // so the reporter's id is not the first one
    const siti = world.tg.createUser({
      firstName: "Sitinurbaya",
      lastName: "Rahmawatiningsih",
      username: "siti_rahma_88",
    });
    await siti.send("/start");
    const phone = "+6285712345678";
    const report = await createReport(
      world,
      {
        departed: {
          relationship: "child",
          when: "two weeks ago",
          canCommunicate: "no",
          passportTaken: "yes",
          whereabouts: "a compound near the casino in Sihanoukville",
          location: { latitude: 10.6278, longitude: 103.5229 },
        },
      },
      { user: siti, contactPhone: phone, contactConsent: true },
    );
    const stored = await world.store.reporterOf(report.reporterRef!);
    expect(stored).toMatchObject({ chatId: siti.id, contactPhone: phone });

    await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia).length).toBeGreaterThan(0));
    await sleep(300);

    const everything = JSON.stringify(
      world.tg.calls.filter((c) => c.params.chat_id !== undefined && Number(c.params.chat_id) !== siti.id),
    );
    for (const secret of [
      "Sitinurbaya",
      "Rahmawatiningsih",
      "siti_rahma_88",
      "85712345678",
      "10.6278",
      "103.5229",
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(new RegExp(`(?<!\\d)${siti.id}(?!\\d)`));
    const card = posts(cambodia)[0]!.text!;
    expect(card).toContain("Reported by: a relative or friend");
    expect(card).toContain("Passport taken: yes");
    expect(card).not.toMatch(/child/i);
    // …nor do the logs.
    const logs = world.logs.join("\n");
    for (const secret of ["Sitinurbaya", "siti_rahma_88", "85712345678", "Customer service"])
      expect(logs).not.toContain(secret);
  });

  it("defangs links and shows hostile text exactly, within Telegram's limits", async () => {
    const { forwarding } = startForwarding(world, channels);
    const hostileJob =
      "<b>Admin</b> &lt;i&gt; *bold* _x_ [link](https://evil.com) \u202Eevil\u202C \u200Bzero\u200Dwidth";
    const long = `${"x".repeat(3960)} end https://evil.com/apply`;
    const report = await createReport(
      world,
      textOnly({
        jobTitle: hostileJob,
        salary: "1000 USD <i>/bulan</i>",
        money: { asked: "Rp 5.000.000", paidTo: "t.me/recruiter_pay", paid: "asked" },
        recruiter: {
          identifiers: [
            { kind: "url", value: "https://evil.com/apply?ref=1", source: "extracted" },
            { kind: "domain", value: "kerja-kamboja.online", source: "extracted" },
            { kind: "telegram_handle", value: "hrd_kamboja", source: "extracted" },
            { kind: "phone", value: "+855 12 345 678", source: "reporter" },
          ],
          agencyName: "PT\u200B Maju <Jaya>",
        },
        departed: {
          relationship: "friend",
          canCommunicate: "unknown",
          passportTaken: "unknown",
          whereabouts: long,
        },
      }),
    );
    await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia)).toHaveLength(1));
    const card = posts(cambodia)[0]!;
    const text = card.text!;
    // The reporter's words as written, marked as quoted; rupiah also in USD.
    expect(text).toContain(`Job offered: “${hostileJob.replace("https://evil.com", "hxxps://evil[.]com")}”`);
    expect(text).toContain("Salary as promised: “1000 USD <i>/bulan</i>”\n");
    expect(text).toMatch(
      /Fees: money was asked — “Rp 5\.000\.000” \(≈ USD \d{3}\) — paid to “t\[\.\]me\/recruiter_pay”/,
    );
    expect(text).toContain(t("fp-quoted-note"));
    expect(text).toContain("hxxps://evil[.]com/apply?ref=1");
    expect(text).toContain("kerja-kamboja[.]online");
    expect(text).toContain("PT\u200B Maju <Jaya>");
    expect(text).not.toMatch(/https?:\/\//);
    expect(Array.from(text).length).toBeLessThanOrEqual(CHANNEL_POST_MAX_LENGTH);
    expect(text).toContain(`Possible whereabouts: “${"x".repeat(499)}…”`);
    // The reasons, worded for an officer, without the counter-indicator ("looks legitimate").
    expect(text).toContain(`• ${t("fp-reason-destination")} — “Kamboja”`);
    expect(text).toContain(`• ${t("fp-reason-job_lure")}`);
    expect(text).not.toMatch(/\byou\b/i);
    expect(text).not.toContain(t("screening-indicator-ok_domestic_job"));
    // Telegram would turn none of it into a link; every entity is one we made (or the handle).
    expect(
      card.entities?.filter((e) => e.type === "url" || e.type === "text_link" || e.type === "email"),
    ).toEqual([]);
  });

  it("stays within 4,096 characters with every field at its longest", () => {
    const long = (n: number, c = "ж") => c.repeat(n);
    const report = {
      ...sampleDraft(),
      schemaVersion: 1 as const,
      id: "K7QM-4T2X",
      createdAt: "2025-06-01T00:00:00.000Z",
      updatedAt: "2025-06-01T00:00:00.000Z",
      status: "received" as const,
      statusVersion: 1,
      history: [{ status: "received" as const, at: "2025-06-01T00:00:00.000Z", actor: "reporter" as const }],
      reporterRef: "ref",
      additions: [],
      urgent: true,
      jobTitle: long(500, "😀"),
      salary: long(500),
      money: { asked: long(500), paidTo: long(500), paid: "paid" as const },
      destination: { country: "KH", city: long(500) },
      recruiter: {
        identifiers: Array.from({ length: 100 }, (_, i) => ({
          kind: "url" as const,
          value: `https://a${i}.example.com/${long(470)}`,
          source: "extracted" as const,
        })),
        agencyName: long(500),
      },
      screening: {
        ...sampleDraft().screening,
        indicators: [
          ...["proc_coached_cover_story", "doc_passport_handover", "route_overland_border_crossing"],
          ...[
            "cost_upfront_fee",
            "req_no_experience",
            "lure_chat_scam_work",
            "dest_myanmar",
            "pay_usd_for_regional_job",
          ],
          ...Array.from({ length: 192 }, () => "dest_cambodia"),
        ],
      },
      departed: {
        relationship: long(500),
        when: long(500),
        lastContact: long(500),
        whereabouts: long(4000, "😀"),
        canCommunicate: "no" as const,
        passportTaken: "yes" as const,
      },
    };
    const post = renderChannelPost(report, t, { locale: "en", reason: "urgent", repeated: true });
    expect(post.text.length).toBeLessThanOrEqual(CHANNEL_POST_MAX_LENGTH);
    for (const e of post.entities) {
      expect(e.offset + e.length).toBeLessThanOrEqual(post.text.length);
      // no entity starts or ends inside a surrogate pair
      expect(post.text.charCodeAt(e.offset) & 0xfc00).not.toBe(0xdc00);
    }
    // Nothing was cut at the end: the budgets alone keep it within the limit.
    expect(post.text).toContain("…and 93 more"); // identifiers: 100 and the agency, 8 shown
    expect(post.text).toContain("…and 2 more"); // reasons: 8 categories, 6 shown
    expect(post.text.endsWith(t("fp-repeated"))).toBe(true);
  });

  it("posts screenshots after the card only as photos: an image file re-uploaded without its name, a PDF not at all", async () => {
    const { forwarding } = startForwarding(world, channels);
    const sender = world.tg.createUser({ firstName: "Uploader" });
    const photos = await Promise.all([sender.sendPhoto(), sender.sendPhoto()]);
    // Files sent "as a document" keep EXIF (GPS) and their names: neither may reach a channel.
    const image = await sender.sendDocument({
      fileName: "IMG_20250101_Siti_Aminah.jpg",
      mimeType: "image/jpeg",
      fileSize: 40_000,
    });
    const pdf = await sender.sendDocument({
      fileName: "kontrak_Siti_Aminah.pdf",
      mimeType: "application/pdf",
      fileSize: 40_000,
    });
    const media = [
      ...photos.map((m) => {
        const p = m.photo!.at(-1)!;
        return { kind: "photo" as const, fileId: p.file_id, fileUniqueId: p.file_unique_id };
      }),
      ...[image, pdf].map((m) => ({
        kind: "document" as const,
        fileId: m.document!.file_id,
        fileUniqueId: m.document!.file_unique_id,
        mimeType: m.document!.mime_type,
      })),
    ];
    const report = await createReport(world, { offer: { texts: [{ text: "Lowongan" }], media } });
    await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia)).toHaveLength(4));
    const [card, ...rest] = posts(cambodia);
    expect(card!.text).toContain("3 screenshots follow.");
    expect(rest.map((m) => [m.kind, m.replyToMessageId])).toEqual([
      ["photo", card!.messageId],
      ["photo", card!.messageId],
      ["photo", card!.messageId],
    ]);
    expect(world.tg.callsOf("forwardMessage")).toEqual([]);
    expect(world.tg.callsOf("sendDocument")).toEqual([]);
    expect(JSON.stringify(world.tg.calls)).not.toContain("Siti_Aminah");
    expect(world.tg.callsOf("sendMediaGroup")).toHaveLength(1);
    expect(world.tg.callsOf("sendPhoto")).toHaveLength(1);
  });
});

describe("urgent cases", () => {
  it("go ahead of normal ones, but ten fake urgent reports from one person cannot push a real one back", async () => {
    const runner = world.newRunner();
    const forwarding = createForwarding(runner, forwardingDeps(world, channels));
    const faker = world.tg.createUser({ firstName: "Faker" });
    const urgent = (text: string) =>
      sampleDraft({ urgent: true, destination: { country: "KH" }, offer: { texts: [{ text }], media: [] } });
    const normal = await createReport(world, sampleDraft({ destination: { country: "KH" } }));
    const fakes = [];
    for (let i = 0; i < 10; i++) fakes.push(await createReport(world, urgent(`palsu ${i}`), { user: faker }));
    const real = await createReport(world, urgent("Adik saya ditahan di Sihanoukville"));
    // All queued before the worker starts: the order of posts is the queue's order alone.
    await forwarding.enqueue(normal, "level");
    for (const fake of fakes) await forwarding.enqueue(fake, "urgent");
    await forwarding.enqueue(real, "urgent");
    runner.start();
    await eventually(() => expect(posts(cambodia)).toHaveLength(12), 20_000);
    const order = posts(cambodia).map((m) => /Case (\S+)/.exec(m.text ?? "")?.[1]);
    // Two of the faker's urgent reports keep their priority (their quota), then the real one,
    // then everything else in the order it came.
    expect(order.slice(0, 3)).toEqual([fakes[0]!.id, fakes[1]!.id, real.id]);
    expect(order.slice(3)).toEqual([normal.id, ...fakes.slice(2).map((f) => f.id)]);
  }, 30_000);
});

/**
 * sendMessage calls to one channel. A job of an earlier test, cut off by kill(), may still finish
 * a call into its own (old) channel while a later test runs, so tests count per channel.
 */
function messagesTo(channel: SimChat) {
  return world.tg.callsOf("sendMessage").filter((c) => c.params.chat_id === channel.id);
}

describe("exactly once", () => {
  it("posts once when Telegram answers 429 first", async () => {
    const { forwarding } = startForwarding(world, channels);
    world.tg.inject({ method: "sendMessage", status: 429, retryAfter: 1 });
    const report = await createReport(world, textOnly());
    await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia)).toHaveLength(1));
    const calls = messagesTo(cambodia);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    await sleep(300);
    expect(posts(cambodia)).toHaveLength(1);
  });

  it("posts once when Telegram answers 500 first", async () => {
    const { forwarding } = startForwarding(world, channels);
    world.tg.inject({ method: "sendMessage", status: 500 });
    const report = await createReport(world, textOnly());
    await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia)).toHaveLength(1));
    await sleep(300);
    expect(messagesTo(cambodia).map((c) => c.status)).toEqual([500, 200]);
    expect(posts(cambodia)).toHaveLength(1);
    expect(await forwarding.failures()).toEqual([]);
  });

  it("posts once when the worker dies after posting, before the job is complete", async () => {
    // Runner A posts, then hangs (as if killed) before finishing; its lock expires.
    let hung = false;
    const first = startForwarding(world, channels, {
      onChange: () => {
        hung = true;
        return new Promise(() => {});
      },
      workerOptions: { lockDuration: 800, stalledInterval: 400 },
    });
    const report = await createReport(world, textOnly());
    await first.forwarding.enqueue(report, "level");
    await eventually(() => expect(hung).toBe(true));
    await first.runner.kill();
    expect(posts(cambodia)).toHaveLength(1);

    // Runner B's stalled check takes the job over and finishes it without posting again.
    const changed: string[] = [];
    const second = startForwarding(world, channels, {
      onChange: async (id) => {
        changed.push(id);
      },
      workerOptions: { lockDuration: 800, stalledInterval: 400 },
    });
    await eventually(() => expect(changed).toEqual([report.id]), 15_000);
    expect(posts(cambodia)).toHaveLength(1);
    expect(messagesTo(cambodia)).toHaveLength(1);
    expect(await second.forwarding.postsOf(report.id)).toEqual({
      [cambodia.id]: posts(cambodia)[0]!.messageId,
    });
    const audit = await world.store.readAudit(10);
    expect(audit.filter((e) => e.action === "report.forwarded")).toHaveLength(1);
  });

  it("re-posts, marked as a repeat, when the post went through but its answer was lost", async () => {
    // Residual risk: the Bot API has no idempotency key and a bot cannot read a channel, so a
    // send whose answer is lost cannot be told from one that never arrived. We post again.
    const { forwarding } = startForwarding(world, channels);
    world.tg.inject({ method: "sendMessage", dropConnection: true, afterProcessing: true });
    const report = await createReport(world, textOnly());
    await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia)).toHaveLength(2));
    await sleep(300);
    const [lost, repeat] = posts(cambodia);
    expect(lost!.text).not.toContain(t("focal-repeated"));
    expect(repeat!.text).toContain(t("focal-repeated"));
    expect(await forwarding.postsOf(report.id)).toEqual({ [cambodia.id]: repeat!.messageId });
    expect(posts(cambodia)).toHaveLength(2);
  });

  it("records a channel where the bot is not admin as a failure and does not retry it", async () => {
    const closed = world.tg.createChannel({ title: "Bot removed", botIsAdmin: false });
    const changed: string[] = [];
    const { forwarding } = startForwarding(
      world,
      { KH: closed.id, default: -1_009_999_999_999 },
      { onChange: async (id) => void changed.push(id) },
    );
    const report = await createReport(world, textOnly());
    const elsewhere = await createReport(world, textOnly({ destination: { country: "TH" } }));
    await forwarding.enqueue(report, "level");
    await forwarding.enqueue(elsewhere, "level");
    await eventually(async () => expect(await forwarding.failures()).toHaveLength(2));
    await sleep(1500);
    const failures = (await forwarding.failures()).sort((a, b) => a.channelId - b.channelId);
    expect(failures).toEqual(
      [
        expect.objectContaining({
          reportId: elsewhere.id,
          channelId: -1_009_999_999_999,
          error: expect.stringContaining("chat not found"),
        }),
        expect.objectContaining({
          reportId: report.id,
          channelId: closed.id,
          error: expect.stringContaining("bot is not a member"),
        }),
      ].sort((a, b) => (a as { channelId: number }).channelId - (b as { channelId: number }).channelId),
    );
    expect(world.tg.callsOf("sendMessage")).toHaveLength(2);
    expect(changed.sort()).toEqual([report.id, elsewhere.id].sort());

    // Once the channel is fixed, the failed post can be run again.
    world.tg.setMemberStatus(closed.id, world.tg.botId, "administrator");
    expect(await forwarding.retryFailures()).toBe(2);
    await eventually(() => expect(posts(closed)).toHaveLength(1));
  });
});

describe("a burst", () => {
  it("posts 200 flagged reports in order, never more than the limit per window", async () => {
    const rate = { max: 20, durationMs: 250 };
    const { forwarding } = startForwarding(world, channels, { rate });
    const reports = [];
    for (let i = 0; i < 200; i++) reports.push(await createReport(world, textOnly()));
    for (const report of reports) await forwarding.enqueue(report, "level");
    await eventually(() => expect(posts(cambodia)).toHaveLength(200), 25_000);

    expect(posts(cambodia).map((m) => /Case (\S+)/.exec(m.text!)?.[1])).toEqual(reports.map((r) => r.id));
    const toCambodia = messagesTo(cambodia);
    const times = toCambodia.filter((c) => c.ok).map((c) => c.at);
    expect(times).toHaveLength(200);
    let tightest = Number.POSITIVE_INFINITY;
    for (let i = 0; i + rate.max < times.length; i++)
      tightest = Math.min(tightest, times[i + rate.max]! - times[i]!);
    // Any rate.max + 1 consecutive posts span at least one full window.
    expect(tightest).toBeGreaterThanOrEqual(rate.durationMs);
    expect(toCambodia.filter((c) => !c.ok)).toEqual([]);
    expect(await world.redis.exists(`waspada:bull:${forwardQueueName(cambodia.id)}:meta`)).toBe(1);
  }, 30_000);
});
