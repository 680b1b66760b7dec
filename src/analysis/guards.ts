/**
 * The model's reply is data, never authority. These guards decide what of a second opinion
 * survives: an indicator needs a catalogue id and a quote that is really in the offer (compared
 * after the screening's own normalisation); the model may add indicators and raise the level, never
 * lower what the rules found; and an offer that tries to instruct the model keeps its rule level,
 * with the attempt itself shown as an indicator.
 */

import type { SecondOpinionReply } from "#src/analysis/schemas.js";
import { catalogueEntries } from "#src/screening/catalogue.js";
import { type CompiledMatcher, compilePatterns } from "#src/screening/matcher.js";
import { normalise, spanToOriginal } from "#src/screening/normalise.js";
import { screeningEngine } from "#src/screening/screen.js";
import { LEVELS, type Level } from "#src/screening/types.js";

export const INJECTION_INDICATOR = "proc_model_injection";

/** Runs of base64 long enough to hide a sentence; shorter ones are ordinary words and ids. */
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_-]{16,}={0,2}/g;
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;
const MIN_QUOTE = 3;

let injectionMatcher: CompiledMatcher | undefined;

/** The catalogue's phrasings of the injection indicator, compiled alone for decoded text. */
function matcher(): CompiledMatcher {
  if (!injectionMatcher) {
    const entries = catalogueEntries(screeningEngine().compiled.catalogue).filter(
      (e) => e.id === INJECTION_INDICATOR,
    );
    injectionMatcher = compilePatterns(entries, normalise);
  }
  return injectionMatcher;
}

function phrasesIn(text: string): string[] {
  const n = normalise(text);
  return matcher()
    .scan(n)
    .matches.map((m) => {
      const span = spanToOriginal(n, m.start, m.end);
      return n.original.slice(span.start, span.end).replace(INVISIBLE, "");
    });
}

/** Decodes a base64 run when it is readable text (most runs of letters are not base64 at all). */
function decodeBase64(run: string): string | undefined {
  const decoded = Buffer.from(run.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  if (decoded.length < 8) return undefined;
  const printable = [...decoded].filter((c) => /[\p{L}\p{N}\p{P}\p{Zs}]/u.test(c)).length;
  return printable / [...decoded].length >= 0.9 ? decoded : undefined;
}

export interface InjectionFinding {
  /** What in the offer tries to instruct the model (the decoded words, for base64). */
  quotes: string[];
  /** Found only after decoding base64: the offer hides it on purpose. */
  encoded: boolean;
}

/**
 * Finds instructions aimed at a model: in plain words, hidden with zero-width characters (the
 * normaliser drops those), or base64-encoded.
 */
export function findInjection(texts: readonly string[]): InjectionFinding | undefined {
  const quotes: string[] = [];
  let encoded = false;
  for (const text of texts) {
    quotes.push(...phrasesIn(text));
    for (const run of text.replace(INVISIBLE, "").match(BASE64_RUN) ?? []) {
      const decoded = decodeBase64(run);
      if (!decoded) continue;
      const found = phrasesIn(decoded);
      if (found.length > 0) {
        encoded = true;
        quotes.push(...found);
      }
    }
  }
  return quotes.length > 0 ? { quotes: [...new Set(quotes)].slice(0, 5), encoded } : undefined;
}

const folded = (s: string): string => normalise(s).text.replace(/\s+/g, " ").trim();

/** True when the quote is in one of the texts, after the normalisation the screening uses. */
export function quoteIsInText(quote: string, texts: readonly string[]): boolean {
  const q = folded(quote);
  if (q.length < MIN_QUOTE) return false;
  return texts.some((t) => folded(t).includes(q));
}

export interface GuardedIndicator {
  id: string;
  quote: string;
  /** Not among what the rules found. */
  added: boolean;
}

export interface GuardedOpinion {
  ruleLevel: Level;
  /** What the model said, kept for the record even when it was not followed. */
  modelLevel: Level;
  /** The level the card suggests: never below the rules, never moved by an offer that instructs the model. */
  level: Level;
  indicators: GuardedIndicator[];
  discarded: Array<{ id: string; quote: string; reason: "unknown_id" | "quote_not_in_text" }>;
  injection?: InjectionFinding;
}

const rank = (level: Level): number => LEVELS.indexOf(level);

export function guardSecondOpinion(input: {
  reply: SecondOpinionReply;
  /** The rules' level and the ids of what they found. */
  rules: { level: Level; indicators: readonly string[] };
  /** The offer texts, and the text the model read in screenshots (it counts as text). */
  texts: readonly string[];
  riskIds: ReadonlySet<string>;
}): GuardedOpinion {
  const { reply, rules, texts, riskIds } = input;
  const ruleIds = new Set(rules.indicators);
  const indicators: GuardedIndicator[] = [];
  const discarded: GuardedOpinion["discarded"] = [];
  for (const { id, quote } of reply.indicators) {
    if (!riskIds.has(id)) discarded.push({ id: id.slice(0, 100), quote, reason: "unknown_id" });
    else if (!quoteIsInText(quote, texts)) discarded.push({ id, quote, reason: "quote_not_in_text" });
    else if (!indicators.some((i) => i.id === id)) indicators.push({ id, quote, added: !ruleIds.has(id) });
  }
  const injection = findInjection(texts);
  if (injection && !indicators.some((i) => i.id === INJECTION_INDICATOR)) {
    indicators.push({
      id: INJECTION_INDICATOR,
      quote: injection.quotes[0]!,
      added: !ruleIds.has(INJECTION_INDICATOR),
    });
  }
  // A level needs evidence: with no quote that holds, the model's level is an unsupported claim.
  const supported = indicators.some((i) => i.id !== INJECTION_INDICATOR);
  const raised = supported && rank(reply.level) > rank(rules.level) ? reply.level : rules.level;
  return {
    ruleLevel: rules.level,
    modelLevel: reply.level,
    level: injection ? rules.level : raised,
    indicators,
    discarded,
    ...(injection ? { injection } : {}),
  };
}
