import { checked, type Dialog } from "#src/bot/conversations/report/dialog.js";
import type { ReporterKind } from "#src/bot/conversations/report/draft.js";

const KINDS: ReporterKind[] = ["self", "family_friend", "abroad", "other"];

/** Step 1: who is reporting (the earlier answer marked after Back). */
export async function askWho(d: Dialog, current?: ReporterKind): Promise<ReporterKind> {
  const answer = await d.ask({
    step: "who",
    text: d.t("report-who-question"),
    choices: KINDS.map((k) => [[k, checked(d.t(`report-who-${k}`), k === current)]]),
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  return answer.kind === "choice" && KINDS.includes(answer.value as ReporterKind)
    ? (answer.value as ReporterKind)
    : "other";
}
