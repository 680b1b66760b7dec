import { askYesNoUnknown, checked, type Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";

const PAID = ["none", "asked", "paid"] as const;

/** Step 5: was money asked or paid. */
export async function askMoney(d: Dialog, draft: Draft): Promise<void> {
  const answer = await d.ask({
    step: "paid",
    text: d.t("report-money-question"),
    choices: PAID.map((v) => [[v, checked(d.t(`report-money-${v}`), draft.money.paid === v)]]),
    skip: true,
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  const paid = PAID.find((v) => answer.kind === "choice" && answer.value === v);
  draft.money = paid === "asked" || paid === "paid" ? { ...draft.money, paid } : { paid };
}

/** After "asked" or "paid": how much, and to whom (what the offer said is offered to keep). */
export async function askMoneyDetail(d: Dialog, draft: Draft): Promise<void> {
  const suggestion = draft.money.asked ?? draft.prefill?.fees;
  const detail = await d.ask({
    step: "paid-detail",
    text: d.t("report-money-detail-question"),
    choices: suggestion ? [[["keep", d.t("report-button-keep", { value: suggestion.slice(0, 40) })]]] : [],
    skip: true,
    accept: ["text"],
    wrongInput: d.t("report-wrong-input-text"),
  });
  if (detail.kind === "text") draft.money.asked = detail.text.trim();
  else if (detail.kind === "choice" && detail.value === "keep") draft.money.asked = suggestion;
  else delete draft.money.asked;
}

/** Was a passport or another document handed over. */
export async function askPassport(d: Dialog, draft: Draft): Promise<void> {
  const current = draft.documents.passportHandedOver;
  draft.documents = {
    passportHandedOver: await askYesNoUnknown(
      d,
      "passport",
      d.t("report-passport-question"),
      current === "unknown" ? undefined : current,
    ),
  };
}
