/**
 * The officers' case card: one message per report in the moderator group, edited in place after
 * every action. Built with entities (never HTML from user text), links defanged, every field
 * clipped so the card stays within Telegram's 4096 characters. The reporter appears only as a
 * kind (self / relative / abroad): no name, username, id or phone — contact is revealed
 * separately, on request, and audited.
 */
import { FormattedString, fmt } from "@grammyjs/parse-mode";
import { InlineKeyboard } from "grammy";
import type { Analysis } from "#src/analysis/result.js";
import { type CaseAction, caseActionData } from "#src/callback-data/case.js";
import type { Locale } from "#src/config.js";
import { clip } from "#src/render/clip.js";
import { countryName } from "#src/render/country-name.js";
import { defang } from "#src/render/defang.js";
import { type FocalCardState, focalCardLines } from "#src/render/focal-card-lines.js";
import type { Translate } from "#src/render/translate.js";
import type { Report } from "#src/reports/report.js";
import { extractIdentifiers } from "#src/screening/extract/index.js";
import { screenOffer } from "#src/screening/index.js";
import type { IdentifierKind, IndicatorHit } from "#src/screening/types.js";

const LEVEL_MARK = { low: "🟢", medium: "🟡", high: "🟠", critical: "🔴" } as const;
const MAX_TEXT = 4096;
const MAX_REASONS = 6;
const MAX_IDENTIFIERS = 12;
const MAX_HISTORY = 6;
const MAX_READ_TEXT = 700;
/** Contacts worth an officer's eye when they appear only in a screenshot. */
const READ_IDENTIFIER_KINDS = new Set<IdentifierKind>([
  "phone",
  "whatsapp",
  "telegram_handle",
  "domain",
  "email",
  "bank_account",
]);

export interface CardContext {
  /** Identifiers of this report with the other reports that mention them. */
  linked: Array<{ identifier: { kind: string; value: string }; otherReportIds: string[] }>;
  /** Focal-point posts and permanent failures. */
  posts: Record<string, number>;
  failures: Array<{ channelId: number | string; error: string }>;
  /** Officer notes count, shown so the thread is known to hold more. */
  notes?: number;
  /** Earlier reports whose offer text matches this one (MinHash), most similar first. */
  offerMatches?: string[];
  /** The language model's stored analysis, shown as clearly marked model notes. */
  model?: Analysis;
  /** Focal points' answers, review state and deadlines. */
  focal?: FocalCardState;
  /** First names of the officers on the card (assignee, history), by Telegram id. */
  officerNames?: Record<string, string>;
}

function shownIdentifier(kind: string, value: string): string {
  return defang(kind === "telegram_handle" ? `@${value}` : value);
}

/** Anything the reporter typed, as the card shows it: bounded, and every address defanged. */
function shown(value: string | undefined, max: number): string {
  return defang(clip(value, max));
}

function time(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

export function renderCaseCard(
  report: Report,
  context: CardContext,
  t: Translate,
  locale: Locale,
): FormattedString {
  const officerName = (id: string) => context.officerNames?.[id] ?? `${t("card-officer")} ${id}`;
  const lines: FormattedString[] = caseSummaryLines(report, t, locale, officerName);
  if (report.departed) lines.push(...departedLines(report.departed, t));

  const offer = report.offer.texts.map((x) => x.text).join("\n\n");
  const readText = report.offer.readText ?? "";
  const screened = [offer, readText].filter(Boolean).join("\n\n");
  const reasons = screened ? screenOffer(screened).indicators.filter((i) => i.points > 0) : [];
  if (reasons.length) lines.push(officerReasons(reasons, t));

  const contacts = contactLines(report, context, t);
  if (contacts) lines.push(contacts);
  lines.push(...offerLines(report, offer, readText, t));
  const matches = context.offerMatches ?? [];
  if (matches.length > 0) {
    lines.push(
      fmt`🔁 ${t("card-offer-matches", { count: matches.length })}: ${FormattedString.join(
        matches.slice(0, 8).map((o) => FormattedString.code(o)),
        ", ",
      )}`,
    );
  }
  const notes = context.model ? modelNotes(context.model, t, locale) : undefined;
  if (notes) lines.push(notes);

  if (report.additions.length) lines.push(fmt`➕ ${t("card-additions", { count: report.additions.length })}`);
  if (context.notes) lines.push(fmt`📝 ${t("card-notes", { count: context.notes })}`);

  const posted = Object.keys(context.posts);
  if (posted.length) lines.push(fmt`📤 ${t("card-forwarded", { count: posted.length })}`);
  for (const failure of context.failures.slice(0, 3)) {
    lines.push(fmt`⚠️ ${t("card-forward-failed")}: ${clip(failure.error, 150)}`);
  }

  lines.push(...focalCardLines(context.focal, t, (code) => countryName(locale, code)));

  const history = report.history.slice(-MAX_HISTORY).map((h) => {
    const who = h.actor.startsWith("officer:") ? ` (${officerName(h.actor.slice(8))})` : "";
    return `${time(h.at)} ${t(`status-${h.status}`)}${who}`;
  });
  lines.push(fmt`${FormattedString.bold(t("card-history"))}: ${history.join(" → ")}`);

  let card = FormattedString.join(lines, "\n");
  if (card.text.length > MAX_TEXT) card = card.slice(0, MAX_TEXT - 1).concat(fmt`…`);
  return card;
}

/** The card's head: case, level, status, assignee, reporter kind, destination, job, money. */
function caseSummaryLines(
  report: Report,
  t: Translate,
  locale: Locale,
  officerName: (id: string) => string,
): FormattedString[] {
  const lines: FormattedString[] = [];
  const urgent = report.urgent ? ` · 🆘 ${t("card-urgent")}` : "";
  lines.push(
    fmt`🗂 ${FormattedString.bold(t("card-case"))} ${FormattedString.code(report.id)} · ${LEVEL_MARK[report.screening.level]} ${FormattedString.bold(
      t(`check-level-name-${report.screening.level}`).toUpperCase(),
    )}${urgent}`,
  );
  const assignee = report.assignee
    ? FormattedString.mentionUser(officerName(report.assignee), Number(report.assignee))
    : fmt`—`;
  lines.push(
    fmt`${FormattedString.bold(t("card-status"))}: ${t(`status-${report.status}`)} · ${t("card-assigned")}: ${assignee}`,
  );
  lines.push(
    fmt`${FormattedString.bold(t("card-reporter"))}: ${t(`card-reporter-${report.reporterKind}`)} · ${t("card-contact-allowed")}: ${
      report.contactConsent ? t("answer-yes") : t("answer-no")
    }`,
  );
  const country = report.destination.country ? countryName(locale, report.destination.country) : "—";
  const city = report.destination.city ? `, ${shown(report.destination.city, 80)}` : "";
  lines.push(fmt`${FormattedString.bold(t("report-summary-destination"))}: ${country}${city}`);
  lines.push(
    fmt`${FormattedString.bold(t("report-summary-job"))}: ${shown(report.jobTitle, 120)} · ${FormattedString.bold(
      t("report-summary-salary"),
    )}: ${shown(report.salary, 120)}`,
  );
  const paid = report.money.paid ? t(`report-money-${report.money.paid}`) : "—";
  const detail = report.money.asked ? ` — ${shown(report.money.asked, 200)}` : "";
  lines.push(
    fmt`${FormattedString.bold(t("report-summary-money"))}: ${paid}${detail} · ${t("report-summary-passport")}: ${t(
      `answer-${report.documents.passportHandedOver}`,
    )}`,
  );
  return lines;
}

/** Someone has already left: who, their passport and phone, and what is known of where they are. */
function departedLines(d: NonNullable<Report["departed"]>, t: Translate): FormattedString[] {
  const lines: FormattedString[] = [];
  lines.push(
    fmt`🆘 ${FormattedString.bold(t("card-departed"))}: ${shown(d.relationship, 60)} · ${t("card-passport-taken")}: ${t(
      `answer-${d.passportTaken}`,
    )} · ${t("card-can-communicate")}: ${t(`answer-${d.canCommunicate}`)}`,
  );
  const facts = [
    d.when && `${t("card-departed-when")}: ${shown(d.when, 100)}`,
    d.lastContact && `${t("card-departed-last-contact")}: ${shown(d.lastContact, 150)}`,
    d.whereabouts && `${t("card-departed-whereabouts")}: ${shown(d.whereabouts, 200)}`,
    d.location &&
      `${t("card-location")}: ${d.location.latitude.toFixed(4)}, ${d.location.longitude.toFixed(4)}`,
  ].filter(Boolean);
  if (facts.length) lines.push(fmt`${facts.join(" · ")}`);
  return lines;
}

/** The recruiter's contacts, each with the other reports that name it. */
function contactLines(report: Report, context: CardContext, t: Translate): FormattedString | undefined {
  const identifiers = report.recruiter.identifiers.slice(0, MAX_IDENTIFIERS).map((id) => {
    const link = context.linked.find((l) => l.identifier.kind === id.kind && l.identifier.value === id.value);
    const others = link?.otherReportIds ?? [];
    const seen =
      others.length > 0
        ? fmt` — ${t("card-seen-in", { count: others.length })}: ${FormattedString.join(
            others.slice(0, 5).map((o) => FormattedString.code(o)),
            ", ",
          )}`
        : fmt``;
    return fmt`• ${t(`identifier-kind-${id.kind}`)}: ${shownIdentifier(id.kind, id.value)}${seen}`;
  });
  const more = report.recruiter.identifiers.length - MAX_IDENTIFIERS;
  if (more > 0) identifiers.push(fmt`… +${more}`);
  if (report.recruiter.agencyName)
    identifiers.push(fmt`• ${t("identifier-kind-agency")}: ${shown(report.recruiter.agencyName, 120)}`);
  if (!identifiers.length) return undefined;
  return fmt`${FormattedString.bold(t("report-summary-contacts"))}\n${FormattedString.join(identifiers, "\n")}`;
}

/** The offer as sent (texts, screenshots) and what the screenshots were read to say. */
function offerLines(report: Report, offer: string, readText: string, t: Translate): FormattedString[] {
  const lines: FormattedString[] = [];
  if (offer) {
    lines.push(
      fmt`${FormattedString.bold(t("report-summary-offer"))} (${t("report-summary-offer-count", {
        texts: report.offer.texts.length,
        screenshots: report.offer.media.length,
      })}): “${defang(clip(offer, 400))}”`,
    );
  } else if (report.offer.media.length) {
    lines.push(
      fmt`${FormattedString.bold(t("report-summary-offer"))}: ${t("report-summary-offer-count", { texts: 0, screenshots: report.offer.media.length })}`,
    );
  }
  if (readText) {
    // What the screenshots said, read on this machine: collapsed, defanged, clipped.
    lines.push(
      fmt`📷 ${FormattedString.bold(t("card-read-text", { screenshots: report.offer.media.length }))}\n${FormattedString.expandableBlockquote(defang(clip(readText, MAX_READ_TEXT)))}`,
    );
    const found = extractIdentifiers(readText).filter((i) => READ_IDENTIFIER_KINDS.has(i.kind));
    const listed = new Set(report.recruiter.identifiers.map((i) => `${i.kind}:${i.value}`));
    const unlisted = [...new Map(found.map((i) => [`${i.kind}:${i.value}`, i])).values()].filter(
      (i) => !listed.has(`${i.kind}:${i.value}`),
    );
    if (unlisted.length > 0) {
      lines.push(
        fmt`${t("card-read-identifiers")}: ${FormattedString.join(
          unlisted.slice(0, MAX_IDENTIFIERS).map((i) => fmt`${shownIdentifier(i.kind, i.value)}`),
          ", ",
        )}`,
      );
    }
  }
  return lines;
}

/**
 * Why the case was flagged, worded for an officer (the check's reasons speak to the migrant as
 * "you"): one line per kind of warning sign, strongest first, with the offer's own words.
 */
const KNOWN_IDENTIFIER_REASON: Record<string, string> = {
  known_recruiter_identifier: "fp-known-recruiter",
  known_reported_identifier: "fp-known-reported",
};

function officerReasons(hits: readonly IndicatorHit[], t: Translate): FormattedString {
  const byCategory = new Map<string, IndicatorHit>();
  for (const hit of hits) if (!byCategory.has(hit.category)) byCategory.set(hit.category, hit);
  const items = [...byCategory.values()].slice(0, MAX_REASONS).map((hit) => {
    const key = KNOWN_IDENTIFIER_REASON[hit.id] ?? `fp-reason-${hit.category}`;
    const label = t(key);
    // A category from a newer catalogue without a message yet: the signal's own id, not "you".
    const text = label === key || label === `{${key}}` ? t("card-reason-other", { id: hit.id }) : label;
    const quote = hit.evidence.find((e) => e.quote)?.quote;
    return fmt`• ${text}${quote ? ` — “${defang(clip(quote, 80))}”` : ""}`;
  });
  return fmt`${FormattedString.bold(t("card-reasons-title"))}\n${FormattedString.join(items, "\n")}`;
}

/**
 * "🤖 Model notes": what the language model added, marked as unverified so no officer mistakes it
 * for the rules' finding or a decision. Quotes are defanged like every user text on the card.
 */
function modelNotes(model: Analysis, t: Translate, locale: Locale): FormattedString | undefined {
  const lines: FormattedString[] = [
    fmt`${FormattedString.bold(t("card-model-title"))} — ${FormattedString.italic(t("card-model-disclaimer"))}`,
  ];
  if (model.status === "skipped" || model.status === "failed") {
    const reason = model.reason ?? "error";
    const known = ["circuit_open", "budget", "no_text"].includes(reason);
    lines.push(
      fmt`${known ? t(`card-model-skipped-${reason}`) : t("card-model-failed", { reason: defang(clip(reason, 80)) })}`,
    );
    return FormattedString.join(lines, "\n");
  }
  const opinion = model.opinion;
  if (opinion) {
    lines.push(
      fmt`${t("card-model-level", {
        level: `${LEVEL_MARK[opinion.level]} ${t(`check-level-name-${opinion.level}`)}`,
        rules: `${LEVEL_MARK[opinion.ruleLevel]} ${t(`check-level-name-${opinion.ruleLevel}`)}`,
      })}`,
    );
    if (opinion.injection) {
      const quote = defang(clip(opinion.injection.quotes[0], 80));
      lines.push(
        fmt`⚠️ ${t(opinion.injection.encoded ? "card-model-injection-encoded" : "card-model-injection")} — “${quote}”`,
      );
    }
    for (const hit of opinion.indicators
      .filter((i) => i.added && i.id !== "proc_model_injection")
      .slice(0, 5)) {
      lines.push(fmt`• ${t(`screening-indicator-${hit.id}`)} — “${defang(clip(hit.quote, 80))}”`);
    }
    if (opinion.discarded.length)
      lines.push(fmt`${t("card-model-discarded", { count: opinion.discarded.length })}`);
  }
  const x = model.extraction;
  if (x) {
    const country =
      x.destination_country && /^[A-Za-z]{2}$/.test(x.destination_country)
        ? countryName(locale, x.destination_country.toUpperCase())
        : x.destination_country;
    const facts = [
      (country || x.destination_city) &&
        `${t("report-summary-destination")}: ${[country, x.destination_city].filter(Boolean).join(", ")}`,
      x.job_title && `${t("report-summary-job")}: ${x.job_title}`,
      x.salary?.text && `${t("report-summary-salary")}: ${x.salary.text}`,
      x.fees.length > 0 &&
        `${t("card-model-fees")}: ${x.fees.map((f) => f.text ?? f.purpose ?? "?").join("; ")}`,
      x.visa_type && `${t("card-model-visa")}: ${x.visa_type}`,
      x.travel_route.length > 0 && `${t("card-model-route")}: ${x.travel_route.join(" → ")}`,
      x.agency && `${t("identifier-kind-agency")}: ${x.agency}`,
    ].filter((f): f is string => typeof f === "string" && f !== "");
    if (facts.length) lines.push(fmt`${t("card-model-extracted")}: ${defang(clip(facts.join(" · "), 400))}`);
  }
  if (model.status === "needs_review")
    lines.push(fmt`⚠️ ${t("card-model-needs-review", { reason: defang(clip(model.reason, 120)) })}`);
  lines.push(
    fmt`${FormattedString.italic(`${model.model} · ${model.prompts.extract}, ${model.prompts.secondOpinion}`)}`,
  );
  return FormattedString.join(lines, "\n");
}

/**
 * The buttons under a card; "Reveal contact" only where the reporter agreed to be contacted, and
 * only "Reopen" on a closed case.
 */
export function caseKeyboard(report: Report, t: Translate): InlineKeyboard {
  const button = (action: CaseAction) =>
    InlineKeyboard.text(t(`card-button-${action}`), caseActionData.pack({ id: report.id, action }));
  // A closed case is done: the only thing left to do is to open it again.
  if (report.status === "closed") return InlineKeyboard.from([[button("reopen")]]);
  const rows: ReturnType<typeof button>[][] = [
    [button("take"), button("urgent")],
    [button("confirm"), button("notscam")],
    [button("info"), button("escalate")],
    [button("close")],
  ];
  if (report.contactConsent && report.reporterRef) rows.push([button("reveal")]);
  return InlineKeyboard.from(rows);
}
