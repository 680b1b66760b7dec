import { checked, type Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";
import { countryFromTyped } from "#src/bot/conversations/report/typed-answers.js";

/** Countries offered as buttons: where most compound recruitment goes, then the usual decoys. */
export const DESTINATION_CHOICES = ["KH", "MM", "LA", "TH", "PH", "MY", "VN", "AE"] as const;

async function shortText(
  d: Dialog,
  step: string,
  question: string,
  suggestion?: string,
): Promise<string | undefined> {
  const answer = await d.ask({
    step,
    text: question,
    choices: suggestion ? [[["keep", d.t("report-button-keep", { value: suggestion.slice(0, 40) })]]] : [],
    skip: true,
    accept: ["text"],
    wrongInput: d.t("report-wrong-input-text"),
  });
  if (answer.kind === "text") return answer.text.trim();
  if (answer.kind === "choice" && answer.value === "keep") return suggestion;
  return undefined;
}

/**
 * Step 4: destination country as promised — a button, or typed in any spelling ("kamboja",
 * "Kampuchea"), or a town there ("Bavet", which is then offered as the city).
 */
export async function askCountry(d: Dialog, draft: Draft): Promise<void> {
  const prefilled = draft.prefill?.country;
  const chosen = draft.destination.country ?? prefilled;
  const countries: string[] = [...DESTINATION_CHOICES];
  if (chosen && !countries.includes(chosen)) countries.unshift(chosen);
  const rows: Array<Array<[string, string]>> = [];
  for (let i = 0; i < countries.length; i += 2) {
    rows.push(
      countries.slice(i, i + 2).map((c) => [c, checked(d.country(c), c === chosen)] as [string, string]),
    );
  }
  rows.push([["other", d.t("country-other")]]);
  const answer = await d.ask({
    step: "country",
    text: prefilled
      ? d.t("report-destination-question-prefilled", { country: d.country(prefilled) })
      : d.t("report-destination-question"),
    choices: rows,
    skip: true,
    countries: true,
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  const country = answer.kind === "choice" && /^[A-Z]{2}$/.test(answer.value) ? answer.value : undefined;
  draft.destination = { ...draft.destination, country };
  const place = answer.kind === "choice" && answer.typed ? countryFromTyped(answer.typed)?.place : undefined;
  if (place) draft.prefill = { ...draft.prefill, city: place };
}

/** The city or place, prefilled from the offer (or from a town typed as the country). */
export async function askCity(d: Dialog, draft: Draft): Promise<void> {
  const city = await shortText(
    d,
    "city",
    d.t("report-city-question"),
    draft.destination.city ?? draft.prefill?.city,
  );
  draft.destination = { ...draft.destination, city };
}

export async function askJob(d: Dialog, draft: Draft): Promise<void> {
  draft.jobTitle = await shortText(
    d,
    "job",
    d.t("report-job-question"),
    draft.jobTitle ?? draft.prefill?.jobTitle,
  );
}

export async function askSalary(d: Dialog, draft: Draft): Promise<void> {
  draft.salary = await shortText(
    d,
    "salary",
    d.t("report-salary-question"),
    draft.salary ?? draft.prefill?.salary,
  );
}
