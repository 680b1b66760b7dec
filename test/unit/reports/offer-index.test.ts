import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { ReporterInput } from "#src/reports/store.js";
import { bandKeys, offerSignature, similarity } from "#src/screening/minhash.js";
import { normalise } from "#src/screening/normalise.js";
import { screenOffer } from "#src/screening/screen.js";
import type { TestRedis } from "../../harness/redis.js";
import { countRoundTrips, createStore, sampleDraft, useReportRedis } from "./fixtures.js";

let _server: TestRedis;
let redis: Redis;
useReportRedis((s, r) => {
  _server = s;
  redis = r;
});

const OFFER = `🔥LOKER KAMBOJA🔥 Dibutuhkan admin & CS online, cowok/cewek usia 18-35.
Gaji 1.200 USD + bonus, mess dan makan gratis, tiket pesawat ditanggung kantor.
Tanpa pengalaman, nanti ditraining. Berangkat minggu ini, kuota terbatas!
Minat langsung WA admin Rina 0812 3456 7890`;

/** The same recruiter a week later: other emoji, other number, a word changed, lines joined. */
const REUSED = `LOKER KAMBOJA!! Dibutuhkan admin & CS online, cowok/cewek usia 18-35. Gaji 1.500 USD + bonus, mess dan makan gratis, tiket pesawat ditanggung kantor. Tanpa pengalaman, nanti ditraining. Berangkat minggu depan, kuota terbatas!! Minat langsung WA admin Dewi 0813 9999 1111 🙏`;

const UNRELATED = `Dicari guru bahasa Inggris untuk bimbel di Yogyakarta, S1 Pendidikan, pengalaman minimal 2 tahun, gaji sesuai UMR, lamaran dikirim ke email rekrutmen kami paling lambat 30 Juni.`;

const sig = (text: string) => offerSignature(normalise(text).text);

function reporter(n: number): ReporterInput {
  return { ref: `user-ref-${n}`, chatId: 5_550_000_000 + n, locale: "id", contactConsent: false };
}

function draftWith(text: string) {
  const base = sampleDraft();
  return sampleDraft({ offer: { texts: [{ text }], media: base.offer.media } });
}

describe("offer signatures", () => {
  it("finds a reused text similar and an unrelated one not; a greeting is too short to compare", () => {
    const a = sig(OFFER)!;
    expect(similarity(a, sig(REUSED)!)).toBeGreaterThanOrEqual(0.6);
    expect(similarity(a, sig(UNRELATED)!)).toBeLessThan(0.2);
    expect(bandKeys(a).filter((b, i) => b === bandKeys(sig(REUSED)!)[i]).length).toBeGreaterThan(0);
    expect(sig("Halo kak, apa kabar?")).toBeNull();
  });
});

describe("a recruiter reusing a text that was reported", () => {
  it("tells the next person who checks it how many earlier reports match, and links them", async () => {
    const { store, keys } = createStore(redis);
    const first = await store.createOnce("chat-1:10", draftWith(OFFER), reporter(1));
    expect(await store.offers.matchText(REUSED)).toEqual([
      { reportId: first.report.id, similarity: expect.any(Number) },
    ]);
    expect(await store.offers.matchText(UNRELATED)).toEqual([]);

    const second = await store.createOnce("chat-2:11", draftWith(REUSED), reporter(2));
    const third = await store.createOnce("chat-3:12", draftWith(OFFER), reporter(3));
    const seen = await store.offers.matchText(OFFER);
    expect(seen.map((m) => m.reportId).sort()).toEqual(
      [first.report.id, second.report.id, third.report.id].sort(),
    );
    // The case card of the third report links the two earlier ones, not itself.
    const forCard = await store.offers.matches(sig(OFFER), { excludeReportId: third.report.id });
    expect(forCard.map((m) => m.reportId).sort()).toEqual([first.report.id, second.report.id].sort());
    expect(await redis.exists(keys.offerSignature(first.report.id))).toBe(1);

    // As a screening signal: one earlier report is moderate, three are strong.
    const once = screenOffer(UNRELATED, { offerMatches: 1 });
    const hit = once.indicators.find((h) => h.id === "known_reported_offer");
    expect(hit).toMatchObject({ strength: 2, source: "known_identifier", evidence: [] });
    expect(hit!.message.args).toEqual({ count: 1 });
    expect(
      screenOffer(UNRELATED, { offerMatches: 3 }).indicators.find((h) => h.id === "known_reported_offer"),
    ).toMatchObject({ strength: 3 });
  });

  it("keeps a signature when the reporter erases themselves, and drops it with the report at retention", async () => {
    const { store, keys } = createStore(redis);
    const { report } = await store.createOnce("chat-1:10", draftWith(OFFER), reporter(1));
    await store.eraseReporter("user-ref-1");
    expect((await store.offers.matchText(OFFER)).map((m) => m.reportId)).toEqual([report.id]);
    await store.deleteReport(report.id);
    expect(await store.offers.matchText(OFFER)).toEqual([]);
    expect(await redis.exists(keys.offerSignature(report.id))).toBe(0);
    expect(await redis.keys(`${keys.prefix}offer-band:*`)).toEqual([]);
  });

  it("looks up in one round trip however many offers are stored", async () => {
    const { store } = createStore(redis);
    for (let i = 0; i < 30; i++) {
      await store.createOnce(`chat-${i}:1`, draftWith(`${OFFER}\nbatch ${i} ${"x".repeat(i)}`), reporter(i));
    }
    const { result, roundTrips } = await countRoundTrips(redis, () => store.offers.matchText(REUSED));
    expect(result.length).toBeGreaterThan(0);
    expect(roundTrips).toBe(1);
  });
});
