/**
 * Place names from data/places.json (countries, compound towns, border crossings, exit points),
 * found in normalised text, plus flag emoji (🇰🇭) read from the original text.
 */
import { z } from "zod";
import { readDataFile } from "#src/screening/data-files.js";
import { Gazetteer, type GazetteerName } from "#src/screening/extract/gazetteer.js";
import { spanToOriginal } from "#src/screening/normalise.js";
import type { NormalisedText, PlaceKind, PlaceMention } from "#src/screening/types.js";

const placeKinds = [
  "country",
  "city",
  "compound_town",
  "transit_point",
  "border_crossing",
  "exit_point",
] as const satisfies readonly PlaceKind[];

const PlaceSchema = z.object({
  id: z.string().regex(/^[a-z]{2}(-[a-z0-9-]+)?$/),
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: z.enum(placeKinds),
  names: z.array(z.string().min(1)).min(1),
  /** Short or ambiguous names that count only after one of the listed words. */
  guarded: z.object({ names: z.array(z.string().min(1)), after: z.array(z.string().min(1)) }).optional(),
  /** Catalogue indicators the gazetteer row points to; the matcher decides whether they fire. */
  fires: z.array(z.string()).default([]),
  /**
   * A compound town that is also an ordinary town for the people who live in the country (a
   * provincial city with its markets, clinics and buses: Poipet, Sihanoukville), unlike a compound
   * enclave in an area outside the state's control (Shwe Kokko, the Golden Triangle SEZ).
   */
  ordinaryForResidents: z.boolean().default(false),
  source: z.string().min(1),
});

const PlacesFileSchema = z.object({
  version: z.string(),
  /** A country name right after these words is a language ("bahasa Inggris", "tiếng Thái"). */
  notAfterForCountries: z.array(z.string()).default([]),
  entries: z.array(PlaceSchema),
});

export type Place = z.infer<typeof PlaceSchema>;

const placesFile = PlacesFileSchema.parse(readDataFile("places.json"));

/** Every gazetteer entry, in file order. */
export const PLACES: readonly Place[] = placesFile.entries;
export const PLACES_VERSION = placesFile.version;

const placeById = new Map(PLACES.map((p) => [p.id, p]));

/** The gazetteer entry with this id (e.g. "kh-sihanoukville"), to read its `fires` and `source`. */
export function getPlace(id: string): Place | undefined {
  return placeById.get(id);
}

/** What a hit carries; a small plain object of one shape, so reading it on every hit stays fast. */
interface PlaceRef {
  placeId: string;
  country: string;
  kind: PlaceKind;
}

function* gazetteerNames(): Generator<GazetteerName<PlaceRef>> {
  const languageMarkers = new Set(placesFile.notAfterForCountries);
  for (const place of PLACES) {
    const value: PlaceRef = { placeId: place.id, country: place.country, kind: place.kind };
    const notAfter = place.kind === "country" ? languageMarkers : undefined;
    for (const name of place.names) yield { name, value, notAfter };
    if (place.guarded !== undefined) {
      const onlyAfter = new Set(place.guarded.after);
      for (const name of place.guarded.names) yield { name, value, onlyAfter, notAfter };
    }
  }
}

const gazetteer = new Gazetteer(gazetteerNames());

/** Regional-indicator pairs ("🇰🇭" = U+1F1F0 U+1F1ED) name a country by its ISO code. */
function findFlags(original: string): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  // Every flag starts with the high surrogate U+D83C: jump from one to the next.
  for (
    let i = original.indexOf("\ud83c");
    i >= 0 && i + 3 < original.length;
    i = original.indexOf("\ud83c", i + 1)
  ) {
    const a = original.charCodeAt(i + 1) - 0xdde6;
    if (a < 0 || a > 25 || original.charCodeAt(i + 2) !== 0xd83c) continue;
    const b = original.charCodeAt(i + 3) - 0xdde6;
    if (b < 0 || b > 25) continue;
    const code = String.fromCharCode(97 + a, 97 + b);
    const place = placeById.get(code);
    if (place !== undefined && place.kind === "country") {
      mentions.push({
        start: i,
        end: i + 4,
        raw: original.slice(i, i + 4),
        placeId: place.id,
        country: place.country,
        kind: place.kind,
      });
    }
    i += 3;
  }
  return mentions;
}

/** Places named in the text, with original spans, in text order. */
export function extractPlaces(n: NormalisedText): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const hit of gazetteer.find(n.text)) {
    const span = spanToOriginal(n, hit.start, hit.end);
    mentions.push({
      start: span.start,
      end: span.end,
      raw: n.original.slice(span.start, span.end),
      placeId: hit.value.placeId,
      country: hit.value.country,
      kind: hit.value.kind,
    });
  }
  mentions.push(...findFlags(n.original));
  return mentions.sort((x, y) => x.start - y.start);
}
