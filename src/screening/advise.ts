/**
 * Advice chosen by the indicators: what to do instead, and whom to call for the destination.
 * Returns message keys with arguments; the bot renders them through locales/*.screening.ftl.
 */
import { z } from "zod";
import type { Catalogue } from "#src/screening/catalogue.js";
import { readDataFile } from "#src/screening/data-files.js";
import type { IndicatorHit, Level, MessageRef, TextKind } from "#src/screening/types.js";

const HotlineSchema = z.object({
  id: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
  /** Null when the research log has no number for this mission: name the official channel only. */
  number: z.string().nullable(),
  e164: z.string().nullable(),
  source: z.string(),
});
export type Hotline = z.infer<typeof HotlineSchema>;

const HotlinesFileSchema = z.object({
  version: z.string(),
  note: z.string().optional(),
  hotlines: z.array(HotlineSchema),
});

export function loadHotlines(input: unknown = readDataFile("hotlines.json")): Hotline[] {
  return HotlinesFileSchema.parse(input).hotlines;
}

/** Every advice key the engine can emit; the locale test checks each has a message in id and en. */
export const ADVICE_KEYS = [
  "screening-advice-emergency",
  "screening-advice-non-placement-country",
  "screening-advice-no-tourist-visa",
  "screening-advice-keep-passport",
  "screening-advice-never-lie-to-immigration",
  "screening-advice-no-fees",
  "screening-advice-refuse-money",
  "screening-advice-no-personal-data",
  "screening-advice-no-irregular-route",
  "screening-advice-fraud-work",
  "screening-advice-gambling-front",
  "screening-advice-penalty-trap",
  "screening-advice-free-becomes-debt",
  "screening-advice-salary-bait",
  "screening-advice-too-good",
  "screening-advice-competence",
  "screening-advice-exact-workplace",
  "screening-advice-ask-contract",
  "screening-advice-take-time",
  "screening-advice-tell-family",
  "screening-advice-known-recruiter",
  "screening-advice-verify-agency",
  "screening-advice-official-channels",
  "screening-advice-warning-thanks",
  "screening-advice-report",
  "screening-advice-hotline",
  "screening-advice-hotline-no-number",
] as const;
export type AdviceKey = (typeof ADVICE_KEYS)[number];

/** Most important first: what protects a person's life and freedom before what saves money. */
const PRIORITY: readonly string[] = ADVICE_KEYS;

export interface AdviceInput {
  kind: TextKind;
  level: Level;
  indicators: readonly IndicatorHit[];
  destinations: readonly string[];
  catalogue: Catalogue;
  hotlines: readonly Hotline[];
}

function hotlineAdvice(hotline: Hotline): MessageRef {
  if (hotline.number === null) {
    return { key: "screening-advice-hotline-no-number", args: { hotline: hotline.id, name: hotline.name } };
  }
  // The id picks the hotline's name in the reader's language (`hotline-name`); `name` is the fallback.
  return {
    key: "screening-advice-hotline",
    args: { hotline: hotline.id, name: hotline.name, number: hotline.number },
  };
}

/** Picks advice keys from the indicators (catalogue `advice`), ordered by importance. */
export function adviseOn(input: AdviceInput): MessageRef[] {
  const keys = new Set<string>();
  const byId = new Map(input.catalogue.indicators.map((i) => [i.id, i]));
  const risky = input.indicators.filter((h) => h.strength > 0 && (h.points > 0 || input.kind !== "offer"));
  const emergency = input.indicators.some((h) => h.id.startsWith("fl_"));
  if (emergency) keys.add("screening-advice-emergency");
  if (input.kind === "warning_about_scams" || input.kind === "story")
    keys.add("screening-advice-warning-thanks");
  if (input.kind === "official_programme") keys.add("screening-advice-official-channels");
  if (input.kind === "offer" || input.kind === "question" || emergency) {
    for (const hit of risky) for (const key of byId.get(hit.id)?.advice ?? []) keys.add(key);
    if (
      input.indicators.some(
        (h) => h.id === "known_recruiter_identifier" || h.id === "known_reported_identifier",
      )
    ) {
      keys.add("screening-advice-known-recruiter");
    }
    if (input.level !== "low") {
      keys.add("screening-advice-verify-agency");
      keys.add("screening-advice-report");
    }
  }
  if ((input.kind === "offer" || input.kind === "question") && input.level === "low")
    keys.add("screening-advice-official-channels");
  keys.delete("screening-advice-hotline");

  const advice: MessageRef[] = [...keys]
    .sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b))
    .map((key) => ({ key }));

  // Hotlines: the mission in the destination when the text points to one, then the home hotline.
  const wantHotline =
    emergency ||
    ((input.kind === "offer" || input.kind === "question") && input.level !== "low") ||
    input.kind === "warning_about_scams" ||
    input.kind === "story";
  if (wantHotline) {
    const destination = input.destinations
      .map((country) => input.hotlines.find((h) => h.country === country))
      .find((h) => h !== undefined);
    if (destination) advice.push(hotlineAdvice(destination));
    const home = input.hotlines.find((h) => h.country === "ID" && h.number !== null);
    if (home) advice.push(hotlineAdvice(home));
  }
  return advice;
}
