import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADVICE_KEYS } from "#src/screening/advise.js";
import { CatalogueSchema, readCatalogueFile } from "#src/screening/catalogue.js";
import { dataFilePath } from "#src/screening/data-files.js";

const catalogue = CatalogueSchema.parse(readCatalogueFile());
const localesDir = join(dirname(dataFilePath("indicators.json")), "..", "locales");
const keysOf = (locale: string): Set<string> =>
  new Set(
    readFileSync(join(localesDir, `${locale}.screening.ftl`), "utf8")
      .split("\n")
      .map((line) => /^([a-zA-Z][\w-]*)\s*=/.exec(line)?.[1])
      .filter((k): k is string => k !== undefined),
  );

/** Section 2 of INDICATORS.md: every indicator and counter the catalogue must carry (plus proc_model_injection, issue 6; the legitimacy counters of issue 10). */
const INDEX =
  `dest_cambodia dest_myanmar dest_laos_golden_triangle dest_philippines_pogo dest_thailand_decoy dest_hub_onward_hint
dest_compound_place dest_unnamed_country lure_cs_admin_marketing lure_operator_typing lure_it_crypto_digital lure_online_gaming_casino
lure_chat_scam_work lure_language_chat_skill lure_hospitality_thailand lure_dubai_office lure_easy_work_high_pay lure_task_parttime
pay_above_market_unskilled pay_implausible_extreme pay_usd_for_regional_job pay_commission_target req_no_experience req_no_education
req_passport_only req_basic_computer_typing proc_tourist_visa proc_work_permit_later proc_no_written_contract proc_individual_recruiter
proc_bypass_official proc_coached_cover_story proc_chat_only_hiring proc_model_injection cost_employer_pays_everything cost_upfront_fee cost_advance_to_candidate
cost_repayment_penalty route_overland_border_crossing route_transit_third_country route_irregular_exit_point route_handler_pickup
doc_passport_handover doc_phone_isolation doc_personal_data_harvest chan_social_media_post chan_friend_referral chan_private_chat_redirect
chan_recruit_others_bonus chan_fake_official_claims urg_depart_immediately urg_limited_slots urg_secrecy id_no_company_details
id_vague_job_description id_foreign_boss_unverifiable fl_confinement fl_excessive_hours_quota fl_fines_ransom_resale fl_violence
fl_wage_withholding ok_official_g2g_program ok_licensed_p3mi_verifiable ok_work_visa_contract ok_domestic_job
ok_plausible_wage_named_employer ok_warning_or_news_context ok_non_job_chat
ok_professional_requirements ok_formal_application ok_work_permit_contract_local ok_verifiable_employer ok_gig_fee_is_pay ok_licence_number ok_local_gig_pay dest_compound_town_home`.split(
    /\s+/,
  );

describe("catalogue and locales", () => {
  const ids = [...catalogue.indicators, ...catalogue.counters].map((e) => e.id);

  it("carries every indicator of INDICATORS.md", () => {
    expect(ids.sort()).toEqual([...INDEX].sort());
  });

  it("has a source for every risk indicator", () => {
    for (const ind of catalogue.indicators) expect(ind.sources.length, ind.id).toBeGreaterThan(0);
  });

  for (const locale of ["id", "en"]) {
    it(`has a ${locale} message for every indicator, advice, level and kind`, () => {
      const keys = keysOf(locale);
      const wanted = [
        ...ids.map((id) => `screening-indicator-${id}`),
        "screening-indicator-known_reported_identifier",
        "screening-indicator-known_recruiter_identifier",
        "screening-indicator-known_licensed_agency",
        ...ADVICE_KEYS,
        ...catalogue.indicators.flatMap((i) => i.advice),
        ...["low", "medium", "high", "critical"].map((l) => `screening-level-${l}`),
        ...["offer", "warning_about_scams", "official_programme", "not_an_offer"].map(
          (k) => `screening-kind-${k}`,
        ),
      ];
      expect(wanted.filter((k) => !keys.has(k))).toEqual([]);
    });
  }
});
