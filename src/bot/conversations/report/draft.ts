/** What the report conversation collects before Send; becomes a ReportDraft for the store. */
import type { ScreeningResult } from "#src/screening/types.js";
import type { IdentifierKind } from "#src/screening/types.js";

export type ReporterKind = "self" | "family_friend" | "abroad" | "other";
export type YesNoUnknown = "yes" | "no" | "unknown";

export interface ForwardOrigin {
  kind: "user" | "hidden_user" | "chat" | "channel";
  id?: number;
  username?: string;
  name?: string;
}

export interface OfferText {
  text: string;
  forwardedFrom?: ForwardOrigin;
}

export interface MediaItem {
  kind: "photo" | "document";
  fileId: string;
  fileUniqueId: string;
  mimeType?: string;
  fileSize?: number;
}

export interface RecruiterIdentifier {
  kind: IdentifierKind;
  value: string;
  raw?: string;
  source: "extracted" | "reporter" | "forwarded";
}

export interface Departed {
  relationship: string;
  when?: string;
  lastContact?: string;
  whereabouts?: string;
  canCommunicate: YesNoUnknown;
  passportTaken: YesNoUnknown;
  location?: { latitude: number; longitude: number };
}

export interface Draft {
  reporterKind?: ReporterKind;
  offer: { texts: OfferText[]; media: MediaItem[] };
  /** Summary of the screening of the offer texts, kept for the report. */
  screening?: Pick<ScreeningResult, "level" | "score" | "catalogueVersion"> & { indicators: string[] };
  recruiter: { identifiers: RecruiterIdentifier[]; agencyName?: string };
  destination: { country?: string; city?: string };
  jobTitle?: string;
  salary?: string;
  money: { paid?: "none" | "asked" | "paid"; asked?: string; paidTo?: string };
  documents: { passportHandedOver: YesNoUnknown };
  departed: Departed | null;
  contactConsent?: boolean;
  contactPhone?: string;
  /** What the screening found, offered as answers in step 4. */
  prefill?: { country?: string; city?: string; jobTitle?: string; salary?: string };
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

/** The offer as one text for screening: every pasted text and every caption. */
export function offerText(draft: Draft): string {
  return draft.offer.texts.map((t) => t.text).join("\n\n");
}
