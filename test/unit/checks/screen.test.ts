/**
 * A text screened with what Redis knows, without Telegram: the identifier index and the offers
 * reported before, on a real Redis through the report store.
 */
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { knownIdentifiers, screenWithLookup } from "#src/checks/screen.js";
import type { ReporterInput, ReportStore } from "#src/reports/store.js";
import { screenOffer } from "#src/screening/index.js";
import { createStore, RECRUITER_PHONE, sampleDraft, useReportRedis } from "../reports/fixtures.js";

let redis: Redis;
useReportRedis((_server, r) => {
  redis = r;
});

function reporter(n: number): ReporterInput {
  return { ref: `user-ref-${n}`, chatId: 5_550_000_000 + n, locale: "id", contactConsent: false };
}

/** The sample report's recruiter, in another offer written another way. */
const SAME_RECRUITER = `Lowongan admin online di Phnom Penh, gaji 1.500 USD, mess gratis.
Hubungi WA 0812-3456-7890 sekarang juga, kuota terbatas.`;

const OFFER = `🔥LOKER KAMBOJA🔥 Dibutuhkan admin & CS online, cowok/cewek usia 18-35.
Gaji 1.200 USD + bonus, mess dan makan gratis, tiket pesawat ditanggung kantor.
Tanpa pengalaman, nanti ditraining. Berangkat minggu ini, kuota terbatas!
Minat langsung WA admin Rina 0819 8765 4321`;

describe("screening a text with the identifier index", () => {
  it("finds a contact reported once before and says so in the result", async () => {
    const { store } = createStore(redis);
    const before = await screenWithLookup(store, SAME_RECRUITER);
    expect(before.known).toEqual([{ kind: "phone", value: RECRUITER_PHONE, reports: 0 }]);
    expect(before.result.indicators.map((i) => i.id)).not.toContain("known_reported_identifier");

    await store.createOnce("chat-a:1", sampleDraft(), reporter(1));
    const after = await screenWithLookup(store, SAME_RECRUITER);
    expect(after.known).toEqual([{ kind: "phone", value: RECRUITER_PHONE, reports: 1 }]);
    expect(after.result.indicators.map((i) => i.id)).toContain("known_reported_identifier");
    expect(after.offerMatches).toEqual([]);
  });

  it("looks up a forwarded sender beside the text's own contacts, each kind once", async () => {
    const { store } = createStore(redis);
    const draft = sampleDraft();
    draft.recruiter.identifiers.push({ kind: "telegram_user_id", value: "777000111", source: "forwarded" });
    await store.createOnce("chat-a:1", draft, reporter(1));
    const sender = { kind: "telegram_user_id", value: "777000111" } as const;
    const { known } = await screenWithLookup(store, "Halo kak, ada lowongan di Kamboja", [sender, sender]);
    expect(known).toEqual([{ kind: "telegram_user_id", value: "777000111", reports: 1 }]);
  });

  it("asks Redis nothing about kinds it does not index (a full link)", async () => {
    const { store } = createStore(redis);
    expect(await knownIdentifiers(store, [{ kind: "url", value: "https://bit.ly/abc" }])).toEqual([]);
  });

  it("names the earlier reports of the same offer", async () => {
    const { store } = createStore(redis);
    const base = sampleDraft();
    const draft = sampleDraft({ offer: { texts: [{ text: OFFER }], media: base.offer.media } });
    const { report } = await store.createOnce("chat-a:1", draft, reporter(1));
    const { offerMatches, result } = await screenWithLookup(store, OFFER);
    expect(offerMatches).toEqual([report.id]);
    expect(result.indicators.map((i) => i.id)).toContain("known_reported_offer");
  });

  it("gives the same result as screening the text with what the lookups found", async () => {
    const { store } = createStore(redis);
    const base = sampleDraft();
    const draft = sampleDraft({ offer: { texts: [{ text: OFFER }], media: base.offer.media } });
    await store.createOnce("chat-a:1", draft, reporter(1));
    const { result, known, offerMatches } = await screenWithLookup(store, OFFER);
    expect(result).toEqual(screenOffer(OFFER, { known, offerMatches: offerMatches.length }));
  });

  it("fails as a whole when a lookup fails", async () => {
    const { store } = createStore(redis);
    const failing = {
      lookup: store.lookup,
      offers: { matches: () => Promise.reject(new Error("Redis is away")) },
    } as unknown as Pick<ReportStore, "lookup" | "offers">;
    await expect(screenWithLookup(failing, OFFER)).rejects.toThrow("Redis is away");
  });
});
