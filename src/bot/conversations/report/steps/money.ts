import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft, YesNoUnknown } from "#src/bot/conversations/report/draft.js";

export interface MoneyAnswer {
  money: Draft["money"];
  documents: Draft["documents"];
}

/** A question answered with Yes / No / Don't know. */
export async function askYesNoUnknown(d: Dialog, step: string, text: string): Promise<YesNoUnknown> {
  const answer = await d.ask({
    step,
    text,
    choices: [
      [
        ["yes", d.t("answer-yes")],
        ["no", d.t("answer-no")],
        ["unknown", d.t("answer-unknown")],
      ],
    ],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  return answer.kind === "choice" && (answer.value === "yes" || answer.value === "no")
    ? answer.value
    : "unknown";
}

/** Step 5: money asked or paid and to whom; documents handed over. */
export async function collectMoney(d: Dialog, prefill: { fees?: string } = {}): Promise<MoneyAnswer> {
  const paidAnswer = await d.ask({
    step: "paid",
    progress: 5,
    text: d.t("report-money-question"),
    choices: [
      [["none", d.t("report-money-none")]],
      [["asked", d.t("report-money-asked")]],
      [["paid", d.t("report-money-paid")]],
    ],
    skip: true,
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  const paid =
    paidAnswer.kind === "choice" && ["none", "asked", "paid"].includes(paidAnswer.value)
      ? (paidAnswer.value as "none" | "asked" | "paid")
      : undefined;
  const money: Draft["money"] = { paid };
  if (paid === "asked" || paid === "paid") {
    const detail = await d.ask({
      step: "paid-detail",
      text: d.t("report-money-detail-question"),
      choices: prefill.fees
        ? [[["keep", d.t("report-button-keep", { value: prefill.fees.slice(0, 40) })]]]
        : [],
      skip: true,
      accept: ["text"],
      wrongInput: d.t("report-wrong-input-text"),
    });
    if (detail.kind === "text") money.asked = detail.text.trim();
    else if (detail.kind === "choice" && detail.value === "keep") money.asked = prefill.fees;
  }
  const passportHandedOver = await askYesNoUnknown(d, "passport", d.t("report-passport-question"));
  return { money, documents: { passportHandedOver } };
}
