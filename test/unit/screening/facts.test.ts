import { describe, expect, it } from "vitest";
import { CatalogueSchema, readCatalogueFile } from "#src/screening/catalogue.js";
import {
  contactFacts,
  destinationFacts,
  type FactInput,
  hoursFact,
  salaryFacts,
  transitFact,
} from "#src/screening/facts.js";
import type { PhraseMatch } from "#src/screening/matcher.js";
import { normalise, spanToOriginal } from "#src/screening/normalise.js";
import type { Extraction, MoneyMention, PlaceMention } from "#src/screening/types.js";

const salary = CatalogueSchema.parse(readCatalogueFile()).salaryReferences;

/** A fact input over hand-made extraction values, located by searching the text. */
function input(text: string, extraction: Partial<Extraction>, phraseIds: string[] = []): FactInput {
  const n = normalise(text);
  const phrases = new Map<string, PhraseMatch[]>();
  for (const id of phraseIds)
    phrases.set(id, [{ id, entry: 0, start: 0, end: 1, streamStart: 0, streamEnd: 1 }]);
  return {
    n,
    extraction: { identifiers: [], money: [], places: [], jobs: [], ...extraction },
    phrases,
    salary,
    home: "ID",
    hotlines: new Set(["+85512813282"]),
    toOriginal: (s, e) => spanToOriginal(n, s, e),
  };
}
const at = (text: string, part: string) => ({
  start: text.indexOf(part),
  end: text.indexOf(part) + part.length,
});
const place = (
  text: string,
  raw: string,
  placeId: string,
  country: string,
  kind: PlaceMention["kind"],
): PlaceMention => ({
  ...at(text, raw),
  raw,
  placeId,
  country,
  kind,
});
const money = (
  text: string,
  raw: string,
  usdPerMonth: number,
  currency = "USD",
  context: MoneyMention["context"] = "salary",
): MoneyMention => ({
  ...at(text, raw),
  raw,
  amount: usdPerMonth,
  currency,
  period: "month",
  usdPerMonth,
  context,
});

describe("destination facts", () => {
  it("turns a compound town into the compound indicator and its country", () => {
    const text = "Kerja di Bavet, gaji bagus";
    const facts = destinationFacts(
      input(text, { places: [place(text, "Bavet", "kh-bavet", "KH", "compound_town")] }),
    );
    expect(facts.hits.map((h) => h.id).sort()).toEqual(["dest_cambodia", "dest_compound_place"]);
    expect(facts.countries).toEqual(["KH"]);
    expect(facts.hits[0]!.evidence[0]).toEqual(at(text, "Bavet"));
  });
  it("reads flag emoji from the original text", () => {
    const text = "LOKER 🇰🇭 admin";
    const facts = destinationFacts(input(text, {}));
    expect(facts.hits).toEqual([{ id: "dest_cambodia", evidence: [at(text, "🇰🇭")] }]);
  });
});

describe("salary facts", () => {
  const text = "Lowongan admin di Kamboja, gaji 1.000 USD, tanpa pengalaman";
  const cambodia = [place(text, "Kamboja", "kh", "KH", "country")];
  it("flags pay well above the reference for a job that asks no experience", () => {
    const hits = salaryFacts(
      input(text, { places: cambodia, money: [money(text, "1.000 USD", 1000)] }, ["req_no_experience"]),
      ["KH"],
      false,
    );
    expect(hits.map((h) => h.id)).toEqual(["pay_above_market_unskilled", "pay_usd_for_regional_job"]);
    expect(hits[0]!.args).toEqual({ usd: 1000, reference: 500 });
  });
  it("calls USD 2,500 for beginners implausible", () => {
    const hits = salaryFacts(
      input(text, { money: [money(text, "1.000 USD", 2500)] }, ["req_no_experience"]),
      ["KH"],
      false,
    );
    expect(hits.map((h) => h.id)).toContain("pay_implausible_extreme");
  });
  it("does not judge pay when experience is required", () => {
    const hits = salaryFacts(
      input(text, { money: [money(text, "1.000 USD", 1000)] }, ["marker:experience_required"]),
      ["KH"],
      false,
    );
    expect(hits.map((h) => h.id)).not.toContain("pay_above_market_unskilled");
  });
  it("ignores fees and domestic jobs", () => {
    expect(
      salaryFacts(input(text, { money: [money(text, "1.000 USD", 1000, "USD", "fee")] }), ["KH"], false),
    ).toEqual([]);
    expect(salaryFacts(input(text, { money: [money(text, "1.000 USD", 1000)] }), [], false)).toEqual([]);
  });
});

describe("contact facts", () => {
  it("counts a personal WhatsApp as a private channel, and no company identity for an offer abroad", () => {
    const text = "Minat? WA 0812 3456 7890";
    const extraction: Partial<Extraction> = {
      identifiers: [
        { kind: "whatsapp", value: "+6281234567890", raw: "0812 3456 7890", ...at(text, "0812 3456 7890") },
      ],
    };
    expect(contactFacts(input(text, extraction), true).map((h) => h.id)).toEqual([
      "chan_private_chat_redirect",
      "id_no_company_details",
    ]);
  });
  it("does not count an official hotline or a company site", () => {
    const text = "Hotline +855 12 813 282, lihat pt-contoh.co.id";
    const extraction: Partial<Extraction> = {
      identifiers: [
        { kind: "phone", value: "+85512813282", raw: "+855 12 813 282", ...at(text, "+855 12 813 282") },
        { kind: "domain", value: "pt-contoh.co.id", raw: "pt-contoh.co.id", ...at(text, "pt-contoh.co.id") },
      ],
    };
    expect(contactFacts(input(text, extraction), true)).toEqual([]);
  });
});

describe("route and hours facts", () => {
  it("sees transit through a third country", () => {
    const text = "Kerja di Kamboja. Berangkat transit KL dulu";
    const places = [
      place(text, "Kamboja", "kh", "KH", "country"),
      place(text, "KL", "my-kuala-lumpur", "MY", "city"),
    ];
    const inp = input(text, { places });
    const n = inp.n;
    const verbAt = n.text.indexOf("transit");
    (inp.phrases as Map<string, PhraseMatch[]>).set("marker:transit_verb", [
      { id: "marker:transit_verb", entry: 0, start: verbAt, end: verbAt + 7, streamStart: 0, streamEnd: 0 },
    ]);
    expect(transitFact(inp, ["KH", "MY"]).map((h) => h.id)).toEqual(["route_transit_third_country"]);
  });
  it("flags shifts of twelve hours but not a twelve-hour journey", () => {
    expect(hoursFact(input("Jam kerja 12 jam, libur 2 hari", {})).map((h) => h.id)).toEqual([
      "fl_excessive_hours_quota",
    ]);
    expect(hoursFact(input("perjalanan 12 jam naik bus", {}))).toEqual([]);
  });
});
