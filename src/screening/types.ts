/**
 * Shared shapes of the screening engine. Pure data: no I/O, no grammY.
 * Every position is a UTF-16 offset into the ORIGINAL text (what the user sent), end exclusive,
 * so `original.slice(start, end)` is exactly the quoted evidence.
 */

export type Level = "low" | "medium" | "high" | "critical";
export const LEVELS: readonly Level[] = ["low", "medium", "high", "critical"];

export interface Span {
  start: number;
  end: number;
}

/**
 * The text as the matcher sees it: folded (NFKC, lower case, no diacritics, look-alikes undone,
 * separators between single letters removed, repeated letters collapsed, emoji as spaces), with a
 * map from every position of `text` back to a position of `original`.
 */
export interface NormalisedText {
  original: string;
  text: string;
  /** toOriginal[i] = offset in `original` of the character that produced text[i]; length text.length + 1 (the last entry is original.length-ish end sentinel). */
  toOriginal: Int32Array;
}

export type IdentifierKind =
  | "phone" // E.164, e.g. +6281234567890
  | "whatsapp" // E.164 of a wa.me / WhatsApp number
  | "telegram_handle" // lower case, no @
  | "telegram_user_id" // numeric id as a string (forwarded messages; not found in text)
  | "domain" // registrable domain, lower case (tldts)
  | "url" // the full URL as written, normalised scheme/host case
  | "email" // lower case
  | "agency" // normalised agency / company name
  | "bank_account"; // digits only, with bank name if known: "bca:1234567890"

export interface ExtractedIdentifier extends Span {
  kind: IdentifierKind;
  /** Canonical value used as the index key. */
  value: string;
  /** As written in the text. */
  raw: string;
  /** ISO 3166-1 alpha-2 of a phone number's country, when known. */
  country?: string;
}

export type PayPeriod = "hour" | "day" | "week" | "month" | "year" | "once";

export interface MoneyMention extends Span {
  raw: string;
  amount: number;
  /** ISO 4217, e.g. IDR, USD, THB, PHP, VND, MYR, KHR, MMK. */
  currency: string;
  /** Null when the text gives no period (then treat as a monthly salary if it reads like one). */
  period: PayPeriod | null;
  /** Converted with the dated table in data/currency-rates.json; null if the currency is unknown. */
  usdPerMonth: number | null;
  /** Pay or a cost to the candidate, read from nearby words (gaji/salary/upah vs biaya/fee/bayar/deposit/potong). */
  context?: MoneyContext;
  /** Upper bound of a range ("25-30jt", "$1,000–1,500"); `amount` is then the lower bound. */
  amountMax?: number;
  /** `amountMax` converted like `usdPerMonth`. */
  usdPerMonthMax?: number | null;
  /** `amount` in USD with no period conversion: what a one-off fee (period "once") is worth. */
  usdAmount?: number | null;
}

export type MoneyContext = "salary" | "fee" | "unknown";

export type PlaceKind =
  | "country"
  | "city"
  | "compound_town"
  | "transit_point"
  | "border_crossing"
  | "exit_point";

export interface PlaceMention extends Span {
  raw: string;
  /** Stable id from data/places.json, e.g. "kh", "kh-sihanoukville", "mm-myawaddy". */
  placeId: string;
  /** ISO 3166-1 alpha-2 of the country the place is in. */
  country: string;
  kind: PlaceKind;
}

export interface JobMention extends Span {
  raw: string;
  /** Stable id from data/jobs.json, e.g. "customer_service", "data_entry", "factory_worker". */
  jobId: string;
  skill: "unskilled" | "semi_skilled" | "skilled";
}

export interface Extraction {
  identifiers: ExtractedIdentifier[];
  money: MoneyMention[];
  places: PlaceMention[];
  jobs: JobMention[];
}

export interface Evidence extends Span {
  quote: string;
}

/** What an officer verdict or earlier reports say about one identifier. */
export interface KnownIdentifier {
  kind: IdentifierKind;
  value: string;
  /** Number of earlier reports that mention it. */
  reports: number;
  verdict?: "known_recruiter" | "licensed_agency";
}

/** Implemented over Redis by src/reports/ later; the engine only reads through it. */
export interface IdentifierLookup {
  lookup(identifiers: ReadonlyArray<Pick<ExtractedIdentifier, "kind" | "value">>): Promise<KnownIdentifier[]>;
}

export type IndicatorSource = "phrase" | "fact" | "known_identifier" | "counter" | "model";

export interface IndicatorHit {
  /** Catalogue id, e.g. "dest_cambodia", "proc_tourist_visa", or "known_reported_identifier". */
  id: string;
  category: string;
  /** 1 (weak) … 3 (strong); counter-indicators negative. */
  strength: number;
  /** Points this hit added to the score after caps. */
  points: number;
  source: IndicatorSource;
  /** Fluent message key that explains the indicator, with its arguments. */
  message: MessageRef;
  evidence: Evidence[];
}

export interface MessageRef {
  key: string;
  args?: Record<string, string | number>;
}

export type TextKind =
  | "offer"
  /** Someone describes an offer and asks whether it is safe: scored as that offer. */
  | "question"
  | "warning_about_scams"
  /** A survivor's or relative's account in the past tense. */
  | "story"
  /** A company announcing its official channel, an office move … */
  | "announcement"
  | "official_programme"
  | "not_an_offer";

export interface ScreeningResult {
  level: Level;
  score: number;
  kind: TextKind;
  /** The weighed evidence for each kind that had any, strongest first. */
  kindEvidence?: { kind: TextKind; weight: number }[];
  /** The learned layer's view: probability that the text is a scam offer, and what it changed. */
  model?: { probability: number; version: string; effect?: "raised" | "lowered" };
  /** Strongest first. */
  indicators: IndicatorHit[];
  /** Advice chosen by the indicators, most important first; rendered by the bot through locales/. */
  advice: MessageRef[];
  extraction: Extraction;
  /** ISO alpha-2 codes of the destination countries the text names, most likely first. */
  destinations: string[];
  /** Version of the catalogue data used, so stored results can be explained later. */
  catalogueVersion: string;
}
