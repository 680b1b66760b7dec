import { quoteIsInText } from "#src/analysis/guards.js";
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
  // What the model read must be in what the person sent: the offer texts, and the text it read
  // from screenshots only when there were screenshots. An offer that instructs the model cannot
  // make it pre-fill an agency or a contact that is not there.
  const sources = [...offer.texts, ...(offer.media.length > 0 && x.image_text ? [x.image_text] : [])];
  if (x.agency && quoteIsInText(x.agency, sources)) prefill.agency ??= x.agency;
  prefill.fees ??=
    x.fees
      .map((f) => f.text ?? f.purpose ?? "")
      .filter((f) => f !== "")
      .join("; ") || undefined;
  // Only contacts our own extractor can read become identifiers (the model cannot invent a format),
  // and only those our extractor also finds in the texts (the model cannot invent a number).
  const present = new Set(
    identifiersIn(sources.join("\n\n"), "extracted").map((i) => `${i.kind}:${i.value}`),
  );
  prefill.contacts = x.recruiters
    .flatMap((r) => r.contacts)
    .flatMap((c) => identifiersIn(c.value, "extracted"))
    .filter((i) => present.has(`${i.kind}:${i.value}`))
    .slice(0, 10);
  draft.prefill = prefill;
}
