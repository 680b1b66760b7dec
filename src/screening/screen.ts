/**
 * The screening pipeline: normalise → extract → match → facts → kind and score → advice.
 * Synchronous and pure apart from reading the shipped data files once.
 */
import { adviseOn, type Hotline, loadHotlines } from "#src/screening/advise.js";
import {
  type CompiledCatalogue,
  compileCatalogue,
  type IndicatorDef,
  markerId,
  readCatalogueFile,
  type Strength,
} from "#src/screening/catalogue.js";
import { extract } from "#src/screening/extract/index.js";
import {
  contactFacts,
  destinationFacts,
  dubaiOfficeFact,
  exitPointFact,
  type FactHit,
  type FactInput,
  feeFacts,
  homeCountryOf,
  hoursFact,
  localGigPayFact,
  namedEmployerFact,
  officialClaimFact,
  salaryFacts,
  transitFact,
  verifiableEmployerFact,
} from "#src/screening/facts.js";
import { type PhraseMatch, type ScanResult, wordsBetween } from "#src/screening/matcher.js";
import {
  type NgramModel,
  type NgramScores,
  narrativeProbability,
  ngramScores,
  scamProbability,
  shippedModel,
} from "#src/screening/model.js";
import { normalise, spanToOriginal } from "#src/screening/normalise.js";
import {
  type CounterSignal,
  isScoredKind,
  type KindDecision,
  PLACE_CATEGORIES,
  type RiskSignal,
  type ScoreOutcome,
  scoreSignals,
  weighKind,
} from "#src/screening/score.js";
import type {
  Evidence,
  Extraction,
  IdentifierLookup,
  IndicatorHit,
  IndicatorSource,
  KnownIdentifier,
  Level,
  NormalisedText,
  ScreeningResult,
  Span,
  TextKind,
} from "#src/screening/types.js";

/** Words allowed between a negation and the phrase it cancels ("tidak pernah meminta biaya …"). */
const NEGATION_WINDOW = 3;
/** How far (characters of the original) a word for goods reaches to a border-crossing phrasing after it. */
const GOODS_REACH = 12;
/** How far (scan-stream characters) a negation written after its phrase reaches back (Myanmar). */
const NEGATION_AFTER_REACH = 4;
const MAX_EVIDENCE_PER_INDICATOR = 5;
/** Reports of one identifier at which it counts as a strong signal rather than a moderate one. */
const MANY_REPORTS = 3;

const WARNING = "ok_warning_or_news_context";
/** Signs of a real employer; the first three are phrasings, the fourth a fact. */
const LEGITIMACY = new Set([
  "ok_professional_requirements",
  "ok_formal_application",
  "ok_work_permit_contract_local",
  "ok_verifiable_employer",
  "ok_licensed_p3mi_verifiable",
  "ok_official_g2g_program",
  "ok_work_visa_contract",
  "ok_plausible_wage_named_employer",
  "ok_licence_number",
]);

/** Whether an offset of a line sits inside an open quotation ("… 'PM now, leaving this week' …"). */
function quoted(original: string, at: number): boolean {
  let lineStart = at;
  while (lineStart > 0 && original[lineStart - 1] !== "\n") lineStart--;
  let open = false;
  for (let i = lineStart; i < at; i++) {
    const c = original[i]!;
    if (c === '"' || c === "\u201c" || c === "\u201d" || c === "\u00ab" || c === "\u00bb") open = !open;
    else if (c === "\u2018" || c === "\u2019" || c === "'") {
      const before = i === 0 ? " " : original[i - 1]!;
      const after = original[i + 1] ?? " ";
      const letter = /\p{L}/u;
      if (letter.test(before) && letter.test(after)) continue; // don't, it's
      open = !open;
    }
  }
  return open;
}

/**
 * Narrative probability from which an offer with no recruiter contact is kept below high. Lower than
 * the model's `narrativeAt` (which decides the kind, and so whether a text is flagged at all): a cap
 * at medium costs no recall, and a warning or story must never be rated high.
 */
const RETOLD_CAP_AT = 0.4;
/** Signs of a real employer that make the learned layer's raise wait for a clear resemblance. */
export const RAISE_GUARD: ReadonlySet<string> = new Set([
  ...LEGITIMACY,
  "ok_domestic_job",
  "ok_gig_fee_is_pay",
  "ok_local_gig_pay",
]);
/**
 * Whether the rules found a risk signal that supports the learned layer's resemblance: any risk
 * indicator but a way to get in touch (which shops and carriers give too).
 */
export function supportsResemblance(indicators: readonly IndicatorHit[]): boolean {
  return indicators.some(
    (h) => h.source !== "model" && h.strength > 0 && h.id !== "chan_private_chat_redirect",
  );
}
/** Narrative probability from which a call-to-action phrase without a contact is read as retold. */
const SURE_NARRATIVE = 0.8;

/** Indicators of the learned layer (explained in locales, shown without a quote). */
export const MODEL_RAISE = "model_resembles_reported_scams";
export const MODEL_LOWER = "model_unlike_reported_scams";
const NON_JOB = "ok_non_job_chat";
const COUNTRY_INDICATORS = new Set([
  "dest_cambodia",
  "dest_myanmar",
  "dest_laos_golden_triangle",
  "dest_philippines_pogo",
  "dest_thailand_decoy",
  "dest_compound_place",
  "dest_hub_onward_hint",
  "lure_dubai_office",
]);
/** Country-level destinations, which a job at home serving that country's market does not have. */
const MARKET_NOT_DESTINATION = [
  "dest_cambodia",
  "dest_myanmar",
  "dest_laos_golden_triangle",
  "dest_philippines_pogo",
  "dest_thailand_decoy",
  "dest_unnamed_country",
] as const;
const HOME_INDICATOR: Record<string, string> = {
  KH: "dest_cambodia",
  MM: "dest_myanmar",
  LA: "dest_laos_golden_triangle",
  PH: "dest_philippines_pogo",
  TH: "dest_thailand_decoy",
};
const NON_PLACEMENT_INDICATORS = new Set(["dest_cambodia", "dest_myanmar", "dest_laos_golden_triangle"]);

export interface ScreeningEngine {
  compiled: CompiledCatalogue;
  hotlines: Hotline[];
  hotlineNumbers: Set<string>;
  /** The learned layer; null screens on the rules alone. */
  model: NgramModel | null;
}

let defaultEngine: ScreeningEngine | undefined;

/** Builds an engine from catalogue and hotline data (the defaults are the shipped data files). */
export function createScreeningEngine(
  catalogue: unknown = readCatalogueFile(),
  hotlines?: unknown,
  model: NgramModel | null = shippedModel(),
): ScreeningEngine {
  const list = hotlines === undefined ? loadHotlines() : loadHotlines(hotlines);
  return {
    compiled: compileCatalogue(catalogue, normalise),
    hotlines: list,
    hotlineNumbers: new Set(list.flatMap((h) => (h.e164 ? [h.e164] : []))),
    model,
  };
}

let rulesOnlyEngine: ScreeningEngine | undefined;

/** The shipped rules without the learned layer (for training and comparisons). */
export function rulesOnlyScreeningEngine(): ScreeningEngine {
  rulesOnlyEngine ??= defaultEngine
    ? { ...defaultEngine, model: null }
    : createScreeningEngine(undefined, undefined, null);
  return rulesOnlyEngine;
}

/** The engine over the shipped data, compiled on first use. */
export function screeningEngine(): ScreeningEngine {
  defaultEngine ??= createScreeningEngine();
  return defaultEngine;
}

export interface ScreenOptions {
  /** What earlier reports and officers say about identifiers in the text. */
  known?: readonly KnownIdentifier[];
  engine?: ScreeningEngine;
  /** Earlier reports whose offer text matches this one (MinHash, src/reports/offer-index.ts). */
  offerMatches?: number;
  /**
   * The learned layer's probabilities given from outside (the evaluation's cross-validated view of
   * the train split); the model's thresholds still apply.
   */
  modelOverride?: ModelOverride;
}

export interface ModelOverride {
  scam: number;
  narrative: number;
}

/** Screens a pasted or forwarded job offer. Never throws on any string. */
export function screenOffer(text: string, options: ScreenOptions = {}): ScreeningResult {
  const n = normalise(text);
  return screenExtracted(
    n,
    extract(n),
    options.known ?? [],
    options.engine ?? screeningEngine(),
    options.offerMatches ?? 0,
    options.modelOverride,
  );
}

/** Extracts the identifiers, asks the lookup what is known about them, then screens. */
export async function screenOfferWithLookup(
  text: string,
  lookup: IdentifierLookup,
  engine: ScreeningEngine = screeningEngine(),
): Promise<ScreeningResult> {
  const n = normalise(text);
  const extraction = extract(n);
  const keys = extraction.identifiers.map(({ kind, value }) => ({ kind, value }));
  const known = keys.length > 0 ? await lookup.lookup(keys) : [];
  return screenExtracted(n, extraction, known, engine);
}

/** Drops matches that a nearby negation cancels ("tidak dipungut biaya", "never … tourist visas"). */
function cancelNegated(
  text: string,
  scan: ScanResult,
  negatable: (id: string) => boolean,
): { kept: PhraseMatch[]; negated: PhraseMatch[] } {
  const negations = scan.matches.filter((m) => m.id === markerId("negation"));
  const negationsAfter = scan.matches.filter((m) => m.id === markerId("negation_after"));
  const kept: PhraseMatch[] = [];
  const negated: PhraseMatch[] = [];
  for (const m of scan.matches) {
    if (!negatable(m.id)) {
      kept.push(m);
      continue;
    }
    let lo = 0;
    let hi = negations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (negations[mid]!.streamEnd <= m.streamStart) lo = mid + 1;
      else hi = mid;
    }
    let cancelled = false;
    for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) {
      const neg = negations[k]!;
      if (neg.streamEnd > m.streamStart) continue;
      if (m.streamStart - neg.streamEnd > 80) break;
      // A comma or colon ends the negation's reach: "tanpa pengalaman, visa turis dulu".
      if (/[,;:()/]/.test(text.slice(neg.end, m.start))) break;
      if (wordsBetween(scan.stream, neg.streamEnd, m.streamStart) <= NEGATION_WINDOW) {
        cancelled = true;
        break;
      }
    }
    // Myanmar negates after the thing negated ("ပွဲခ မယူပါ", no broker's fee taken).
    if (!cancelled) {
      const after = negationsAfter.find((neg) => neg.streamStart >= m.streamEnd);
      cancelled =
        after !== undefined &&
        after.streamStart - m.streamEnd <= NEGATION_AFTER_REACH &&
        !/[,;:()/|]/.test(text.slice(m.end, after.start));
    }
    (cancelled ? negated : kept).push(m);
  }
  return { kept, negated };
}

interface Collected {
  source: IndicatorSource;
  evidence: Span[];
  args?: Record<string, string | number>;
}

/** One text being screened: what every stage reads, and the evidence collected so far. */
interface Screening {
  n: NormalisedText;
  extraction: Extraction;
  engine: ScreeningEngine;
  compiled: CompiledCatalogue;
  toOriginal: (start: number, end: number) => Span;
  /** Phrase matches by id, negated ones and counters inside a risk phrase left out. */
  phrases: Map<string, PhraseMatch[]>;
  /** Evidence by indicator or counter id; the facts stage adds to it and strikes from it. */
  collected: Map<string, Collected>;
  markerCount: (id: string) => number;
}

/** What the facts stage learned about the offer beyond its indicators. */
interface FactsFound {
  /** Destination countries, most likely first (none when the job serves a market from home). */
  countries: string[];
  offerMarkers: number;
  jobContext: boolean;
  contacts: FactHit[];
}

/** A signal from what is already known: identifiers in reports or lists, offers seen before. */
interface KnownHit {
  id: string;
  category: string;
  strength: Strength;
  evidence: Span[];
  args: Record<string, string | number>;
}

/** Evidence from what is already known about the text's identifiers and offer. */
interface KnownSignals {
  /** One signal per kind of knowledge (the strongest). */
  knownById: Map<string, KnownHit>;
  knownRecruiter: boolean;
  licensedAgency: { evidence: Span[]; args: Record<string, string | number> } | undefined;
}

/** The signals the score weighs. */
interface Signals extends KnownSignals {
  risks: RiskSignal[];
  counters: CounterSignal[];
  /** How many categories of job risk signal have evidence in the text. */
  riskCategories: number;
}

/** What the text was read to be, with the learned layer's narrative reading behind it. */
interface KindReading extends KindDecision {
  narrative: boolean;
  /** The narrative head's probability (0 without a model). */
  narrativeP: number;
  recruiterContact: boolean;
}

export function screenExtracted(
  n: NormalisedText,
  extraction: Extraction,
  known: readonly KnownIdentifier[],
  engine: ScreeningEngine,
  offerMatches = 0,
  modelOverride?: ModelOverride,
): ScreeningResult {
  return finishScreening(prepareScreening(n, extraction, engine), known, offerMatches, modelOverride);
}

/**
 * A text screened as far as it can be without what earlier reports say: its phrases, its facts and
 * the learned layer's n-gram sums. A check sends its lookups first and prepares while Redis answers;
 * `finishScreening` then weighs what came back. Finish each prepared screening once.
 */
export interface PreparedScreening {
  readonly s: Screening;
  readonly facts: FactsFound;
  /** The learned layer's n-gram sums (undefined without a model). */
  readonly scores: NgramScores | undefined;
}

/** The part of the screening that needs nothing from Redis (see `PreparedScreening`). */
export function prepareScreening(
  n: NormalisedText,
  extraction: Extraction,
  engine: ScreeningEngine,
): PreparedScreening {
  const { compiled } = engine;
  const toOriginal = (start: number, end: number): Span => spanToOriginal(n, start, end);
  const { phrases, collected } = matchPhrases(n, compiled, toOriginal);
  const markerCount = (id: string): number => phrases.get(markerId(id))?.length ?? 0;
  const s: Screening = { n, extraction, engine, compiled, toOriginal, phrases, collected, markerCount };
  const facts = collectFacts(s);
  // The learned layer reads the text once; both heads' n-gram sums wait here for the rules' signals.
  const scores = engine.model ? ngramScores(engine.model, n.text) : undefined;
  return { s, facts, scores };
}

/** Weighs what is known about the text's identifiers and offer, and completes the screening. */
export function finishScreening(
  prepared: PreparedScreening,
  known: readonly KnownIdentifier[],
  offerMatches = 0,
  modelOverride?: ModelOverride,
): ScreeningResult {
  const { s, facts, scores } = prepared;
  const { extraction, engine } = s;
  const { catalogue } = s.compiled;
  const signals = weighSignals(s, known, offerMatches);
  const reading = readKind(s, facts, signals, scores, modelOverride);
  const { kind, evidence: kindEvidence } = reading;
  const outcome = scoreLevel(s, reading, signals);
  const notScored = !isScoredKind(kind);
  const indicators = explain(s, kind, signals, outcome);
  const { level, model } = learnedLayer(s, {
    kind,
    level: outcome.level,
    indicators,
    scores,
    jobContext: facts.jobContext,
    riskCategories: signals.riskCategories,
    licensedAgency: signals.licensedAgency !== undefined,
    modelOverride,
  });
  const advice = adviseOn({
    kind,
    level,
    indicators,
    destinations: facts.countries,
    catalogue,
    hotlines: engine.hotlines,
  });
  return {
    level,
    score: notScored ? 0 : outcome.score,
    kind,
    kindEvidence,
    ...(model ? { model } : {}),
    indicators,
    advice,
    extraction,
    destinations: facts.countries,
    catalogueVersion: catalogue.version,
  };
}

function collect(
  collected: Map<string, Collected>,
  id: string,
  source: IndicatorSource,
  evidence: Span[],
  args?: Record<string, string | number>,
): void {
  const entry = collected.get(id);
  if (entry) {
    entry.evidence.push(...evidence);
    if (args && !entry.args) entry.args = args;
    if (entry.source === "phrase" && source === "fact") entry.source = "fact";
  } else collected.set(id, { source, evidence: [...evidence], ...(args ? { args } : {}) });
}

/** Drops the evidence of `id` that `drop` picks, and the signal when none is left. */
function dropEvidence(collected: Map<string, Collected>, id: string, drop: (e: Span) => boolean): void {
  const entry = collected.get(id);
  if (!entry) return;
  const kept = entry.evidence.filter((e) => !drop(e));
  if (kept.length === entry.evidence.length) return;
  entry.evidence = kept;
  if (kept.length === 0) collected.delete(id);
}

/** Stage 1: the catalogue's phrases found in the text, negations cancelled, as collected evidence. */
function matchPhrases(
  n: NormalisedText,
  compiled: CompiledCatalogue,
  toOriginal: (start: number, end: number) => Span,
): { phrases: Map<string, PhraseMatch[]>; collected: Map<string, Collected> } {
  const scan = compiled.matcher.scan(n);
  const negatable = (id: string): boolean =>
    compiled.indicators.get(id)?.negatable === true || compiled.counters.get(id)?.negatable === true;
  const { kept, negated } = cancelNegated(n.text, scan, negatable);

  // A counter inside a risk phrase ("visa kerja" in "tidak perlu visa kerja") is not a counter.
  const covered = new Uint8Array(scan.stream.length + 1);
  for (const m of kept) if (compiled.indicators.has(m.id)) covered.fill(1, m.streamStart, m.streamEnd);
  const insideRisk = (m: PhraseMatch): boolean => {
    for (let k = m.streamStart; k < m.streamEnd; k++) if (covered[k] === 1) return true;
    return false;
  };
  const phrases = new Map<string, PhraseMatch[]>();
  for (const m of kept) {
    if (compiled.counters.has(m.id) && m.id !== WARNING && insideRisk(m)) continue;
    const list = phrases.get(m.id);
    if (list) list.push(m);
    else phrases.set(m.id, [m]);
  }

  const collected = new Map<string, Collected>();
  for (const [id, matches] of phrases) {
    if (compiled.indicators.has(id) || compiled.counters.has(id)) {
      collect(
        collected,
        id,
        compiled.counters.has(id) ? "counter" : "phrase",
        matches.map((m) => toOriginal(m.start, m.end)),
      );
    }
  }
  // "NO TIPU2", "bukan penipuan": a denied warning is a reassurance, a known recruiter trick.
  const deniedWarnings = negated.filter((m) => m.id === WARNING);
  if (deniedWarnings.length > 0) {
    collect(
      collected,
      "chan_fake_official_claims",
      "phrase",
      deniedWarnings.map((m) => toOriginal(m.start, m.end)),
    );
  }
  return { phrases, collected };
}

/** Stage 2: facts read from the extraction (places, pay, fees, contacts) and the adjustments they make. */
function collectFacts(s: Screening): FactsFound {
  const { n, extraction, engine, compiled, collected, markerCount } = s;
  const { catalogue } = compiled;
  const input: FactInput = {
    n,
    extraction,
    phrases: s.phrases,
    salary: catalogue.salaryReferences,
    home: homeCountryOf(n.original),
    hotlines: engine.hotlineNumbers,
    toOriginal: s.toOriginal,
  };
  const addFacts = (facts: FactHit[]): void => {
    for (const f of facts)
      collect(collected, f.id, compiled.counters.has(f.id) ? "counter" : "fact", f.evidence, f.args);
  };
  const destinations = destinationFacts(input);
  addFacts(destinations.hits);
  // Goods through a border gate ("xe hàng qua cửa khẩu", "ส่งสินค้าผ่านด่าน") are trade, not a
  // person crossing: a crossing phrasing right after a word for goods does not count.
  const goods = (s.phrases.get(markerId("goods")) ?? []).map((m) => s.toOriginal(m.start, m.end));
  dropEvidence(collected, "route_overland_border_crossing", (e) =>
    goods.some((g) => g.end <= e.start && e.start - g.end <= GOODS_REACH),
  );
  // The catalogue's phrasings name the same towns: a town of the writer's own country that the
  // gazetteer read as an ordinary one (see destinationFacts) is not decisive through them either.
  const homeTowns = collected.get("dest_compound_town_home")?.evidence ?? [];
  dropEvidence(collected, "dest_compound_place", (e) =>
    homeTowns.some((h) => h.start < e.end && e.start < h.end),
  );
  addFacts(dubaiOfficeFact(input));
  // The writer's own country is no destination, however the catalogue's phrasings name it.
  const homeIndicator = HOME_INDICATOR[input.home];
  if (homeIndicator) collected.delete(homeIndicator);
  // A job located at home that serves a foreign market ("Khmer-speaking CS, office in Bangkok" for
  // a Thai reader): the country named is the market, the destination is home.
  // So does a job that says in so many words that it stays at home ("tanpa penugasan luar negeri",
  // "ไม่ต้องเดินทางไปต่างประเทศ"): the countries it names are markets or trips, and the statement is
  // a sign of a job at home. A compound town or a route is never cleared by it.
  const staysHome = s.phrases.get(markerId("stays_home")) ?? [];
  const servesMarketFromHome =
    staysHome.length > 0 ||
    (markerCount("foreign_market") > 0 &&
      extraction.places.some((p) => p.country === input.home && p.kind === "city"));
  if (staysHome.length > 0)
    collect(
      collected,
      "ok_domestic_job",
      "counter",
      staysHome.map((m) => s.toOriginal(m.start, m.end)),
    );
  if (servesMarketFromHome) for (const id of MARKET_NOT_DESTINATION) collected.delete(id);
  const countries = servesMarketFromHome ? [] : destinations.countries;
  const namedForeign = [...collected.keys()].some((id) => COUNTRY_INDICATORS.has(id));
  if (namedForeign) collected.delete("dest_unnamed_country");
  const abroad = namedForeign || collected.has("dest_unnamed_country");
  const nonPlacement =
    countries.some((c) => catalogue.salaryReferences.nonPlacementCountries.includes(c)) ||
    [...collected.keys()].some((id) => NON_PLACEMENT_INDICATORS.has(id));

  addFacts(salaryFacts(input, countries, collected.has("dest_unnamed_country")));
  addFacts(feeFacts(input));
  addFacts(localGigPayFact(input, abroad));
  addFacts(transitFact(input, countries));
  addFacts(exitPointFact(input, abroad));
  addFacts(hoursFact(input));
  addFacts(namedEmployerFact(input, countries));
  addFacts(verifiableEmployerFact(input));

  // Counters that cannot hold: no licence or visa makes Cambodia/Myanmar/Laos a legal placement.
  if (nonPlacement) {
    for (const id of [
      "ok_official_g2g_program",
      "ok_licensed_p3mi_verifiable",
      "ok_work_visa_contract",
      "ok_plausible_wage_named_employer",
    ]) {
      collected.delete(id);
    }
  }
  // A job at home that serves a foreign market ("CS fluent in Thai, office in Jakarta") stays domestic.
  if (abroad && markerCount("foreign_market") === 0 && staysHome.length === 0)
    collected.delete("ok_domestic_job");
  const verifiable = collected.has("ok_licensed_p3mi_verifiable") || collected.has("ok_official_g2g_program");

  const offerMarkers = markerCount("offer") + extraction.money.filter((m) => m.context === "salary").length;
  const jobContext = offerMarkers > 0 || markerCount("job_word") > 0 || extraction.jobs.length > 0;
  const offerAbroad = abroad && offerMarkers > 0;
  const contacts = contactFacts(input, offerAbroad && !verifiable);
  addFacts(contacts);
  addFacts(officialClaimFact(input, nonPlacement, verifiable));
  // A licence number can be checked: the claim of being official is then not an empty one.
  if (collected.has("ok_licence_number")) collected.delete("chan_fake_official_claims");
  return { countries, offerMarkers, jobContext, contacts };
}

/** Stage 3: the risk signals and counters collected, with what is known about identifiers and offer. */
function weighSignals(s: Screening, known: readonly KnownIdentifier[], offerMatches: number): Signals {
  const { compiled, collected } = s;
  // Job risk signals are themselves evidence of an offer ("CASINO JOBS … Female 18–28 … PM now"):
  // they are never dropped; the kind decides whether they score.
  // Places and routes are not job evidence: a logistics firm's notice names Phnom Penh and the
  // Moc Bai–Bavet gate without offering anyone a job. Nor is a way to get in touch: a shop, a bus
  // company or a carrier gives its number too.
  const riskCategories = new Set(
    [...collected]
      .filter(([id, c]) => c.evidence.length > 0 && compiled.indicators.has(id))
      .map(([id]) => compiled.indicators.get(id)!.category)
      .filter((category) => !PLACE_CATEGORIES.has(category) && category !== "recruiter_channel"),
  ).size;

  const definition = (id: string): IndicatorDef | undefined => compiled.indicators.get(id);
  const risks: RiskSignal[] = [];
  for (const id of collected.keys()) {
    const def = definition(id);
    if (def) risks.push({ id, category: def.category, strength: def.strength });
  }
  const knownSignals = knownIdentifierSignals(s.extraction, known, offerMatches);
  for (const h of knownSignals.knownById.values())
    risks.push({ id: h.id, category: h.category, strength: h.strength });

  const counters: CounterSignal[] = [];
  for (const id of collected.keys()) {
    const c = compiled.counters.get(id);
    if (c?.weight !== undefined) counters.push({ id, weight: c.weight });
  }
  return { ...knownSignals, risks, counters, riskCategories };
}

/** Known identifiers raise the level; a licensed agency explains it. */
function knownIdentifierSignals(
  extraction: Extraction,
  known: readonly KnownIdentifier[],
  offerMatches: number,
): KnownSignals {
  const knownHits: KnownHit[] = [];
  let knownRecruiter = false;
  let licensedAgency: KnownSignals["licensedAgency"];
  for (const k of known) {
    const mentions = extraction.identifiers.filter((i) => i.kind === k.kind && i.value === k.value);
    const evidence = mentions.map((i) => ({ start: i.start, end: i.end }));
    const args = { kind: k.kind, value: k.value, count: k.reports };
    if (k.verdict === "known_recruiter") {
      knownRecruiter = true;
      knownHits.push({
        id: "known_recruiter_identifier",
        category: "known_identifier",
        strength: "decisive",
        evidence,
        args,
      });
    } else if (k.verdict === "licensed_agency") {
      licensedAgency = { evidence, args };
    } else if (k.reports > 0) {
      // Already in a report: a warning on its own (medium); in several, a strong sign (high).
      const strength: Strength = k.reports >= MANY_REPORTS ? "decisive" : "strong";
      knownHits.push({
        id: "known_reported_identifier",
        category: "known_identifier",
        strength,
        evidence,
        args,
      });
    }
  }
  // Offers seen before: the same text in earlier reports is a moderate sign, in several a strong one.
  if (offerMatches > 0) {
    knownHits.push({
      id: "known_reported_offer",
      category: "known_identifier",
      strength: offerMatches >= MANY_REPORTS ? "strong" : "moderate",
      evidence: [],
      args: { count: offerMatches },
    });
  }
  // One signal per kind of knowledge (the strongest), so two reported numbers do not double-count.
  const knownById = new Map<string, KnownHit>();
  for (const h of knownHits) {
    const prev = knownById.get(h.id);
    if (!prev || (prev.args.count as number) < (h.args.count as number))
      knownById.set(h.id, prev ? { ...h, evidence: [...prev.evidence, ...h.evidence] } : h);
  }
  return { knownById, knownRecruiter, licensedAgency };
}

/** Stage 4: what kind of text this is (offer, warning, story, question…), the learned layer's narrative head aiding. */
function readKind(
  s: Screening,
  facts: FactsFound,
  signals: Signals,
  scores: NgramScores | undefined,
  modelOverride: ModelOverride | undefined,
): KindReading {
  const { n, engine, compiled, collected, phrases, markerCount, toOriginal } = s;
  const { risks } = signals;
  const definition = (id: string): IndicatorDef | undefined => compiled.indicators.get(id);
  const weights = compiled.catalogue.strengthWeights;
  const jobIndependentPoints = risks
    .filter((r) => definition(r.id)?.jobContext !== true)
    .reduce((sum, r) => sum + weights[r.strength], 0);
  // The learned layer's narrative head is evidence of a warning or story.
  const narrativeP = engine.model && scores ? (modelOverride?.narrative ?? narrativeProbability(scores)) : 0;
  const narrative = engine.model ? narrativeP >= engine.model.narrativeAt : false;
  // A retelling the model is sure of, with no recruiter contact in it: a "PM me" or "ทักมา" there is
  // quoted or past ("someone messaged me"), not a live call to action.
  const surelyNarrative = narrative && narrativeP >= SURE_NARRATIVE;
  const recruiterContact = facts.contacts.some((f) => f.id === "chan_private_chat_redirect");
  const decision = weighKind({
    narrative,
    warningMarkers: phrases.get(WARNING)?.length ?? 0,
    storyMarkers: markerCount("story"),
    questionMarkers: markerCount("question"),
    announcementMarkers: markerCount("announcement"),
    personalCallToAction:
      ((phrases.get(markerId("call_to_action")) ?? []).some(
        (m) => !quoted(n.original, toOriginal(m.start, m.end).start),
      ) &&
        !((surelyNarrative || markerCount("story") >= 2) && !recruiterContact)) ||
      (recruiterContact &&
        (phrases.get(WARNING)?.length ?? 0) < 2 &&
        !narrative &&
        markerCount("announcement") === 0 &&
        markerCount("story") === 0),
    departureUrgency: collected.has("urg_depart_immediately"),
    riskCategories: signals.riskCategories,
    offerMarkers: facts.offerMarkers,
    helpRequest: markerCount("help_request") > 0,
    nonJobChat: collected.has(NON_JOB),
    officialProgramme: collected.has("ok_official_g2g_program"),
    licensedWithWorkVisa:
      collected.has("ok_licensed_p3mi_verifiable") && collected.has("ok_work_visa_contract"),
    jobContext: facts.jobContext,
    decisive: risks.some((r) => r.strength === "decisive"),
    decisiveBeyondPlace: risks.some((r) => r.strength === "decisive" && !PLACE_CATEGORIES.has(r.category)),
    decisiveJobIndependent: risks.some(
      (r) => r.strength === "decisive" && definition(r.id)?.jobContext !== true,
    ),
    jobIndependentPoints,
  });
  return { ...decision, narrative, narrativeP, recruiterContact };
}

/** Stage 5: the score and level, then what a licensed agency, real-employer signs and a retelling change. */
function scoreLevel(s: Screening, reading: KindReading, signals: Signals): ScoreOutcome {
  const { compiled } = s;
  const { catalogue } = compiled;
  const { kind, narrative, narrativeP, recruiterContact } = reading;
  const { risks, counters, knownRecruiter, licensedAgency } = signals;
  let outcome = scoreSignals({ kind, risks, counters, knownRecruiter }, catalogue);
  // A licensed agency may lower a medium that rests only on weak and moderate signals.
  if (
    licensedAgency &&
    outcome.level === "medium" &&
    outcome.strongCount === 0 &&
    outcome.decisiveCount === 0 &&
    outcome.combinations.length === 0
  ) {
    counters.push({ id: "known_licensed_agency", weight: -3 });
    outcome = scoreSignals({ kind, risks, counters, knownRecruiter }, catalogue);
  }
  // Legitimacy recognised positively: with nothing decisive, three signs of a real employer make
  // the text low, two take one step down.
  // A place is not a scam by itself ("jobs located in KH/MM/LA/TH are not scams by location alone"):
  // a decisive place name does not stop real-employer signs from counting, and when the places are
  // the only moderate or stronger signals, one such sign makes the text low.
  const legitimacy = counters.filter((c) => LEGITIMACY.has(c.id)).length;
  const beyondPlace = risks.filter(
    (r) => r.strength !== "weak" && compiled.indicators.get(r.id)?.category !== "destination",
  );
  const decisiveBeyondPlace = beyondPlace.some((r) => r.strength === "decisive");
  if (legitimacy >= 1 && beyondPlace.length === 0 && outcome.level !== "low" && !knownRecruiter)
    outcome = { ...outcome, level: "low" };
  if (!decisiveBeyondPlace && !knownRecruiter && legitimacy >= 2 && outcome.level !== "low") {
    const stepped: Level =
      legitimacy >= 3
        ? "low"
        : outcome.level === "critical"
          ? "high"
          : outcome.level === "high"
            ? "medium"
            : "low";
    outcome = { ...outcome, level: stepped };
  }
  // Read as an offer, yet it reads as a retelling and no recruiter contact is given (a question
  // about an offer is scored as that offer, and not capped):
  // flagged, but no higher than medium (a warning or story must never be rated high).
  // Warning words together with a retelling ("korban", "was rescued") read the same way.
  const retold =
    narrative ||
    narrativeP >= RETOLD_CAP_AT ||
    ((s.phrases.get(WARNING)?.length ?? 0) > 0 && s.markerCount("story") > 0);
  // Two warning words ("waspada", "korban", "beware … scam") cap it even beside a phone number: a
  // warning quotes the recruiter's contact or a hotline; it is still flagged, just not high.
  const warned = (s.phrases.get(WARNING)?.length ?? 0) >= 2;
  if (
    kind === "offer" &&
    ((retold && !recruiterContact) || warned) &&
    !knownRecruiter &&
    (outcome.level === "high" || outcome.level === "critical")
  )
    outcome = { ...outcome, level: "medium" };
  return outcome;
}

/** The evidence quoted for one indicator: in order, each span once, none inside another, at most five. */
function toEvidence(original: string, spans: Span[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.end <= s.start) continue;
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) continue;
    // A span inside one already quoted adds nothing.
    if (out.some((e) => e.start <= s.start && s.end <= e.end)) continue;
    seen.add(key);
    out.push({ start: s.start, end: s.end, quote: original.slice(s.start, s.end) });
    if (out.length >= MAX_EVIDENCE_PER_INDICATOR) break;
  }
  return out;
}

const strengthNumber = (s: Strength): number => ({ weak: 1, moderate: 2, strong: 3, decisive: 4 })[s];

/** Stage 6: the explanation, one indicator per risk and counter with its points and quotes, strongest first. */
function explain(s: Screening, kind: TextKind, signals: Signals, outcome: ScoreOutcome): IndicatorHit[] {
  const { collected } = s;
  const { risks, counters, knownById, licensedAgency } = signals;
  const notScored = !isScoredKind(kind);
  const quotes = (spans: Span[]): Evidence[] => toEvidence(s.n.original, spans);
  const indicators: IndicatorHit[] = [];
  for (const r of risks) {
    const c = collected.get(r.id);
    const knownHit = knownById.get(r.id);
    // In a warning or chat, an absence ("no company named") explains nothing.
    if (notScored && !knownHit && (c?.evidence.length ?? 0) === 0) continue;
    const args = knownHit?.args ?? c?.args;
    indicators.push({
      id: r.id,
      category: r.category,
      strength: strengthNumber(r.strength),
      points: notScored ? 0 : (outcome.points.get(r.id) ?? 0),
      source: knownHit ? "known_identifier" : (c?.source ?? "phrase"),
      message: { key: `screening-indicator-${r.id}`, ...(args ? { args } : {}) },
      evidence: quotes(knownHit?.evidence ?? c?.evidence ?? []),
    });
  }
  const counterIds = [...counters.map((c) => c.id)];
  if ((kind === "warning_about_scams" || kind === "story") && collected.has(WARNING))
    counterIds.push(WARNING);
  if (kind === "not_an_offer" && collected.has(NON_JOB)) counterIds.push(NON_JOB);
  for (const id of counterIds) {
    const c = collected.get(id);
    const licensed = id === "known_licensed_agency" ? licensedAgency : undefined;
    indicators.push({
      id,
      category: "counter_indicator",
      strength: -1,
      points: notScored ? 0 : (outcome.points.get(id) ?? 0),
      source: licensed ? "known_identifier" : "counter",
      message: { key: `screening-indicator-${id}`, ...(licensed ? { args: licensed.args } : {}) },
      evidence: quotes(licensed?.evidence ?? c?.evidence ?? []),
    });
  }
  // A licensed agency that did not change the level is still explained.
  if (licensedAgency && !counterIds.includes("known_licensed_agency")) {
    indicators.push({
      id: "known_licensed_agency",
      category: "counter_indicator",
      strength: -1,
      points: 0,
      source: "known_identifier",
      message: { key: "screening-indicator-known_licensed_agency", args: licensedAgency.args },
      evidence: quotes(licensedAgency.evidence),
    });
  }
  indicators.sort((a, b) => b.points - a.points || b.strength - a.strength || a.id.localeCompare(b.id));
  return indicators;
}

/** What the learned layer reads beside the rules. */
interface LearnedInput {
  kind: TextKind;
  level: Level;
  /** The explanation so far; the layer adds its own indicator when it changes the level. */
  indicators: IndicatorHit[];
  scores: NgramScores | undefined;
  jobContext: boolean;
  riskCategories: number;
  licensedAgency: boolean;
  modelOverride: ModelOverride | undefined;
}

/**
 * Stage 7, the learned layer: evidence beside the rules, never a quote. It may raise a low to
 * medium, and lower a medium to low only when no strong or decisive indicator is present.
 */
function learnedLayer(s: Screening, input: LearnedInput): { level: Level; model: ScreeningResult["model"] } {
  const { engine } = s;
  const { kind, indicators, scores, jobContext, riskCategories, licensedAgency, modelOverride } = input;
  let level = input.level;
  let model: ScreeningResult["model"];
  if (engine.model) {
    const signals = indicators.filter((h) => h.source !== "model" && h.strength !== 0).map((h) => h.id);
    const probability = modelOverride?.scam ?? scamProbability(engine.model, scores!, signals);
    model = { probability: Math.round(probability * 1000) / 1000, version: engine.model.version };
    const strongOrDecisive = indicators.some((h) => h.strength >= 3 && h.points > 0);
    // It speaks on offers and questions about offers; on a text read as no offer only from its own,
    // stricter threshold; never on warnings, stories, announcements or programmes.
    // A sales post or a shop's notice with a phone number is no job offer: resembling one is not
    // enough to raise it without a job word or two kinds of job risk signal.
    const jobEvidence = jobContext || riskCategories >= 2;
    const raiseAt =
      (kind === "offer" || kind === "question") && jobEvidence
        ? engine.model.raiseAt
        : kind === "not_an_offer" || kind === "offer" || kind === "question"
          ? engine.model.raiseNonOfferAt
          : Number.POSITIVE_INFINITY;
    // A sign of a real employer (a licence, a contract or work permit, a company domain, a job at
    // home, gig pay) with nothing strong against it: resembling reported scams must be clear-cut.
    const legitimate =
      indicators.some((h) => RAISE_GUARD.has(h.id)) && !indicators.some((h) => h.strength >= 3);
    // Nothing the rules found supports the resemblance: it must be clearer still.
    const unsupported = !supportsResemblance(indicators);
    // A text read as no offer with nothing of an offer in it — no job word, no money, no contact,
    // no risk signal (a family chat) — is not warned about for resembling scams. An obfuscated
    // post ("T.U.Y.Ể.N C.S.K.H … l.2OO $") still has its money or contact, and stays raisable.
    const nothingOfAnOffer =
      !jobContext && s.extraction.money.length === 0 && s.extraction.identifiers.length === 0;
    const raiseFrom =
      kind === "not_an_offer" && unsupported && nothingOfAnOffer
        ? Number.POSITIVE_INFINITY
        : Math.max(
            legitimate ? Math.max(raiseAt, engine.model.raiseLegitimateAt) : raiseAt,
            unsupported ? engine.model.raiseUnsupportedAt : 0,
          );
    if (level === "low" && !licensedAgency && probability >= raiseFrom) {
      level = "medium";
      model.effect = "raised";
      indicators.unshift({
        id: MODEL_RAISE,
        category: "model",
        strength: 2,
        points: 0,
        source: "model",
        message: {
          key: `screening-indicator-${MODEL_RAISE}`,
          args: { percent: Math.round(probability * 100) },
        },
        evidence: [],
      });
    } else {
      // Very unlike the scams it learned, with nothing decisive: a high steps down to medium (a
      // critical to high); the medium rule below may then take it to low when nothing strong is
      // present either.
      const decisive = indicators.some((h) => h.strength >= 4 && h.points > 0);
      if (
        (level === "high" || level === "critical") &&
        !decisive &&
        probability <= engine.model.lowerHighAt
      ) {
        level = level === "critical" ? "high" : "medium";
        model.effect = "lowered";
      }
      if (level === "medium" && !strongOrDecisive && probability <= engine.model.lowerAt) {
        level = "low";
        model.effect = "lowered";
      }
    }
    if (model.effect === "lowered") {
      indicators.push({
        id: MODEL_LOWER,
        category: "counter_indicator",
        strength: -1,
        points: 0,
        source: "model",
        message: {
          key: `screening-indicator-${MODEL_LOWER}`,
          args: { percent: Math.round(probability * 100) },
        },
        evidence: [],
      });
    }
  }
  return { level, model };
}
