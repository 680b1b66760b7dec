/** The case card renders hostile text exactly, with entities Telegram accepts, within its limits. */
import { Api } from "grammy";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "#src/bot/i18n.js";
import { caseKeyboard, renderCaseCard } from "#src/render/case-card.js";
import { reportSignature } from "#src/reports/offer-index.js";
import { TestRedis } from "../../harness/redis.js";
import { FakeTelegram } from "../../harness/telegram/index.js";
import { botRedis, createStore, sampleDraft } from "../reports/fixtures.js";

let server: TestRedis;
let redis: Redis;
let tg: FakeTelegram;

beforeAll(async () => {
  server = await TestRedis.start();
  redis = await botRedis(server);
  tg = await FakeTelegram.start();
});
afterAll(async () => {
  redis.disconnect();
  await tg.stop();
  await server.stop();
});

const i18n = createI18n("en");
const t = (key: string, args?: Record<string, string | number>) => i18n.t("en", key, args);

const HOSTILE =
  "<b>gaji</b> &amp; <a href='x'>klik</a> *bold* _it_ `code` \u202Eterbalik\u202C zero\u200Bwidth";

describe("case card", () => {
  it("shows hostile text exactly, links defanged, and Telegram accepts its entities", async () => {
    const { store } = createStore(redis);
    const long = `${HOSTILE} ${"x".repeat(4000)}`;
    const { report } = await store.createOnce(
      "hostile",
      sampleDraft({
        offer: {
          texts: [{ text: `${HOSTILE} https://evil.example.com/daftar ${"y".repeat(3900)}` }],
          media: [],
        },
        jobTitle: long.slice(0, 500),
        salary: HOSTILE,
        money: { asked: long.slice(0, 500), paid: "paid" },
        departed: {
          relationship: HOSTILE,
          whereabouts: long.slice(0, 4000),
          canCommunicate: "no",
          passportTaken: "yes",
        },
      }),
      { ref: "ref-h", chatId: 9, locale: "en", contactConsent: false },
    );
    const card = renderCaseCard(report, { linked: [], posts: {}, failures: [] }, t, "en");
    expect(card.text.length).toBeLessThanOrEqual(4096);
    expect(card.text).toContain("<b>gaji</b> &amp; <a href='x'>klik</a> *bold* _it_ `code`");
    expect(card.text).toContain("\u202Eterbalik\u202C");
    expect(card.text).toContain("evil[.]example[.]com");
    expect(card.text).not.toContain("https://evil.example.com");
    const group = tg.createGroup({ title: "Officers", supergroup: true, botStatus: "administrator" });
    const api = new Api(tg.token, { apiRoot: tg.apiRoot });
    const sent = await api.sendMessage(group.id, card.text, {
      entities: card.entities,
      reply_markup: caseKeyboard(report, t),
      link_preview_options: { is_disabled: true },
    });
    expect(sent.text).toBe(card.text);
    expect((sent.entities ?? []).filter((e) => e.type === "url" || e.type === "text_link")).toEqual([]);
  });

  it("defangs every field the reporter typed: no address on the card can be tapped", async () => {
    const { store } = createStore(redis);
    const { report } = await store.createOnce(
      "phish",
      sampleDraft({
        offer: { texts: [{ text: "Lowongan" }], media: [] },
        destination: { country: "KH", city: "login.evil-kh.com" },
        jobTitle: "CS — daftar di http://203.0.113.9/officer",
        salary: "lihat gaji.xn--80ak6aa92e.com",
        money: { asked: "bayar ke pay.evil-kh.com", paid: "asked" },
        recruiter: { identifiers: [], agencyName: "PT Resmi (verifikasi-petugas.id)" },
        departed: {
          relationship: "teman dari fb-login.net",
          when: "lihat kalender.evil.id",
          lastContact: "wa di chat.evil.example/siti",
          canCommunicate: "no",
          passportTaken: "yes",
        },
      }),
      { ref: "ref-p", chatId: 10, locale: "en", contactConsent: false },
    );
    const card = renderCaseCard(report, { linked: [], posts: {}, failures: [] }, t, "en");
    for (const hostile of [
      "login.evil-kh.com",
      "203.0.113.9",
      "xn--80ak6aa92e.com",
      "pay.evil-kh.com",
      "verifikasi-petugas.id",
      "fb-login.net",
      "kalender.evil.id",
      "chat.evil.example",
    ]) {
      expect(card.text).not.toContain(hostile);
    }
    const group = tg.createGroup({ title: "Officers 2", supergroup: true, botStatus: "administrator" });
    const api = new Api(tg.token, { apiRoot: tg.apiRoot });
    const sent = await api.sendMessage(group.id, card.text, { entities: card.entities });
    expect((sent.entities ?? []).filter((e) => e.type === "url" || e.type === "text_link")).toEqual([]);
  });
});

describe("case card: offers seen before", () => {
  it("links the earlier cases whose offer text matches, as the officer sees them", async () => {
    const { store } = createStore(redis);
    const text =
      "Lowongan admin & CS online di Kamboja, gaji 1.200 USD, mess gratis, tiket ditanggung, tanpa pengalaman, berangkat minggu ini. WA 0812 3456 7890";
    const earlier = await store.createOnce(
      "seen-1",
      sampleDraft({ offer: { texts: [{ text }], media: [] } }),
      {
        ref: "ref-s1",
        chatId: 11,
        locale: "en",
        contactConsent: false,
      },
    );
    const later = await store.createOnce(
      "seen-2",
      sampleDraft({ offer: { texts: [{ text: `${text.replace("1.200", "1.500")} 🙏` }], media: [] } }),
      { ref: "ref-s2", chatId: 12, locale: "en", contactConsent: false },
    );
    const matches = await store.offers.matches(reportSignature(later.report), {
      excludeReportId: later.report.id,
    });
    expect(matches.map((m) => m.reportId)).toEqual([earlier.report.id]);
    const card = renderCaseCard(
      later.report,
      { linked: [], posts: {}, failures: [], offerMatches: matches.map((m) => m.reportId) },
      t,
      "en",
    );
    expect(card.text).toContain(`${t("card-offer-matches", { count: 1 })}: ${earlier.report.id}`);
  });
});
