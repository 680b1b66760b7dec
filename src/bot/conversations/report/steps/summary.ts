import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";
import { describeIdentifier } from "#src/bot/conversations/report/steps/contacts.js";
import { RELATIONSHIPS } from "#src/bot/conversations/report/steps/departed.js";
import { clip } from "#src/render/clip.js";

export const EDITABLE_PARTS = [
  "who",
  "offer",
  "contacts",
  "destination",
  "money",
  "departed",
  "consent",
] as const;
export type EditablePart = (typeof EDITABLE_PARTS)[number];

const MAX_FIELD = 200;

/** A relationship chosen with a button has a label; one typed by the person is shown as typed. */
function relationshipLabel(d: Dialog, relationship: string): string {
  return RELATIONSHIPS.includes(relationship)
    ? d.t(`relationship-${relationship}`)
    : clip(relationship, MAX_FIELD, "");
}

export function renderSummary(d: Dialog, draft: Draft): string {
  const none = d.t("report-summary-none");
  const lines: string[] = [d.t("report-summary-title"), ""];
  lines.push(
    `${d.t("report-summary-who")}: ${draft.reporterKind ? d.t(`report-who-${draft.reporterKind}`) : none}`,
  );
  lines.push(
    `${d.t("report-summary-offer")}: ${d.t("report-summary-offer-count", {
      texts: draft.offer.texts.length,
      screenshots: draft.offer.media.length,
    })}`,
  );
  if (draft.offer.texts[0]) lines.push(`  “${clip(draft.offer.texts[0].text, MAX_FIELD, none)}”`);
  if (draft.offerReading && draft.offer.media.length > 0) {
    lines.push(
      `  📷 ${
        draft.offerReading.screenshots > 0
          ? d.t("report-summary-read", draft.offerReading)
          : d.t("report-summary-read-nothing", { screenshots: draft.offer.media.length })
      }`,
    );
  }
  if (draft.screening)
    lines.push(`${d.t("report-summary-level")}: ${d.t(`check-level-name-${draft.screening.level}`)}`);
  const contacts = draft.recruiter.identifiers.slice(0, 10).map((i) => describeIdentifier(d, i));
  if (draft.recruiter.agencyName)
    contacts.push(`• ${d.t("identifier-kind-agency")}: ${clip(draft.recruiter.agencyName, MAX_FIELD, none)}`);
  lines.push(
    `${d.t("report-summary-contacts")}:${contacts.length ? `\n${contacts.join("\n")}` : ` ${none}`}`,
  );
  const country = draft.destination.country ? d.country(draft.destination.country) : none;
  lines.push(
    `${d.t("report-summary-destination")}: ${country}${draft.destination.city ? `, ${clip(draft.destination.city, MAX_FIELD, "")}` : ""}`,
  );
  lines.push(`${d.t("report-summary-job")}: ${clip(draft.jobTitle, MAX_FIELD, none)}`);
  lines.push(`${d.t("report-summary-salary")}: ${clip(draft.salary, MAX_FIELD, none)}`);
  const money = draft.money.paid ? d.t(`report-money-${draft.money.paid}`) : none;
  lines.push(
    `${d.t("report-summary-money")}: ${money}${draft.money.asked ? ` — ${clip(draft.money.asked, MAX_FIELD, "")}` : ""}`,
  );
  lines.push(`${d.t("report-summary-passport")}: ${d.t(`answer-${draft.documents.passportHandedOver}`)}`);
  if (draft.departed) {
    lines.push(
      `${d.t("report-summary-departed")}: ${relationshipLabel(d, draft.departed.relationship)} — ${d.t("report-summary-urgent")}`,
    );
  } else {
    lines.push(`${d.t("report-summary-departed")}: ${d.t("answer-no")}`);
  }
  lines.push(
    `${d.t("report-summary-consent")}: ${draft.contactConsent ? d.t("answer-yes") : d.t("answer-no")}${
      draft.contactPhone ? ` (${d.t("report-summary-phone-shared")})` : ""
    }`,
  );
  lines.push("", d.t("report-summary-check"));
  return lines.join("\n");
}

/** Step 8: everything at once, with Edit for each part and Send. Returns the part to edit, or "send". */
export async function reviewSummary(d: Dialog, draft: Draft): Promise<EditablePart | "send"> {
  const answer = await d.ask({
    step: "summary",
    text: renderSummary(d, draft),
    choices: [
      [["send", d.t("report-button-send")]],
      [
        ["who", d.t("report-edit-who")],
        ["offer", d.t("report-edit-offer")],
      ],
      [
        ["contacts", d.t("report-edit-contacts")],
        ["destination", d.t("report-edit-destination")],
      ],
      [
        ["money", d.t("report-edit-money")],
        ["departed", d.t("report-edit-departed")],
      ],
      [["consent", d.t("report-edit-consent")]],
    ],
    accept: [],
    wrongInput: d.t("report-use-buttons"),
  });
  if (answer.kind === "choice" && (EDITABLE_PARTS as readonly string[]).includes(answer.value)) {
    return answer.value as EditablePart;
  }
  return "send";
}
