/**
 * The indicator catalogue (data/indicators.json): validated once at load, then compiled into one
 * phrase matcher. The JSON is the single place where indicators, their strength and their
 * phrasings live; code only knows the few ids that facts and scoring compute.
 */
import { z } from "zod";
import { readDataFile } from "#src/screening/data-files.js";
import { type CompiledMatcher, compilePatterns, type PatternEntry } from "#src/screening/matcher.js";
import type { NormalisedText } from "#src/screening/types.js";

const Strength = z.enum(["weak", "moderate", "strong", "decisive"]);
export type Strength = z.infer<typeof Strength>;

/** Phrasings by language (id, en, vi, tl, th, lo …); matching ignores the language. */
const Phrases = z.record(z.string().regex(/^[a-z]{2,3}$/), z.array(z.string().min(1)));

const Indicator = z.object({
  id: z.string().regex(/^[a-z]+_[a-z0-9_]+$/),
  category: z.string(),
  strength: Strength,
  /** Counts only when the text is about a job (a holiday chat names Cambodia and "no visa" too). */
  jobContext: z.boolean().default(true),
  /** A negation just before a phrasing ("tidak dipungut biaya") cancels that match. */
  negatable: z.boolean().default(false),
  phrases: Phrases,
  sources: z.array(z.string()),
  advice: z.array(z.string()).default([]),
});
export type IndicatorDef = z.infer<typeof Indicator>;

const Counter = z.object({
  id: z.string().regex(/^ok_[a-z0-9_]+$/),
  weight: z.number().max(0).optional(),
  /** Instead of a weight: the kind of text this marks (a warning, a chat that offers no job). */
  override: z.enum(["warning_about_scams", "not_an_offer"]).optional(),
  negatable: z.boolean().default(false),
  phrases: Phrases,
  sources: z.array(z.string()),
});
export type CounterDef = z.infer<typeof Counter>;

const Marker = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  phrases: Phrases,
});

const Combination = z.object({
  id: z.string(),
  /** The rule fires when every group has at least one of its ids among the hits. */
  groups: z.array(z.array(z.string()).min(1)).min(1),
  sources: z.array(z.string()),
});
export type CombinationDef = z.infer<typeof Combination>;

const SalaryThreshold = z.object({ aboveMarket: z.number().positive(), extreme: z.number().positive() });

/** Where a promised wage stops being plausible for a job that asks for no experience (USD per month). */
const SalaryReferences = z.object({
  note: z.string(),
  default: SalaryThreshold,
  byCountry: z.record(z.string().regex(/^[A-Z]{2}$/), SalaryThreshold),
  southeastAsia: z.array(z.string().regex(/^[A-Z]{2}$/)),
  /** Countries officials say are not placement destinations for Indonesian migrant workers. */
  nonPlacementCountries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  nonPlacementSources: z.array(z.string()),
});
export type SalaryReferences = z.infer<typeof SalaryReferences>;

export const CatalogueSchema = z.object({
  version: z.string().min(1),
  description: z.string().optional(),
  strengthWeights: z.object({
    weak: z.number(),
    moderate: z.number(),
    strong: z.number(),
    decisive: z.number(),
  }),
  categoryCaps: z.record(z.string(), z.number().positive()),
  macros: z.record(z.string().regex(/^[A-Z_]+$/), z.string()).default({}),
  salaryReferences: SalaryReferences,
  indicators: z.array(Indicator),
  counters: z.array(Counter),
  markers: z.array(Marker),
  combinations: z.array(Combination),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** Matcher ids of markers are prefixed so they never collide with indicator ids. */
export const markerId = (id: string): string => `marker:${id}`;

export interface CompiledCatalogue {
  catalogue: Catalogue;
  matcher: CompiledMatcher;
  indicators: ReadonlyMap<string, IndicatorDef>;
  counters: ReadonlyMap<string, CounterDef>;
}

function expandMacros(pattern: string, macros: Record<string, string>): string {
  return pattern.replace(/<([A-Z_]+)>/g, (whole, name: string) => {
    const body = macros[name];
    if (body === undefined) throw new Error(`Unknown macro ${whole} in pattern: ${pattern}`);
    return body;
  });
}

/** Checks references between the parts of the catalogue that zod cannot see. */
function checkReferences(c: Catalogue): void {
  const ids = new Set<string>();
  for (const e of [...c.indicators, ...c.counters]) {
    if (ids.has(e.id)) throw new Error(`Duplicate catalogue id ${e.id}`);
    ids.add(e.id);
  }
  for (const ind of c.indicators) {
    if (c.categoryCaps[ind.category] === undefined)
      throw new Error(`No category cap for ${ind.category} (${ind.id})`);
  }
  for (const rule of c.combinations) {
    for (const id of rule.groups.flat()) {
      if (!ids.has(id)) throw new Error(`Combination ${rule.id} names unknown indicator ${id}`);
    }
  }
}

/** Every phrasing of the catalogue with its macros expanded, as matcher entries. */
export function catalogueEntries(catalogue: Catalogue): PatternEntry[] {
  const entries: PatternEntry[] = [];
  const add = (id: string, phrases: Record<string, string[]>): void => {
    for (const list of Object.values(phrases)) {
      for (const p of list) entries.push({ id, pattern: expandMacros(p, catalogue.macros) });
    }
  };
  for (const ind of catalogue.indicators) add(ind.id, ind.phrases);
  for (const counter of catalogue.counters) add(counter.id, counter.phrases);
  for (const marker of catalogue.markers) add(markerId(marker.id), marker.phrases);
  return entries;
}

/** Compiles a validated catalogue; `fold` is the normaliser the texts go through. */
export function compileCatalogue(input: unknown, fold: (s: string) => NormalisedText): CompiledCatalogue {
  const catalogue = CatalogueSchema.parse(input);
  checkReferences(catalogue);
  const entries = catalogueEntries(catalogue);
  return {
    catalogue,
    matcher: compilePatterns(entries, fold),
    indicators: new Map(catalogue.indicators.map((i) => [i.id, i])),
    counters: new Map(catalogue.counters.map((c) => [c.id, c])),
  };
}

/** Reads data/indicators.json (unvalidated; `compileCatalogue` validates). */
export function readCatalogueFile(): unknown {
  return readDataFile("indicators.json");
}
