import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";

/** Countries offered as buttons: where most compound recruitment goes, then the usual decoys. */
export const DESTINATION_CHOICES = ["KH", "MM", "LA", "TH", "PH", "MY", "VN", "AE"] as const;

export interface DestinationAnswer {
  destination: Draft["destination"];
  jobTitle?: string;
  salary?: string;
}

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

/** Step 4: destination country and city as promised, job title, salary — prefilled where found. */
export async function collectDestination(
  d: Dialog,
  prefill: { country?: string; jobTitle?: string; salary?: string; city?: string },
): Promise<DestinationAnswer> {
  const countries: string[] = [...DESTINATION_CHOICES];
  if (prefill.country && !countries.includes(prefill.country)) countries.unshift(prefill.country);
  const label = (code: string) => `${code === prefill.country ? "✓ " : ""}${d.country(code)}`;
  const rows: Array<Array<[string, string]>> = [];
  for (let i = 0; i < countries.length; i += 2) {
    rows.push(countries.slice(i, i + 2).map((c) => [c, label(c)] as [string, string]));
  }
  rows.push([["other", d.t("country-other")]]);
  const countryAnswer = await d.ask({
    step: "country",
    progress: 4,
    text: prefill.country
      ? d.t("report-destination-question-prefilled", { country: d.country(prefill.country) })
      : d.t("report-destination-question"),
    choices: rows,
    skip: true,
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  const country =
    countryAnswer.kind === "choice" && countryAnswer.value !== "skip" && countryAnswer.value !== "other"
      ? countryAnswer.value
      : undefined;
  const city = await shortText(d, "city", d.t("report-city-question"), prefill.city);
  const jobTitle = await shortText(d, "job", d.t("report-job-question"), prefill.jobTitle);
  const salary = await shortText(d, "salary", d.t("report-salary-question"), prefill.salary);
  return { destination: { country, city }, jobTitle, salary };
}
