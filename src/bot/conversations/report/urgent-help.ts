/**
 * Urgent words typed inside a report ("dia sudah di Bavet, paspornya diambil"): the embassy and the
 * hotline at once, not after the remaining steps. Pure and deterministic (no Redis, no clock), so it
 * replays exactly; the departed step later marks the case urgent.
 */
import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import { type Draft, offerText } from "#src/bot/conversations/report/draft.js";
import { renderUrgentAnswer } from "#src/render/urgent.js";
import { extract } from "#src/screening/extract/index.js";
import { normalise } from "#src/screening/normalise.js";
import { detectUrgent } from "#src/screening/urgent.js";

export async function sayUrgentHelp(d: Dialog, draft: Draft): Promise<void> {
  // Someone who already said "yes, someone left" has seen the hotlines.
  if (draft.departed || draft.hotlinesShown) return;
  const text = offerText(draft);
  if (text.trim() === "") return;
  const places = extract(normalise(text.slice(0, 20_000))).places;
  if (!detectUrgent(text, places).urgent) return;
  const countries = [...new Set(places.map((p) => p.country))];
  await d.say(renderUrgentAnswer(d.t, countries, "in-report"));
  // The departed step need not repeat the numbers; a place in another country still gets its embassy.
  draft.hotlinesShown = true;
  draft.hotlinesCountry = countries.find((c) => c !== "ID");
}
