/**
 * The one place that decides what kind of text this is and how risky it is.
 *
 * Kind first, because warnings, news and holiday chat use the same words as scam offers. Kind is
 * evidence, not a gate: each kind has weighed signals (`weighKind` reports them), and no kind
 * removes the indicators found (a warning lists them with no points).
 * 0. A live call to action (recruiter contact, "PM now", "DM", "kirim CV") makes an offer,
 *    whatever else the text says.
 * 1. warning_about_scams — warning/news/advice markers ("waspada", "modus", "beware", "cảnh báo");
 *    story — a retelling in the past tense ("was rescued", "sudah dipulangkan"). A warning that
 *    quotes an ad is a warning.
 * 2. not_an_offer — a help request or a non-job chat (holiday, study, business trip) with no offer
 *    words; or a text with no job evidence (no job words, fewer than two kinds of job risk signal)
 *    whose job-independent signals are weak.
 * 3. official_programme — a government programme (EPS-TOPIK G-to-G …), or a licensed agency with
 *    a work visa / contract, and nothing decisive; announcement — a company names its official
 *    channel or moves its office, with no offer words and nothing decisive beyond places and routes
 *    (its "contact customer service" is no call to action when nothing in it offers a job).
 * 4. question — a person asks whether an offer is safe: scored as the offer it describes.
 * 5. offer — everything else.
 *
 * Score (INDICATORS.md section 1, tuned on the dev set):
 * - each indicator adds its strength weight: weak 0.5, moderate 1.5, strong 3, decisive 6
 *   (data/indicators.json `strengthWeights`), once per indicator however often it matches;
 * - the sum of one category is capped (`categoryCaps`), so five ways of saying "free ticket" do not
 *   outweigh a tourist visa; a capped category shares the cap in proportion;
 * - every combination rule C1–C11 that fires adds 2 (at most three rules count);
 * - valid counter-indicators subtract their weight (official programme −6, licensed agency −3,
 *   work visa/contract −3, domestic job −6, named employer with plausible wage −2);
 * - score = max(0, sum), one decimal.
 * Level:
 * - warnings and not-an-offer texts are `low`; an official programme is `low` unless something
 *   decisive is present, an announcement unless something decisive beyond places and routes is;
 * - `high`: any decisive indicator (counters never cancel it); or a combination rule or two strong
 *   indicators, unless counters reach −6; or score ≥ 9;
 * - `medium`: exactly one strong indicator and no counter, or score ≥ 3.5;
 * - `critical`: high, and a known recruiter identifier, or two decisive indicators, or score ≥ 18;
 * - `low` otherwise.
 */
import type { Catalogue, Strength } from "#src/screening/catalogue.js";
import type { Level, TextKind } from "#src/screening/types.js";

export const MEDIUM_SCORE = 3.5;
/** Categories that say where, not what: no evidence by themselves that a text is about a job. */
export const PLACE_CATEGORIES: ReadonlySet<string> = new Set(["destination", "travel_route"]);
export const HIGH_SCORE = 9;
export const CRITICAL_SCORE = 18;
const COMBINATION_BONUS = 2;
const MAX_COMBINATIONS_COUNTED = 3;
/** Counters at least this strong can bring a "two strong signals" text below high. */
const STRONG_COUNTER_TOTAL = -6;

export interface RiskSignal {
  id: string;
  category: string;
  strength: Strength;
}

export interface CounterSignal {
  id: string;
  weight: number;
}

export interface ScoreInput {
  kind: TextKind;
  risks: readonly RiskSignal[];
  counters: readonly CounterSignal[];
  /** An officer marked an identifier in the text as a known recruiter. */
  knownRecruiter: boolean;
}

export interface ScoreOutcome {
  score: number;
  level: Level;
  /** Points each risk id added after category caps (counters: their weight). */
  points: Map<string, number>;
  /** Combination rules that fired, e.g. ["C1", "C11"]. */
  combinations: string[];
  strongCount: number;
  decisiveCount: number;
  counterTotal: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Warnings, stories and texts that are not about a job keep their indicators but score nothing. */
export function isScoredKind(kind: TextKind): boolean {
  return kind !== "warning_about_scams" && kind !== "story" && kind !== "not_an_offer";
}

/** Scores a set of distinct signals (one entry per indicator id). */
export function scoreSignals(
  input: ScoreInput,
  catalogue: Pick<Catalogue, "strengthWeights" | "categoryCaps" | "combinations">,
): ScoreOutcome {
  const weights = catalogue.strengthWeights;
  const points = new Map<string, number>();
  const byCategory = new Map<string, RiskSignal[]>();
  for (const r of input.risks) {
    const list = byCategory.get(r.category);
    if (list) list.push(r);
    else byCategory.set(r.category, [r]);
  }
  let riskTotal = 0;
  for (const [category, signals] of byCategory) {
    const sum = signals.reduce((s, r) => s + weights[r.strength], 0);
    const cap = catalogue.categoryCaps[category] ?? sum;
    const scale = sum > cap ? cap / sum : 1;
    for (const r of signals) points.set(r.id, round1(weights[r.strength] * scale));
    riskTotal += Math.min(sum, cap);
  }
  const present = new Set(input.risks.map((r) => r.id));
  const combinations = catalogue.combinations
    .filter((rule) => rule.groups.every((group) => group.some((id) => present.has(id))))
    .map((rule) => rule.id);
  const bonus = Math.min(combinations.length, MAX_COMBINATIONS_COUNTED) * COMBINATION_BONUS;
  let counterTotal = 0;
  for (const c of input.counters) {
    points.set(c.id, c.weight);
    counterTotal += c.weight;
  }
  const score = round1(Math.max(0, riskTotal + bonus + counterTotal));
  const strongCount = input.risks.filter((r) => r.strength === "strong").length;
  const decisiveCount = input.risks.filter((r) => r.strength === "decisive").length;

  let level: Level;
  if (!isScoredKind(input.kind)) level = "low";
  else if (input.kind === "official_programme" && decisiveCount === 0) level = "low";
  // A company's notice that names a place or a border gate (an office move, goods crossing at
  // Moc Bai–Bavet) offers nobody a job: only a decisive sign beyond places and routes raises it.
  else if (
    input.kind === "announcement" &&
    !input.risks.some((r) => r.strength === "decisive" && !PLACE_CATEGORIES.has(r.category))
  )
    level = "low";
  else if (decisiveCount > 0) level = "high";
  else if ((combinations.length > 0 || strongCount >= 2) && counterTotal > STRONG_COUNTER_TOTAL)
    level = "high";
  else if (score >= HIGH_SCORE) level = "high";
  else if ((strongCount === 1 && counterTotal === 0) || score >= MEDIUM_SCORE) level = "medium";
  else level = "low";

  if (level === "high" && (input.knownRecruiter || decisiveCount >= 2 || score >= CRITICAL_SCORE))
    level = "critical";
  return { score, level, points, combinations, strongCount, decisiveCount, counterTotal };
}

export interface KindInput {
  /** The learned layer reads the text as a retelling (warning, news, story). */
  narrative?: boolean;
  warningMarkers: number;
  /** Past-tense retelling: "anak saya sudah dipulangkan", "I escaped", "was rescued". */
  storyMarkers: number;
  /** "Is this safe?", "aman ga?", "legit ba ito?": a person asks about an offer. */
  questionMarkers: number;
  /** A company announcing its official channel, an office move … */
  announcementMarkers: number;
  /** A live call to action ("PM now", "DM", "kirim CV") or a recruiter contact that is not a hotline. */
  personalCallToAction: boolean;
  /** "Leaving this week", "berangkat minggu ini": the pressure of a live offer. */
  departureUrgency: boolean;
  offerMarkers: number;
  helpRequest: boolean;
  nonJobChat: boolean;
  officialProgramme: boolean;
  licensedWithWorkVisa: boolean;
  jobContext: boolean;
  /** Distinct categories of job risk signals found in the text (lure, pay, requirements …). */
  riskCategories: number;
  decisive: boolean;
  /** A decisive signal beyond places and routes (a border town or gate alone is not one). */
  decisiveBeyondPlace: boolean;
  /** A decisive signal that never occurs in innocent chat (a coached cover story, passport handover). */
  decisiveJobIndependent: boolean;
  /** Points of the signals that count without a job context (passport handover, cover story …). */
  jobIndependentPoints: number;
}

export interface KindDecision {
  kind: TextKind;
  /** The weight of evidence for each kind that had any, strongest first (shown by `check --json`). */
  evidence: { kind: TextKind; weight: number }[];
}

/**
 * Weighs the evidence for each kind of text; see the top of this file. Nothing here removes an
 * indicator: a text read as a warning or a chat keeps its indicators (with no points), and a live
 * call to action makes a text an offer whatever else it says.
 */
export function weighKind(k: KindInput): KindDecision {
  const offer =
    (k.personalCallToAction ? 4 : 0) +
    (k.departureUrgency ? 2 : 0) +
    Math.min(k.offerMarkers, 3) +
    (k.jobContext ? 1 : 0) +
    Math.min(k.riskCategories, 4) * 0.5;
  const weights: [TextKind, number][] = [
    ["offer", offer],
    ["warning_about_scams", Math.min(k.warningMarkers, 4) * 2 + (k.narrative ? 3 : 0)],
    ["story", Math.min(k.storyMarkers, 3) * 1.5],
    ["question", Math.min(k.questionMarkers, 2) * 1.5],
    ["announcement", Math.min(k.announcementMarkers, 2) * 2],
    [
      "not_an_offer",
      (k.nonJobChat && k.offerMarkers === 0 ? 3 : 0) +
        (k.helpRequest && k.offerMarkers === 0 ? 3 : 0) +
        (!k.jobContext && k.riskCategories < 2 ? 3 : 0),
    ],
  ];
  const evidence = weights
    .filter(([, w]) => w > 0)
    .map(([kind, weight]) => ({ kind, weight: Math.round(weight * 10) / 10 }))
    .sort((a, b) => b.weight - a.weight);
  return { kind: decideKind(k), evidence };
}

/** Decides what kind of text this is; see the top of this file. */
export function decideKind(k: KindInput): TextKind {
  const officialStrong = k.officialProgramme && k.warningMarkers <= 1;
  // A live call to action makes an offer of whatever else the text says.
  const live = k.personalCallToAction;
  const jobEvidence = k.jobContext || k.riskCategories >= 2;
  if (!live && !officialStrong) {
    // A warning that quotes a lure is a warning; a retelling in the past tense is a story.
    if (k.warningMarkers > 0 && !(k.departureUrgency && k.warningMarkers < 2 && k.storyMarkers === 0))
      return k.storyMarkers > k.warningMarkers ? "story" : "warning_about_scams";
    if (k.storyMarkers >= 2 && k.questionMarkers === 0) return "story";
    if (k.narrative && k.questionMarkers === 0) return k.storyMarkers > 0 ? "story" : "warning_about_scams";
  }
  if (k.helpRequest && k.offerMarkers === 0 && !live) return "not_an_offer";
  if (k.nonJobChat && k.offerMarkers === 0 && !k.decisiveJobIndependent && !live) return "not_an_offer";
  if ((k.officialProgramme || k.licensedWithWorkVisa) && !k.decisive) return "official_programme";
  if (
    k.announcementMarkers > 0 &&
    !k.decisiveBeyondPlace &&
    // A notice's "contact customer service" is a company's contact line when nothing offers a job.
    (!live || (k.offerMarkers === 0 && k.riskCategories < 2)) &&
    (k.offerMarkers === 0 || k.announcementMarkers >= 2) &&
    k.riskCategories < 4
  )
    return "announcement";
  // Nothing says there is a job (no job word, no job risk signal beyond places and routes): a call
  // to action there is a shop's or a carrier's, not a recruiter's.
  if (!jobEvidence && (!live || k.riskCategories === 0) && k.jobIndependentPoints < 3) return "not_an_offer";
  // A person describing an offer and asking about it is asking about that offer: scored as one.
  if (k.questionMarkers > 0) return "question";
  return "offer";
}
