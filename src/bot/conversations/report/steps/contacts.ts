import type { Dialog } from "#src/bot/conversations/report/dialog.js";
import {
  type Draft,
  type ForwardOrigin,
  offerText,
  type RecruiterIdentifier,
} from "#src/bot/conversations/report/draft.js";
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

/** A forwarded sender's answer key: the same sender forwarded twice is asked about once. */
function senderKey(origin: ForwardOrigin): string {
  return `${origin.kind}:${origin.id ?? ""}:${origin.username?.toLowerCase() ?? ""}`;
}

/** Distinct forwarded senders of the offer texts (never the reporter: dropped in step 2). */
export function senderCandidates(draft: Draft): ForwardOrigin[] {
  const seen = new Map<string, ForwardOrigin>();
  for (const { forwardedFrom } of draft.offer.texts) {
    if (forwardedFrom && !seen.has(senderKey(forwardedFrom)))
      seen.set(senderKey(forwardedFrom), forwardedFrom);
  }
  return [...seen.values()];
}

/** The identifiers of a sender the person confirmed as the recruiter. */
function senderIdentifiers(origin: ForwardOrigin): RecruiterIdentifier[] {
  const found: RecruiterIdentifier[] = [];
  if (origin.kind === "user" && origin.id !== undefined) {
    found.push({ kind: "telegram_user_id", value: String(origin.id), source: "forwarded" });
  }
  if (origin.username) {
    found.push({ kind: "telegram_handle", value: origin.username.toLowerCase(), source: "forwarded" });
  }
  return found;
}

/**
 * What the offer itself tells about the recruiter: contacts in the texts, and the forwarded
 * senders the person has confirmed ("Is this the recruiter?" — yes). Nobody else.
 */
export function prefillRecruiter(draft: Draft): Draft["recruiter"] {
  const identifiers: RecruiterIdentifier[] = [...draft.recruiter.identifiers];
  for (const item of identifiersIn(offerText(draft), "extracted")) add(identifiers, item);
  for (const item of draft.prefill?.contacts ?? []) add(identifiers, item);
  for (const origin of senderCandidates(draft)) {
    if (draft.senderAnswers?.[senderKey(origin)] !== true) continue;
    for (const item of senderIdentifiers(origin)) add(identifiers, item);
  }
  const agency = identifiers.find((i) => i.kind === "agency");
  return { identifiers, agencyName: draft.recruiter.agencyName ?? agency?.raw ?? draft.prefill?.agency };
}

/**
 * Asks about each forwarded sender not yet answered: "Is this the recruiter?". Neither answer is
 * pre-selected; after No, nothing about the sender is kept (the text stays, marked forwarded).
 */
export async function confirmSenders(d: Dialog, draft: Draft): Promise<void> {
  const answers = { ...draft.senderAnswers };
  let index = 0;
  for (const origin of senderCandidates(draft)) {
    index += 1;
    const key = senderKey(origin);
    if (answers[key] !== undefined) continue;
    const who = [origin.name, origin.username ? `@${origin.username}` : undefined].filter(Boolean).join(" ");
    const answer = await d.ask({
      step: `sender${index}`,
      text: d.t("report-sender-question", { sender: who || d.t("report-sender-unnamed") }),
      choices: [
        [
          ["yes", d.t("report-sender-yes")],
          ["no", d.t("report-sender-no")],
        ],
      ],
      accept: [],
      wrongInput: d.t("report-use-buttons"),
    });
    if (answer.kind === "choice" && answer.value === "yes") {
      answers[key] = true;
      continue;
    }
    // Not the recruiter (a relative, a friend): forget who it was at once, keep the text.
    for (const text of draft.offer.texts) {
      if (text.forwardedFrom && senderKey(text.forwardedFrom) === key) delete text.forwardedFrom;
    }
  }
  draft.senderAnswers = answers;
}

/** One contact as a line; with `known`, how often it was reported before (the check's count, kept short). */
export function describeIdentifier(
  d: Dialog,
  id: RecruiterIdentifier,
  known?: Record<string, number>,
): string {
  const shown = id.kind === "telegram_handle" ? `@${id.value}` : (id.raw ?? id.value);
  const count = known?.[`${id.kind}:${id.value}`] ?? 0;
  const seen = count > 0 ? ` — ${d.t("check-reported-times", { count })}` : "";
  return `• ${d.t(`identifier-kind-${id.kind}`)}: ${shown}${seen}`;
}

/** Step 3: recruiter contacts, prefilled from the offer; the person adds, clears or confirms. */
export async function collectContacts(d: Dialog, draft: Draft): Promise<Draft["recruiter"]> {
  await confirmSenders(d, draft);
  const recruiter = prefillRecruiter(draft);
  for (;;) {
    const listed = recruiter.identifiers.map((i) => describeIdentifier(d, i, draft.knownContacts));
    if (recruiter.agencyName && !recruiter.identifiers.some((i) => i.kind === "agency")) {
      listed.push(`• ${d.t("identifier-kind-agency")}: ${recruiter.agencyName}`);
    }
    const text =
      listed.length > 0
        ? d.t("report-contacts-found", { list: listed.join("\n") })
        : d.t("report-contacts-question");
    const answer = await d.ask({
      step: "contacts",
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
