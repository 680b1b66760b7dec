import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import type { ReporterKind } from "#src/bot/conversations/report/draft.js";

const KINDS: ReporterKind[] = ["self", "family_friend", "abroad", "other"];

/** Step 1: who is reporting. */
export async function askWho(d: Dialog): Promise<ReporterKind> {
  const answer = await d.ask({
    step: "who",
    progress: 1,
    text: d.t("report-who-question"),
    choices: KINDS.map((k) => [[k, d.t(`report-who-${k}`)]]),
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  return answer.kind === "choice" && KINDS.includes(answer.value as ReporterKind)
    ? (answer.value as ReporterKind)
    : "other";
}
