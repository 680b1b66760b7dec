import { describe, expect, it } from "vitest";
import { CatalogueSchema, readCatalogueFile } from "#src/screening/catalogue.js";
import { decideKind, type KindInput, type RiskSignal, scoreSignals } from "#src/screening/score.js";
import type { TextKind } from "#src/screening/types.js";

const catalogue = CatalogueSchema.parse(readCatalogueFile());
const risk = (id: string): RiskSignal => {
  const def = catalogue.indicators.find((i) => i.id === id)!;
  return { id, category: def.category, strength: def.strength };
};
const score = (ids: string[], counters: { id: string; weight: number }[] = [], kind: TextKind = "offer") =>
  scoreSignals({ kind, risks: ids.map(risk), counters, knownRecruiter: false }, catalogue);

describe("scoreSignals", () => {
  it("rates a decisive indicator high on its own", () => {
    expect(score(["proc_tourist_visa"]).level).toBe("high");
  });
  it("rates one strong indicator medium, two high", () => {
    expect(score(["urg_depart_immediately"]).level).toBe("medium");
    expect(score(["urg_depart_immediately", "cost_upfront_fee"]).level).toBe("high");
  });
  it("keeps weak signals low", () => {
    expect(score(["chan_social_media_post", "pay_commission_target"]).level).toBe("low");
  });
  it("fires combination C1 (Cambodia + no experience + pay) and makes it high", () => {
    const out = score(["dest_cambodia", "req_no_experience", "pay_above_market_unskilled"]);
    expect(out.combinations).toContain("C1");
    expect(out.level).toBe("high");
  });
  it("caps a category so repeated weak evidence cannot reach high", () => {
    const out = score([
      "chan_social_media_post",
      "chan_friend_referral",
      "chan_private_chat_redirect",
      "chan_recruit_others_bonus",
    ]);
    expect(out.score).toBeLessThanOrEqual(catalogue.categoryCaps.recruiter_channel!);
  });
  it("lets counters lower moderate signals but never cancel a decisive one", () => {
    expect(
      score(
        ["lure_cs_admin_marketing", "req_no_experience", "chan_social_media_post"],
        [{ id: "ok_domestic_job", weight: -6 }],
      ).level,
    ).toBe("low");
    expect(score(["doc_passport_handover"], [{ id: "ok_work_visa_contract", weight: -3 }]).level).toBe(
      "high",
    );
  });
  it("never lets a warning or a non-offer score above low", () => {
    expect(score(["proc_tourist_visa", "dest_compound_place"], [], "warning_about_scams").level).toBe("low");
    expect(score(["proc_tourist_visa"], [], "not_an_offer").level).toBe("low");
  });
  it("keeps a company notice that names only a border town or gate low", () => {
    expect(score(["dest_compound_place", "route_overland_border_crossing"], [], "announcement").level).toBe(
      "low",
    );
    expect(score(["dest_compound_place", "doc_passport_handover"], [], "announcement").level).toBe(
      "critical",
    );
  });
  it("rates two decisive indicators critical", () => {
    expect(score(["proc_tourist_visa", "doc_passport_handover"]).level).toBe("critical");
  });
});

describe("decideKind", () => {
  const base: KindInput = {
    warningMarkers: 0,
    storyMarkers: 0,
    questionMarkers: 0,
    announcementMarkers: 0,
    personalCallToAction: false,
    departureUrgency: false,
    riskCategories: 0,
    offerMarkers: 1,
    helpRequest: false,
    nonJobChat: false,
    officialProgramme: false,
    licensedWithWorkVisa: false,
    jobContext: true,
    decisive: false,
    decisiveBeyondPlace: false,
    decisiveJobIndependent: false,
    jobIndependentPoints: 0,
  };
  it("reads a notice with a contact line, no offer words and only places as an announcement", () => {
    const notice = {
      ...base,
      announcementMarkers: 2,
      offerMarkers: 0,
      personalCallToAction: true,
      decisive: true,
    };
    expect(decideKind(notice)).toBe("announcement");
    expect(decideKind({ ...notice, offerMarkers: 1, announcementMarkers: 1 })).toBe("offer");
    expect(decideKind({ ...notice, decisiveBeyondPlace: true })).toBe("offer");
  });
  it("calls a text with warning words and no recruiter contact a warning", () => {
    expect(decideKind({ ...base, warningMarkers: 2 })).toBe("warning_about_scams");
  });
  it("keeps an offer an offer when it also carries a personal call to action", () => {
    expect(decideKind({ ...base, warningMarkers: 1, personalCallToAction: true })).toBe("offer");
  });
  it("treats a help request without offer words as not an offer", () => {
    expect(decideKind({ ...base, helpRequest: true, offerMarkers: 0, decisive: true })).toBe("not_an_offer");
  });
  it("recognises an official programme", () => {
    expect(decideKind({ ...base, officialProgramme: true })).toBe("official_programme");
  });
  it("needs strong job-independent signals when no job is mentioned", () => {
    expect(decideKind({ ...base, jobContext: false, offerMarkers: 0, jobIndependentPoints: 1.5 })).toBe(
      "not_an_offer",
    );
    expect(decideKind({ ...base, jobContext: false, offerMarkers: 0, jobIndependentPoints: 4.5 })).toBe(
      "offer",
    );
  });
  it("reads job risk signals of several kinds as evidence of an offer, with no job word", () => {
    expect(decideKind({ ...base, jobContext: false, offerMarkers: 0, riskCategories: 3 })).toBe("offer");
  });
  it("makes a live call to action an offer even among warning and story words", () => {
    expect(decideKind({ ...base, warningMarkers: 1, storyMarkers: 2, personalCallToAction: true })).toBe(
      "offer",
    );
  });
  it("tells a survivor's story from a warning, and scores a question as the offer it describes", () => {
    expect(decideKind({ ...base, storyMarkers: 2 })).toBe("story");
    expect(decideKind({ ...base, questionMarkers: 1 })).toBe("question");
    expect(score(["proc_tourist_visa"], [], "question").level).toBe("high");
    expect(score(["proc_tourist_visa"], [], "story").level).toBe("low");
  });
});
