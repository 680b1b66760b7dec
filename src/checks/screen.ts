/**
 * A text screened with what Redis knows: how often each of its contacts was reported (the
 * identifier index) and whether the same offer was reported before. Knows the reports layer and
 * screening, not Telegram, so the check, the screenshot check and the report's own screening share
 * one function.
 */
import type { ReportStore } from "#src/reports/store.js";
import { extract } from "#src/screening/extract/index.js";
import { finishScreening, prepareScreening, screeningEngine } from "#src/screening/index.js";
import { offerSignature } from "#src/screening/minhash.js";
import { normalise } from "#src/screening/normalise.js";
import type {
  ExtractedIdentifier,
  IdentifierKind,
  KnownIdentifier,
  ScreeningResult,
} from "#src/screening/types.js";

/** Kinds shown to the person as recruiter contacts (a full URL is represented by its domain). */
export const INDEXED_KINDS: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>([
  "phone",
  "whatsapp",
  "telegram_handle",
  "telegram_user_id",
  "domain",
  "email",
  "agency",
  "bank_account",
]);

/** Screening cost grows with length; anything longer is checked on its first part. */
export const MAX_CHECK_LENGTH = 20_000;

export type AskedIdentifier = Pick<ExtractedIdentifier, "kind" | "value">;

export interface Screened {
  result: ScreeningResult;
  known: KnownIdentifier[];
  /** Reports of the same offer seen before, by id. */
  offerMatches: string[];
}

/** Every recognised contact with how often it was reported (0 when never), one Redis round trip. */
export async function knownIdentifiers(
  reports: Pick<ReportStore, "lookup">,
  asked: ReadonlyArray<AskedIdentifier>,
): Promise<KnownIdentifier[]> {
  const unique = [
    ...new Map(
      asked.filter((a) => INDEXED_KINDS.has(a.kind)).map((a) => [`${a.kind}:${a.value}`, a]),
    ).values(),
  ];
  if (unique.length === 0) return [];
  const found = await reports.lookup.lookup(unique);
  return unique.map(
    (a) =>
      found.find((k) => k.kind === a.kind && k.value === a.value) ?? {
        kind: a.kind,
        value: a.value,
        reports: 0,
      },
  );
}

/**
 * Screens a text with what Redis knows about its contacts (and about `extra` identifiers, such as
 * a forwarded message's sender) and about the text itself (earlier reports of the same offer):
 * one extraction, one screening, the lookups in parallel. The lookups are sent first, and the
 * screening that needs none of their answers (phrases, facts, the learned layer) runs while Redis
 * answers.
 */
export async function screenWithLookup(
  reports: Pick<ReportStore, "lookup" | "offers">,
  text: string,
  extra: ReadonlyArray<AskedIdentifier> = [],
): Promise<Screened> {
  const n = normalise(text.slice(0, MAX_CHECK_LENGTH));
  const offers = reports.offers.matches(offerSignature(n.text));
  // Awaited below; these only keep a failed lookup from going unhandled should the work between throw.
  offers.catch(() => {});
  const extraction = extract(n);
  const contacts = knownIdentifiers(reports, [...extraction.identifiers, ...extra]);
  contacts.catch(() => {});
  const prepared = prepareScreening(n, extraction, screeningEngine());
  const [known, matches] = await Promise.all([contacts, offers]);
  return {
    result: finishScreening(prepared, known, matches.length),
    known,
    offerMatches: matches.map((m) => m.reportId),
  };
}
