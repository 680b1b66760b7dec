/**
 * The compact case card focal points read in their channel: the stable case number, level and
 * urgency, destination, job, pay and fees as promised, the recruiter's identifiers and the reasons
 * for the level. It carries NOTHING about the reporter beyond "who is reporting" in three words:
 * no name, username, id, phone, relationship or location (DESIGN.md principle 5).
 *
 * Built as text plus entities, never HTML from user text, so `<b>`, entity-like text, RTL marks
 * and zero-width characters arrive exactly as typed. Links and domains are defanged (the channel
 * is read by people who should not be one tap away from a recruiter's site), and every field is
 * bounded so the whole post stays within Telegram's 4,096 characters.
 */
import type { MessageEntity } from "grammy/types";
import type { Translate } from "#src/bot/context.js";
import { countryName } from "#src/bot/i18n.js";
import { cut } from "#src/bot/render/clip.js";
import { defang } from "#src/bot/render/defang.js";
import type { Locale } from "#src/config.js";
import type { Report } from "#src/reports/report.js";
import type { Level } from "#src/screening/types.js";

export type ForwardReason = "level" | "urgent" | "escalated";

export interface ChannelPostOptions {
  /** Language of the channel (FOCAL_LOCALE): country names follow it. */
  locale: Locale;
  /** Why the case reached the channel, shown so focal points know how it was flagged. */
  reason?: ForwardReason;
  /** An earlier attempt may have been delivered: say so, so a second copy is recognisable. */
  repeated?: boolean;
}

/** Telegram's limit is 4,096 characters after entity parsing. */
export const CHANNEL_POST_MAX_LENGTH = 4096;
/**
 * Budgets in UTF-16 units (an emoji takes two), chosen so that a report with every field at its
 * longest still fits: about 3,800 characters with the longest translations.
 */
const MAX_FIELD = 150;
const MAX_JOB = 200;
const MAX_WHEN = 100;
const MAX_WHEREABOUTS = 500;
const MAX_IDENTIFIER = 100;
const MAX_IDENTIFIERS = 8;
const MAX_REASONS = 5;

const LEVEL_MARK: Record<Level, string> = { low: "🟢", medium: "🟡", high: "🟠", critical: "🔴" };

/** Indicator ids whose messages need arguments a stored report no longer has (see screen.ts). */
const KNOWN_IDENTIFIER_PREFIX = "known_";
/** Counter-indicators ("looks legitimate") do not explain why a case was flagged. */
const COUNTER_PREFIX = "ok_";
const INDICATOR_ID = /^[a-z0-9_]{1,100}$/;

/** Free text from a report as the card shows it: one line, defanged, bounded. */
function field(text: string, max = MAX_FIELD): string {
  return cut(defang(text.replace(/[\r\n\u2028\u2029]+/g, " ").trim()), max);
}

/** Text with entities, offsets in UTF-16 code units as the Bot API counts them. */
class PostBuilder {
  text = "";
  readonly entities: MessageEntity[] = [];

  plain(part: string): this {
    this.text += part;
    return this;
  }

  private styled(type: "bold" | "code" | "italic", part: string): this {
    if (part.length > 0) this.entities.push({ type, offset: this.text.length, length: part.length });
    this.text += part;
    return this;
  }

  bold(part: string): this {
    return this.styled("bold", part);
  }

  code(part: string): this {
    return this.styled("code", part);
  }

  italic(part: string): this {
    return this.styled("italic", part);
  }

  /** "Label: value" on its own line. */
  line(label: string, value: string): this {
    return this.bold(`${label}:`).plain(` ${value}\n`);
  }
}

export function renderChannelPost(
  report: Report,
  t: Translate,
  options: ChannelPostOptions,
): { text: string; entities: MessageEntity[] } {
  const post = new PostBuilder();
  const level = report.screening.level;

  post.plain("🚨 ").bold(t("focal-case")).plain(" ").code(report.id);
  if (report.urgent) post.plain(" · ").bold(t("focal-urgent"));
  post.plain("\n");
  post.line(t("focal-level"), `${LEVEL_MARK[level]} ${t(`check-level-name-${level}`)}`);
  if (options.reason) post.line(t("focal-flagged"), t(`focal-flagged-${options.reason}`));
  post.line(t("focal-reported-by"), t(`focal-reporter-${report.reporterKind}`));
  post.line(t("focal-reported-on"), report.createdAt.slice(0, 10));
  post.plain("\n");

  const { country, city } = report.destination;
  if (country || city) {
    const place = [country ? countryName(options.locale, country) : undefined, city ? field(city) : undefined]
      .filter(Boolean)
      .join(", ");
    post.line(t("focal-destination"), place);
  }
  if (report.jobTitle) post.line(t("focal-job"), field(report.jobTitle, MAX_JOB));
  if (report.salary) post.line(t("focal-salary"), field(report.salary));
  const fees = feesText(report, t);
  if (fees) post.line(t("focal-fees"), fees);
  if (report.documents.passportHandedOver !== "unknown") {
    post.line(t("focal-passport-handed"), t(`answer-${report.documents.passportHandedOver}`));
  }

  const identifiers = recruiterLines(report, t);
  if (identifiers.length > 0) {
    post.plain("\n").bold(t("focal-recruiter")).plain("\n");
    for (const { label, value } of identifiers.slice(0, MAX_IDENTIFIERS)) {
      post.plain(`• ${label}: `).code(value).plain("\n");
    }
    if (identifiers.length > MAX_IDENTIFIERS) {
      post.italic(t("focal-more", { count: identifiers.length - MAX_IDENTIFIERS })).plain("\n");
    }
  }

  const reasons = reasonLines(report, t);
  if (reasons.length > 0) {
    post.plain("\n").bold(t("focal-reasons")).plain("\n");
    for (const reason of reasons.slice(0, MAX_REASONS)) post.plain(`• ${reason}\n`);
    if (reasons.length > MAX_REASONS)
      post.italic(t("focal-more", { count: reasons.length - MAX_REASONS })).plain("\n");
  }

  const departed = report.departed;
  if (departed) {
    post
      .plain("\n")
      .bold(`⚠️ ${t("focal-departed")}`)
      .plain("\n");
    if (departed.when) post.line(t("focal-departed-when"), field(departed.when, MAX_WHEN));
    post.line(t("focal-departed-can-communicate"), t(`answer-${departed.canCommunicate}`));
    post.line(t("focal-departed-passport-taken"), t(`answer-${departed.passportTaken}`));
    if (departed.whereabouts)
      post.line(t("focal-departed-whereabouts"), field(departed.whereabouts, MAX_WHEREABOUTS));
  }

  // Only images are posted (as photos); a PDF stays with the report (src/jobs/group-media.ts).
  const media = report.offer.media.filter(
    (m) => m.kind === "photo" || m.mimeType?.startsWith("image/"),
  ).length;
  if (media > 0)
    post
      .plain("\n")
      .italic(t("focal-media", { count: media }))
      .plain("\n");
  if (options.repeated) post.plain("\n").italic(t("focal-repeated")).plain("\n");

  return bounded(post.text.trimEnd(), post.entities);
}

function feesText(report: Report, t: Translate): string | undefined {
  const { asked, paid, paidTo } = report.money;
  const parts: string[] = [];
  if (paid) parts.push(t(`report-money-${paid}`));
  if (asked) parts.push(field(asked));
  if (paidTo) parts.push(`${t("focal-fees-to")} ${field(paidTo)}`);
  return parts.length > 0 ? parts.join(" — ") : undefined;
}

function recruiterLines(report: Report, t: Translate): Array<{ label: string; value: string }> {
  const lines = report.recruiter.identifiers.map(({ kind, value }) => ({
    label: t(`identifier-kind-${kind}`),
    value: field(kind === "telegram_handle" && !value.startsWith("@") ? `@${value}` : value, MAX_IDENTIFIER),
  }));
  if (report.recruiter.agencyName) {
    lines.push({
      label: t("identifier-kind-agency"),
      value: field(report.recruiter.agencyName, MAX_IDENTIFIER),
    });
  }
  return lines;
}

/** The stored indicator ids (strongest first) as readable reasons, in the channel's language. */
function reasonLines(report: Report, t: Translate): string[] {
  const ids = [...new Set(report.screening.indicators)].filter((id) => INDICATOR_ID.test(id));
  const lines = ids
    .filter((id) => !id.startsWith(KNOWN_IDENTIFIER_PREFIX) && !id.startsWith(COUNTER_PREFIX))
    .flatMap((id) => {
      const key = `screening-indicator-${id}`;
      const text = t(key);
      // An id from an older catalogue has no message (i18n answers "{key}"): leave it out.
      return text === key || text === `{${key}}` ? [] : [text];
    });
  // A known identifier's message needs its value and count; the identifiers are listed above.
  if (ids.includes("known_recruiter_identifier")) lines.unshift(t("focal-known-recruiter"));
  if (ids.includes("known_reported_identifier")) lines.push(t("focal-known-reported"));
  return lines;
}

/** The fields are bounded, so this only bites if the labels grow: cut the text and its entities. */
function bounded(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  // UTF-16 length bounds the code point count too, so one check covers both ways of counting.
  if (text.length <= CHANNEL_POST_MAX_LENGTH) return { text, entities };
  const shortened = cut(text, CHANNEL_POST_MAX_LENGTH);
  const end = shortened.length - 1; // before the "…"
  const kept = entities
    .filter((e) => e.offset < end)
    .map((e) => ({ ...e, length: Math.min(e.length, end - e.offset) }));
  return { text: shortened, entities: kept };
}
