/**
 * Indicators computed from extracted facts rather than from phrasings: where the job is, what it
 * pays compared with what such work pays there, how the recruiter can be reached, the route.
 * Each fact carries the spans (in the original text) that support it.
 */
import type { SalaryReferences } from "#src/screening/catalogue.js";
import { getPlace } from "#src/screening/extract/places.js";
import type { PhraseMatch } from "#src/screening/matcher.js";
import type { Extraction, MoneyMention, NormalisedText, PlaceMention, Span } from "#src/screening/types.js";

export interface FactHit {
  id: string;
  evidence: Span[];
  args?: Record<string, string | number>;
}

/** Phrase matches that survived negation, by id (indicators, counters and `marker:` ids). */
export type PhraseIndex = ReadonlyMap<string, readonly PhraseMatch[]>;

export interface FactInput {
  n: NormalisedText;
  extraction: Extraction;
  phrases: PhraseIndex;
  salary: SalaryReferences;
  /** The writer's home country (homeCountryOf): places there are not destinations. */
  home: string;
  /** E.164 numbers of official hotlines: quoting them is not a recruiter contact. */
  hotlines: ReadonlySet<string>;
  /** Maps a normalised span to the original text. */
  toOriginal(start: number, end: number): Span;
}

const COUNTRY_INDICATOR: Record<string, string> = {
  KH: "dest_cambodia",
  MM: "dest_myanmar",
  LA: "dest_laos_golden_triangle",
  PH: "dest_philippines_pogo",
  TH: "dest_thailand_decoy",
};
const INDICATOR_COUNTRY: Record<string, string> = Object.fromEntries(
  Object.entries(COUNTRY_INDICATOR).map(([country, id]) => [id, country]),
);

/** Where the bot's first users live: the home country when the text does not say otherwise. */
const DEFAULT_HOME = "ID";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const TAGALOG = /\b(?:ang|ng|mga|po|naman|kayo|ako|ba|lang|yung|nang|kung|sa|natin|hindi)\b/giu;
const MALAY = /\b(?:syarikat|jawatan|sahaja|kerana|berminat|wang|kat|nak|RM\s?\d)/giu;
/** Pay in pesos or ringgit and none in rupiah: an English text written for readers there. */
const PESO = /₱\s?\d/u;
const RINGGIT = /\bRM\s?\d/u;
const RUPIAH = /\b(?:rp\.?\s?\d|idr\b|\d+\s?(?:jt|juta|rb|ribu)\b)/iu;
/**
 * The same three without the `u` flag, several times faster, for a text with neither ſ (U+017F)
 * nor K (U+212A): only those fold to these ASCII words' letters under `iu` (and count as word
 * characters for \b); without them both spellings find the same matches.
 */
const TAGALOG_ASCII = new RegExp(TAGALOG.source, "gi");
const MALAY_ASCII = new RegExp(MALAY.source, "gi");
const RUPIAH_ASCII = new RegExp(RUPIAH.source, "i");

/** Whether a global pattern matches at least `n` times (stops counting there). */
function atLeast(text: string, pattern: RegExp, n: number): boolean {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) {
    if (++count >= n) {
      pattern.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/**
 * The writer's home country, read from the script and a few function words: a job in Phnom Penh
 * is abroad for an Indonesian but at home for a Khmer reader, and a place at home is not a
 * destination (compound towns and border crossings still count, at home too).
 */
export function homeCountryOf(original: string): string {
  let thai = 0;
  let lao = 0;
  let khmer = 0;
  let myanmar = 0;
  let folds = false;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x0e00 && c <= 0x0e7f) thai++;
    else if (c >= 0x0e80 && c <= 0x0eff) lao++;
    else if (c >= 0x1780 && c <= 0x17ff) khmer++;
    else if (c >= 0x1000 && c <= 0x109f) myanmar++;
    else if (c === 0x017f || c === 0x212a) folds = true;
  }
  const scripts: [string, number][] = [
    ["TH", thai],
    ["LA", lao],
    ["KH", khmer],
    ["MM", myanmar],
  ];
  const [script, count] = scripts.sort((a, b) => b[1] - a[1])[0]!;
  if (count >= 20) return script;
  if (atLeast(original, VIETNAMESE, 6)) return "VN";
  if (atLeast(original, folds ? TAGALOG : TAGALOG_ASCII, 5)) return "PH";
  const malay = original.match(folds ? MALAY : MALAY_ASCII) ?? [];
  if (new Set(malay.map((w) => w.toLowerCase().slice(0, 3))).size >= 2) return "MY";
  const peso = PESO.test(original);
  if ((peso || RINGGIT.test(original)) && !(folds ? RUPIAH : RUPIAH_ASCII).test(original))
    return peso ? "PH" : "MY";
  return DEFAULT_HOME;
}

/** Messaging and social hosts: a link there is a personal channel, not a company's own site. */
const PERSONAL_HOSTS = new Set([
  "wa.me",
  "whatsapp.com",
  "t.me",
  "telegram.me",
  "telegram.org",
  "facebook.com",
  "fb.com",
  "instagram.com",
  "tiktok.com",
  "line.me",
  "bit.ly",
  "linktr.ee",
  "forms.gle",
  "google.com",
  "s.id",
]);
const FREE_MAIL = new Set([
  "gmail.com",
  "yahoo.com",
  "yahoo.co.id",
  "hotmail.com",
  "outlook.com",
  "ymail.com",
  "icloud.com",
]);

const has = (phrases: PhraseIndex, id: string): boolean => (phrases.get(id)?.length ?? 0) > 0;
const marker = (phrases: PhraseIndex, id: string): readonly PhraseMatch[] =>
  phrases.get(`marker:${id}`) ?? [];

/** Regional-indicator flag pairs (🇰🇭) become spaces in the normalised text; read them from the original. */
function flagMentions(original: string): { country: string; span: Span }[] {
  const out: { country: string; span: Span }[] = [];
  const re = /\uD83C[\uDDE6-\uDDFF]\uD83C[\uDDE6-\uDDFF]/g;
  for (let m = re.exec(original); m !== null; m = re.exec(original)) {
    const a = m[0].codePointAt(0)! - 0x1f1e6 + 65;
    const b = m[0].codePointAt(2)! - 0x1f1e6 + 65;
    out.push({ country: String.fromCharCode(a, b), span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

export interface DestinationFacts {
  hits: FactHit[];
  /** Foreign countries the text names, most likely workplace first. */
  countries: string[];
}

/** Destination indicators from the gazetteer and flags, and the ranked list of named countries. */
export function destinationFacts(input: FactInput): DestinationFacts {
  const evidence = new Map<string, Span[]>();
  const weight = new Map<string, number>();
  const add = (id: string, span: Span): void => {
    const list = evidence.get(id);
    if (list) list.push(span);
    else evidence.set(id, [span]);
  };
  const vote = (country: string, w: number): void => {
    if (country !== input.home) weight.set(country, (weight.get(country) ?? 0) + w);
  };
  for (const place of input.extraction.places) {
    const span = { start: place.start, end: place.end };
    const country = place.country.toUpperCase();
    const id = COUNTRY_INDICATOR[country];
    const ordinaryAtHome =
      country === input.home &&
      (place.kind === "border_crossing" ||
        (place.kind === "compound_town" && getPlace(place.placeId)?.ordinaryForResidents === true));
    if (ordinaryAtHome) {
      // A border town or an ordinary compound town of the writer's own country (Mae Sot for a Thai
      // writer, Poipet or Sihanoukville for a Khmer one) is also where its markets, shops,
      // clinics and buses are: a sign to check the workplace, not a decisive one. Crossing is said
      // in words. Shwe Kokko or Tachileik stay decisive for a Myanmar writer too.
      add("dest_compound_town_home", span);
    } else if (place.kind === "compound_town") {
      add("dest_compound_place", span);
      vote(country, 3);
    } else if (place.kind === "border_crossing") {
      // The town is a sign of where the job is (its `fires` in data/places.json: a compound-area
      // town, or the river itself a crossing); crossing is said by the catalogue's phrasings.
      for (const id of getPlace(place.placeId)?.fires ?? ["route_overland_border_crossing"]) add(id, span);
      vote(country, 1);
    } else if (place.kind !== "exit_point") {
      vote(country, place.kind === "transit_point" ? 0.5 : 2);
    }
    if (id !== undefined && place.kind !== "exit_point" && country !== input.home) add(id, span);
  }
  for (const flag of flagMentions(input.n.original)) {
    const id = COUNTRY_INDICATOR[flag.country];
    if (id !== undefined && flag.country !== input.home) add(id, flag.span);
    vote(flag.country, 1);
  }
  // Phrasings of the catalogue name countries too (when the gazetteer misses a spelling).
  for (const [id, country] of Object.entries(INDICATOR_COUNTRY)) {
    for (const _ of input.phrases.get(id) ?? []) vote(country, 1);
  }
  for (const _ of marker(input.phrases, "uae")) vote("AE", 1);
  const hits = [...evidence].map(([id, spans]) => ({ id, evidence: spans }));
  const countries = [...weight].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return { hits, countries };
}

/** Monthly USD of the top of a range ("25-30jt" → 30jt): what the advertisement dangles. */
const topUsd = (m: MoneyMention): number => m.usdPerMonthMax ?? m.usdPerMonth ?? 0;

/** The salary the offer promises: the largest monthly USD figure that is not a fee. */
function promisedSalary(money: readonly MoneyMention[]): MoneyMention | undefined {
  let best: MoneyMention | undefined;
  for (const m of money) {
    if (m.context === "fee" || m.period === "once" || m.usdPerMonth === null) continue;
    if (best === undefined || topUsd(m) > topUsd(best)) best = m;
  }
  return best;
}

/**
 * Pay compared with the reference for the destination (INDICATORS.md section 8). Only for jobs that
 * ask for no experience: a skilled job abroad legitimately pays several times local wages.
 */
export function salaryFacts(
  input: FactInput,
  countries: readonly string[],
  unnamedDestination: boolean,
): FactHit[] {
  const salary = promisedSalary(input.extraction.money);
  if (salary === undefined) return [];
  const foreign = countries.find((c) => c !== input.home);
  if (foreign === undefined && !unnamedDestination) return [];
  const skilledJob =
    input.extraction.jobs.length > 0 && input.extraction.jobs.every((j) => j.skill === "skilled");
  const asksNothing =
    has(input.phrases, "req_no_experience") ||
    has(input.phrases, "req_no_education") ||
    has(input.phrases, "req_passport_only");
  const asksExperience = marker(input.phrases, "experience_required").length > 0;
  if (asksExperience && !asksNothing) return [];
  if (skilledJob && !asksNothing) return [];
  const ref = (foreign && input.salary.byCountry[foreign]) || input.salary.default;
  // "Implausible" rests on the bottom of a range, "above market" on the top the ad dangles.
  const low = salary.usdPerMonth!;
  const high = topUsd(salary);
  const span = { start: salary.start, end: salary.end };
  const args = { usd: Math.round(high), reference: ref.aboveMarket };
  const hits: FactHit[] = [];
  if (low >= ref.extreme) hits.push({ id: "pay_implausible_extreme", evidence: [span], args });
  else if (high >= ref.aboveMarket) hits.push({ id: "pay_above_market_unskilled", evidence: [span], args });
  const regional = foreign === undefined || input.salary.southeastAsia.includes(foreign);
  if (salary.currency === "USD" && regional) hits.push({ id: "pay_usd_for_regional_job", evidence: [span] });
  return hits;
}

/** A fee the candidate is asked to pay, from the money the extractor tagged as a fee. */
const GIG_PERIOD =
  /^\s*(?:\/|per\b|a\b|an\b|each\b|sekali\b|setiap\b|mỗi\b)?\s*(?:day|hari|hr|hrs|hour|jam|show|event|gig|shift|session|sesi|araw|ngày|วัน|ครั้ง|ថ្ងៃ|កម្មវិធី|ရက်|ပွဲ|night|malam|gabi|đêm|dem\b|buổi|buoi|คืน|យប់|ည)/iu;
const GIG_FEE_BEFORE =
  /(?:talent fee|\btf\b|(?:allowance|honor|honorarium)(?:\s*\/\s*fee)?|fee (?:per|\/)\s*\S+)\s*[:=]?\s*$/iu;
/** "Fee 8,000 THB for 3 hrs", "fee Rp500rb untuk 4 jam": pay for a stated number of hours or days. */
const GIG_FOR_TIME =
  /^\s*(?:[a-z]{3}\b\s*)?(?:for|untuk|sa|cho)\s+\d+\s*(?:hrs?|hours?|jam|days?|hari|oras|araw|giờ|ngày)\b/iu;
/**
 * "Fee RM450, paid within 7 days of delivering the photos", "ค่าตัว 1,200 บาท จ่ายเย็นวันงาน": money
 * paid once the work is done goes to the worker; a fee a recruiter asks for always comes first.
 */
const GIG_PAID_AFTER =
  /^[^\n]{0,60}?(?:after (?:the )?(?:event|shoot|show|shift|party|work|delivery|delivering)|within \d+ days of (?:the )?(?:event|shoot|delivery|delivering)|setelah (?:acara|selesai|shift|syuting)|selesai (?:acara|shift)|lepas (?:majlis|acara)|sau (?:tiệc|buổi|sự kiện|ca)|ngay sau|cuối (?:ngày|buổi)|หลังเลิกงาน|หลังจบงาน|เย็นวันงาน|จ่ายหลังงาน|pagkatapos ng (?:event|shoot|party)|បន្ទាប់ពីថត|ក្រោយកម្មវិធី|ပွဲပြီး|paid (?:in cash |by (?:bank )?transfer |via \w+ )?(?:at the end|on the day|on the spot|the same day|same day|daily|weekly|every (?:week|day))|(?:bayar|dibayar|bayaran|upah) (?:cash |tunai )?(?:habis|lepas|selepas|setelah|sesudah|harian|mingguan|setiap minggu)|trả (?:tiền mặt )?(?:cuối|sau)|bayad (?:agad )?(?:pagkatapos|after|every|weekly))/iu;

/**
 * Money the candidate pays. A "fee" per day, hour, show or event ("fee Rp350rb/hari", "talent fee
 * ₱3,000", "fee $120 / កម្មវិធី") is gig pay: reported as `ok_gig_fee_is_pay`, not as a cost.
 */
export function feeFacts(input: FactInput): FactHit[] {
  const fees = input.extraction.money.filter((m) => m.context === "fee");
  if (fees.length === 0) return [];
  const original = input.n.original;
  const isPay = (m: MoneyMention): boolean =>
    m.period === "hour" ||
    m.period === "day" ||
    m.period === "week" ||
    GIG_PERIOD.test(original.slice(m.end, m.end + 24)) ||
    GIG_FOR_TIME.test(original.slice(m.end, m.end + 24)) ||
    GIG_PAID_AFTER.test(original.slice(m.end, m.end + 80)) ||
    GIG_FEE_BEFORE.test(original.slice(Math.max(0, m.start - 24), m.start));
  const pay = fees.filter(isPay);
  const cost = fees.filter((m) => !isPay(m));
  const hits: FactHit[] = [];
  if (cost.length > 0)
    hits.push({ id: "cost_upfront_fee", evidence: cost.map((m) => ({ start: m.start, end: m.end })) });
  if (pay.length > 0)
    hits.push({ id: "ok_gig_fee_is_pay", evidence: pay.map((m) => ({ start: m.start, end: m.end })) });
  return hits;
}

/** The currency people are paid in at home, by the writer's country (see `homeCountryOf`). */
const HOME_CURRENCY: Readonly<Record<string, string>> = {
  ID: "IDR",
  MY: "MYR",
  PH: "PHP",
  TH: "THB",
  VN: "VND",
  KH: "KHR",
  MM: "MMK",
  LA: "LAK",
};

/** "3,000/งาน", "RM150/job": pay per job or booking. */
const GIG_PER_JOB = /^\s*\/\s*(?:งาน|job|gig|booking|event|acara|trabaho|việc|viec)/iu;

/** A day's pay above this (in USD) is no local gig's pay anywhere in the region. */
const LOCAL_GIG_DAY_MAX_USD = 60;

/**
 * Pay by the hour, day or shift in the writer's own currency, for work that names no place abroad
 * ("upah 100rb sehari", "₱600 matag usa … Sabado", "ค่าแรง 800 บาท/วัน"): a local day job or gig,
 * which is how casual work at home is paid. Reported as `ok_local_gig_pay`; a scam offer names a
 * destination or pays in dollars, and keeps every risk signal it has.
 */
export function localGigPayFact(input: FactInput, abroad: boolean): FactHit[] {
  if (abroad) return [];
  const currency = HOME_CURRENCY[input.home];
  if (currency === undefined) return [];
  const original = input.n.original;
  const pay = input.extraction.money.filter((m) => {
    if (m.context === "fee" || m.currency !== currency) return false;
    const usd = m.usdAmount ?? null;
    if (usd === null) return false;
    const after = original.slice(m.end, m.end + 24);
    const byTime =
      m.period === "hour" ||
      m.period === "day" ||
      GIG_PERIOD.test(after) ||
      GIG_PER_JOB.test(after) ||
      GIG_FOR_TIME.test(after) ||
      // Wages with no period that no month could be paid with ("ค่าแรง 800 บาท", "upah 120rb";
      // the ceiling below): a day's or a job's pay.
      (m.period === null && m.context === "salary");
    if (!byTime) return false;
    return usd <= LOCAL_GIG_DAY_MAX_USD * (m.period === "hour" ? 0.25 : 1);
  });
  return pay.length === 0
    ? []
    : [{ id: "ok_local_gig_pay", evidence: pay.map((m) => ({ start: m.start, end: m.end })) }];
}

function hostOf(value: string): string {
  return value
    .replace(/^[a-z]+:\/\//i, "")
    .split(/[/?#]/)[0]!
    .toLowerCase()
    .replace(/^www\./, "");
}

/**
 * How the recruiter can be reached. A personal messaging account is a weak sign on its own; an
 * offer abroad with no company identity at all (no agency, no company site or mail) is a moderate one.
 */
export function contactFacts(input: FactInput, offerAbroad: boolean): FactHit[] {
  const personal: Span[] = [];
  let company = false;
  for (const id of input.extraction.identifiers) {
    const span = { start: id.start, end: id.end };
    switch (id.kind) {
      case "whatsapp":
      case "telegram_handle":
        personal.push(span);
        break;
      case "phone":
        if (!input.hotlines.has(id.value)) personal.push(span);
        break;
      case "url":
      case "domain": {
        const host = hostOf(id.value);
        if (PERSONAL_HOSTS.has(host) || [...PERSONAL_HOSTS].some((h) => host.endsWith(`.${h}`)))
          personal.push(span);
        else if (!host.endsWith(".go.id")) company = true;
        break;
      }
      case "email":
        if (!FREE_MAIL.has(id.value.split("@")[1] ?? "")) company = true;
        break;
      case "agency":
        company = true;
        break;
      default:
        break;
    }
  }
  const hits: FactHit[] = [];
  if (personal.length > 0) hits.push({ id: "chan_private_chat_redirect", evidence: personal });
  if (marker(input.phrases, "company_name").length > 0) company = true;
  if (offerAbroad && !company) {
    const spans = personal.length > 0 ? personal : [];
    hits.push({ id: "id_no_company_details", evidence: spans });
  }
  return hits;
}

/**
 * A verifiable employer: the organisation's own web domain or e-mail domain (not a messaging or
 * social host, not free mail), or an official portal.
 */
export function verifiableEmployerFact(input: FactInput): FactHit[] {
  const evidence: Span[] = [];
  for (const id of input.extraction.identifiers) {
    if (id.kind === "url" || id.kind === "domain") {
      const host = hostOf(id.value);
      if (!(PERSONAL_HOSTS.has(host) || [...PERSONAL_HOSTS].some((h) => host.endsWith(`.${h}`))))
        evidence.push({ start: id.start, end: id.end });
    } else if (id.kind === "email" && !FREE_MAIL.has(id.value.split("@")[1] ?? "")) {
      evidence.push({ start: id.start, end: id.end });
    }
  }
  return evidence.length > 0 ? [{ id: "ok_verifiable_employer", evidence }] : [];
}

const spanOf = (input: FactInput, m: PhraseMatch): Span => input.toOriginal(m.start, m.end);

/** "Admin job in Dubai": a UAE place together with office work. */
export function dubaiOfficeFact(input: FactInput): FactHit[] {
  const uae = marker(input.phrases, "uae");
  if (uae.length === 0) return [];
  const office = [
    ...(input.phrases.get("lure_cs_admin_marketing") ?? []),
    ...(input.phrases.get("lure_operator_typing") ?? []),
    ...marker(input.phrases, "office_work"),
  ];
  if (office.length === 0) return [];
  return [{ id: "lure_dubai_office", evidence: [spanOf(input, uae[0]!), spanOf(input, office[0]!)] }];
}

/**
 * Transit through a third country: a travel word ("via", "transit", "fly to") right before a place
 * in a different country from the workplace.
 */
export function transitFact(input: FactInput, countries: readonly string[]): FactHit[] {
  const foreign = countries.filter((c) => c !== input.home);
  if (foreign.length < 2) return [];
  const workplace = foreign[0]!;
  const verbs = marker(input.phrases, "transit_verb");
  const spans: Span[] = [];
  for (const place of input.extraction.places) {
    if (place.country.toUpperCase() === workplace || place.country.toUpperCase() === input.home) continue;
    // The travel word ending last before the place (matches are ordered by end).
    const at = placeStartInText(input.n, place);
    let lo = 0;
    let hi = verbs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (verbs[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    const verb = verbs[lo - 1];
    if (verb === undefined) continue;
    const gap = input.n.text.slice(verb.end, at);
    if (gap.length <= 3 && !/[.!?\n]/.test(gap)) {
      spans.push({ start: input.toOriginal(verb.start, verb.end).start, end: place.end });
    }
    if (spans.length >= 5) break;
  }
  return spans.length > 0 ? [{ id: "route_transit_third_country", evidence: spans }] : [];
}

/** Position in the normalised text of a place found in the original (first text index at or after it). */
function placeStartInText(n: NormalisedText, place: PlaceMention): number {
  let lo = 0;
  let hi = n.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.toOriginal[mid]! < place.start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Irregular exit points (Dumai, Tanjungbalai, Batam) named for a job abroad. */
export function exitPointFact(input: FactInput, abroad: boolean): FactHit[] {
  if (!abroad) return [];
  const spans = input.extraction.places
    .filter((p) => p.kind === "exit_point")
    .map((p) => ({ start: p.start, end: p.end }));
  return spans.length > 0 ? [{ id: "route_irregular_exit_point", evidence: spans }] : [];
}

/** Shifts of twelve hours or more ("kerja 12 jam", "12-hour shifts"). */
export function hoursFact(input: FactInput): FactHit[] {
  const re = /(\d{1,2})\s*-?\s*(jam|hours?|hrs?|gio|ชั่วโมง)/g;
  const text = input.n.text;
  const spans: Span[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const hours = Number(m[1]);
    if (hours < 12 || hours > 20) continue;
    // "perjalanan 12 jam" is a journey, not a shift.
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (/(perjalanan|naik|van|bus|bis|mobil|drive|flight|terbang|jarak)\s*[^\s]*\s*$/.test(before)) continue;
    spans.push(input.toOriginal(m.index, m.index + m[0].length));
  }
  return spans.length > 0 ? [{ id: "fl_excessive_hours_quota", evidence: spans }] : [];
}

/**
 * Claims of being official ("resmi", "berizin", "P3MI") count as a red flag when the destination
 * cannot be an official placement, or when nothing in the text lets the reader verify the claim.
 */
export function officialClaimFact(input: FactInput, nonPlacement: boolean, verifiable: boolean): FactHit[] {
  const claims = marker(input.phrases, "official_claim");
  if (claims.length === 0) return [];
  if (!nonPlacement && verifiable) return [];
  return [{ id: "chan_fake_official_claims", evidence: claims.map((m) => spanOf(input, m)) }];
}

/**
 * A named employer with a plausible wage or stated experience requirements (counter-indicator
 * ok_plausible_wage_named_employer).
 */
export function namedEmployerFact(input: FactInput, countries: readonly string[]): FactHit[] {
  const agency = input.extraction.identifiers.filter((i) => i.kind === "agency");
  const named = [
    ...agency.map((a) => ({ start: a.start, end: a.end })),
    ...marker(input.phrases, "company_name").map((m) => spanOf(input, m)),
  ];
  if (named.length === 0) return [];
  const experience = marker(input.phrases, "experience_required");
  const salary = promisedSalary(input.extraction.money);
  const foreign = countries.find((c) => c !== input.home);
  const ref = (foreign && input.salary.byCountry[foreign]) || input.salary.default;
  const plausible = salary !== undefined && topUsd(salary) < ref.aboveMarket;
  if (experience.length === 0 && !plausible) return [];
  const evidence = [named[0]!];
  if (experience.length > 0) evidence.push(spanOf(input, experience[0]!));
  else if (salary) evidence.push({ start: salary.start, end: salary.end });
  return [{ id: "ok_plausible_wage_named_employer", evidence }];
}
