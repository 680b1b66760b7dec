import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";
import { identifiersIn } from "#src/bot/conversations/report/steps/contacts.js";

/**
 * Before steps 3–5: merges the language model's extraction into what the steps offer, if it has
 * arrived by now. It never waits (a Redis GET through `external`, so a replay sees the same answer)
 * and never overrides what the rules found; the person still confirms or edits every answer.
 */
export async function mergeModelExtraction(d: Dialog, draft: Draft): Promise<void> {
  if (draft.prefill?.fromModel) return;
  const offer = { texts: draft.offer.texts.map((t) => t.text), media: draft.offer.media };
  if (offer.texts.length === 0 && offer.media.length === 0) return;
  // An unreachable Redis only means no pre-fill: the report goes on.
  const x = await d.external((ctx) =>
    ctx.deps.analysis
      .extractionFor(offer)
      .then((found) => found ?? null)
      .catch(() => null),
  );
  if (!x) return;
  const prefill = { ...draft.prefill, fromModel: true };
  const country = x.destination_country?.trim();
  if (!prefill.country && country && /^[A-Za-z]{2}$/.test(country)) prefill.country = country.toUpperCase();
  prefill.city ??= x.destination_city ?? undefined;
  prefill.jobTitle ??= x.job_title ?? undefined;
  prefill.salary ??= x.salary?.text ?? undefined;
  prefill.agency ??= x.agency ?? undefined;
  prefill.fees ??=
    x.fees
      .map((f) => f.text ?? f.purpose ?? "")
      .filter((f) => f !== "")
      .join("; ") || undefined;
  // Only contacts our own extractor can read become identifiers: the model cannot invent a format.
  prefill.contacts = x.recruiters
    .flatMap((r) => r.contacts)
    .flatMap((c) => identifiersIn(c.value, "extracted"))
    .slice(0, 10);
  draft.prefill = prefill;
}
