/**
 * What the report conversation collects before Send; becomes a ReportDraft for the store. Field
 * shapes come from the Report schema (src/reports/report.ts); here every part may still be missing.
 */
import type { z } from "zod";
import type { forwardedFromSchema, Media, RecruiterIdentifier, ReportDraft } from "#src/reports/report.js";
import type { ScreeningResult } from "#src/screening/types.js";

export type ReporterKind = ReportDraft["reporterKind"];
export type YesNoUnknown = ReportDraft["documents"]["passportHandedOver"];
export type ForwardOrigin = z.infer<typeof forwardedFromSchema>;
export type MediaItem = Media;
export type { RecruiterIdentifier };
export type Departed = NonNullable<ReportDraft["departed"]>;
export interface OfferText {
  text: string;
  forwarded?: boolean;
  /** A recruiter candidate (never the reporter herself); asked about in step 3, never stored in the report. */
  forwardedFrom?: ForwardOrigin;
}

export interface Draft {
  reporterKind?: ReporterKind;
  offer: { texts: OfferText[]; media: MediaItem[]; readText?: string };
  /** How much the screenshots said, for the summary. */
  offerReading?: { screenshots: number; chars: number };
  /** The offer as it was screened (texts and screenshots): unchanged after Back, it is not screened again. */
  screenedOffer?: string;
  /** The offer that came from a check ("Report this"), whose verdict the person has just seen. */
  checkedOffer?: string;
  /** How often each recruiter contact (`kind:value`) was reported before, from the screening. */
  knownContacts?: Record<string, number>;
  /** The urgent hotlines were shown (once per report, however often the question is answered). */
  hotlinesShown?: boolean;
  /** The country whose hotlines were shown last (none: only Indonesia's). */
  hotlinesCountry?: string;
  /** Summary of the screening of the offer texts, kept for the report. */
  screening?: Pick<ScreeningResult, "level" | "score" | "catalogueVersion"> & { indicators: string[] };
  recruiter: { identifiers: RecruiterIdentifier[]; agencyName?: string };
  /** Forwarded senders the person confirmed as the recruiter (`kind:id:username` → true); after No a sender is forgotten. */
  senderAnswers?: Record<string, boolean>;
  destination: { country?: string; city?: string };
  jobTitle?: string;
  salary?: string;
  money: { paid?: "none" | "asked" | "paid"; asked?: string; paidTo?: string };
  documents: { passportHandedOver: YesNoUnknown };
  departed: Departed | null;
  contactConsent?: boolean;
  contactPhone?: string;
  /** What the screening (and, when it arrived in time, the language model) found, offered in steps 3–5. */
  prefill?: {
    country?: string;
    city?: string;
    jobTitle?: string;
    salary?: string;
    agency?: string;
    fees?: string;
    contacts?: RecruiterIdentifier[];
    /** The model's extraction has been merged (once per screening of the offer). */
    fromModel?: boolean;
  };
}

export function emptyDraft(): Draft {
  return {
    offer: { texts: [], media: [] },
    recruiter: { identifiers: [] },
    destination: {},
    money: {},
    documents: { passportHandedOver: "unknown" },
    departed: null,
  };
}

/** The offer as one text for screening: every pasted text and caption, then what the screenshots said. */
export function offerText(draft: Draft): string {
  const texts = draft.offer.texts.map((t) => t.text);
  if (draft.offer.readText) texts.push(draft.offer.readText);
  return texts.join("\n\n");
}
