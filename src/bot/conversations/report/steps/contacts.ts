import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import { type Draft, offerText, type RecruiterIdentifier } from "#src/bot/conversations/report/draft.js";
import { extract } from "#src/screening/extract/index.js";
import { normalise } from "#src/screening/normalise.js";

const MAX_IDENTIFIERS = 30;
/** Kinds worth indexing as recruiter contacts (a bare URL is represented by its domain). */
const CONTACT_KINDS = new Set([
  "phone",
  "whatsapp",
  "telegram_handle",
  "domain",
  "email",
  "agency",
  "bank_account",
]);

function add(list: RecruiterIdentifier[], item: RecruiterIdentifier): void {
  if (list.length >= MAX_IDENTIFIERS) return;
  if (!list.some((i) => i.kind === item.kind && i.value === item.value)) list.push(item);
}

export function identifiersIn(text: string, source: RecruiterIdentifier["source"]): RecruiterIdentifier[] {
  const found: RecruiterIdentifier[] = [];
  for (const id of extract(normalise(text)).identifiers) {
    if (CONTACT_KINDS.has(id.kind)) add(found, { kind: id.kind, value: id.value, raw: id.raw, source });
  }
  return found;
}

/** What the offer itself tells about the recruiter: contacts in the texts and who forwarded them. */
export function prefillRecruiter(draft: Draft): Draft["recruiter"] {
  const identifiers: RecruiterIdentifier[] = [...draft.recruiter.identifiers];
  for (const item of identifiersIn(offerText(draft), "extracted")) add(identifiers, item);
  for (const item of draft.prefill?.contacts ?? []) add(identifiers, item);
  for (const { forwardedFrom } of draft.offer.texts) {
    if (forwardedFrom?.kind === "user" && forwardedFrom.id !== undefined) {
      add(identifiers, { kind: "telegram_user_id", value: String(forwardedFrom.id), source: "forwarded" });
    }
    if (forwardedFrom?.username) {
      add(identifiers, {
        kind: "telegram_handle",
        value: forwardedFrom.username.toLowerCase(),
        source: "forwarded",
      });
    }
  }
  const agency = identifiers.find((i) => i.kind === "agency");
  return { identifiers, agencyName: draft.recruiter.agencyName ?? agency?.raw ?? draft.prefill?.agency };
}

export function describeIdentifier(d: Dialog, id: RecruiterIdentifier): string {
  const shown = id.kind === "telegram_handle" ? `@${id.value}` : (id.raw ?? id.value);
  return `• ${d.t(`identifier-kind-${id.kind}`)}: ${shown}`;
}

/** Step 3: recruiter contacts, prefilled from the offer; the person adds, clears or confirms. */
export async function collectContacts(d: Dialog, draft: Draft): Promise<Draft["recruiter"]> {
  const recruiter = prefillRecruiter(draft);
  for (;;) {
    const listed = recruiter.identifiers.map((i) => describeIdentifier(d, i));
    if (recruiter.agencyName && !recruiter.identifiers.some((i) => i.kind === "agency")) {
      listed.push(`• ${d.t("identifier-kind-agency")}: ${recruiter.agencyName}`);
    }
    const text =
      listed.length > 0
        ? d.t("report-contacts-found", { list: listed.join("\n") })
        : d.t("report-contacts-question");
    const answer = await d.ask({
      step: "contacts",
      progress: 3,
      text,
      choices:
        listed.length > 0
          ? [
              [
                ["ok", d.t("report-button-continue")],
                ["clear", d.t("report-button-clear")],
              ],
            ]
          : [],
      skip: listed.length === 0,
      accept: ["text", "contact"],
      wrongInput: d.t("report-contacts-wrong-input"),
    });
    if (answer.kind === "choice") {
      if (answer.value === "clear") {
        recruiter.identifiers = [];
        recruiter.agencyName = undefined;
        continue;
      }
      return recruiter;
    }
    if (answer.kind === "contact") {
      const phone = answer.message.contact?.phone_number ?? "";
      for (const item of identifiersIn(phone.startsWith("+") ? phone : `+${phone}`, "reporter")) {
        add(recruiter.identifiers, item);
      }
      continue;
    }
    if (answer.kind === "text") {
      const found = identifiersIn(answer.text, "reporter");
      for (const item of found) add(recruiter.identifiers, item);
      // Words that are no phone, handle or link are taken as the agency or company name.
      if (found.length === 0) recruiter.agencyName = answer.text.trim().slice(0, 120);
    }
  }
}
