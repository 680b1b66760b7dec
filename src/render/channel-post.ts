/**
 * The case post focal points read in their channel, in the channel's language (FOCAL_CHANNELS
 * `KH=-100…:km`): every label, level, status and reason is translated and worded for an officer;
 * what the reporter typed stays as written but is marked as quoted (“…”, italic), with relative
 * dates ("kemarin") made absolute and money also shown in USD. It carries NOTHING about the
 * reporter beyond "who is reporting" in three words: no name, username, id, phone, relationship or
 * location (DESIGN.md principle 5).
 *
 * Built as text plus entities, never HTML from user text. Links and domains are defanged, and
 * every field is bounded so the whole post stays within Telegram's 4,096 characters. Under it, the
 * focal point's answer buttons (focalKeyboard).
 */
import { InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import { focalAnswerData } from "#src/callback-data/focal.js";
import type { FocalLocale } from "#src/config.js";
import { cut } from "#src/render/clip.js";
import { countryName } from "#src/render/country-name.js";
import { defang } from "#src/render/defang.js";
import type { Translate } from "#src/render/translate.js";
import { FOCAL_ANSWERS, type FocalAnswer } from "#src/reports/focal-responses.js";
import { absoluteDate } from "#src/reports/relative-date.js";
import type { Report } from "#src/reports/report.js";
import { extractMoney } from "#src/screening/extract/money.js";
import { readCatalogueFile, screenOffer } from "#src/screening/index.js";
import { normalise } from "#src/screening/normalise.js";
import type { Level } from "#src/screening/types.js";

export type ForwardReason = "level" | "urgent" | "escalated";

export interface ChannelPostOptions {
  /** Language of the channel: labels, reasons and country names follow it. */
  locale: FocalLocale;
  /** Why the case reached the channel, shown so focal points know how it was flagged. */
  reason?: ForwardReason;
  /** FORWARD_MIN_LEVEL, named when the level was the trigger. */
  threshold?: Level;
  /** An earlier attempt may have been delivered: say so, so a second copy is recognisable. */
  repeated?: boolean;
  /** This channel's latest answer, shown as "Your response". */
  response?: { answer: FocalAnswer; at: string };
}

/** Telegram's limit is 4,096 characters after entity parsing. */
export const CHANNEL_POST_MAX_LENGTH = 4096;
/**
 * Budgets in UTF-16 units (an emoji takes two), chosen so that a report with every field at its
 * longest still fits with the longest translations (Khmer labels included).
 */
const MAX_FIELD = 150;
const MAX_JOB = 200;
const MAX_WHEN = 100;
const MAX_WHEREABOUTS = 500;
const MAX_IDENTIFIER = 100;
const MAX_IDENTIFIERS = 8;
const MAX_REASONS = 6;
const MAX_QUOTE = 80;

const LEVEL_MARK: Record<Level, string> = { low: "🟢", medium: "🟡", high: "🟠", critical: "🔴" };

/** Counter-indicators ("looks legitimate") do not explain why a case was flagged. */
const COUNTER_PREFIX = "ok_";
const INDICATOR_ID = /^[a-z0-9_]{1,100}$/;

let categoryOf: Map<string, string> | undefined;
/** Indicator id → catalogue category, read once from the shipped catalogue. */
function indicatorCategories(): Map<string, string> {
  if (!categoryOf) {
    const data = readCatalogueFile() as { indicators?: Array<{ id?: unknown; category?: unknown }> };
    categoryOf = new Map(
      (data.indicators ?? []).flatMap((i) =>
        typeof i.id === "string" && typeof i.category === "string" ? [[i.id, i.category] as const] : [],
      ),
    );
  }
  return categoryOf;
}

/** Free text from a report as the post shows it: one line, defanged, bounded. */
function field(text: string, max = MAX_FIELD): string {
  return cut(defang(text.replace(/[\r\n\u2028\u2029]+/g, " ").trim()), max);
}

/** About how many US dollars an amount in the text is, e.g. "1,070"; undefined if none or already USD. */
function usdOf(text: string): string | undefined {
  const mention = extractMoney(normalise(text)).find(
    (m) => m.currency !== "USD" && (m.usdPerMonth ?? m.usdAmount) != null,
  );
  const usd = mention ? (mention.context === "fee" ? mention.usdAmount : mention.usdPerMonth) : undefined;
  const value = usd ?? mention?.usdAmount;
  if (value == null) return undefined;
  const rounded = value >= 100 ? Math.round(value / 10) * 10 : Math.round(value);
  return new Intl.NumberFormat("en-US").format(rounded);
}

/** Text with entities, offsets in UTF-16 code units as the Bot API counts them. */
class PostBuilder {
  text = "";
  readonly entities: MessageEntity[] = [];
  /** Whether any of the reporter's words were quoted (then the post says what the quotes mean). */
  quotedAny = false;

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

  /** The reporter's (or recruiter's) own words: in quotation marks and italic, never translated. */
  quote(part: string): this {
    this.quotedAny = true;
    return this.italic(`“${part}”`);
  }

  label(label: string): this {
    return this.bold(`${label}:`).plain(" ");
  }

  /** "Label: value" on its own line. */
  line(label: string, value: string): this {
    return this.label(label).plain(`${value}\n`);
  }

  /** "Label: “words” (≈ USD 1,070)" on its own line. */
  quotedLine(label: string, words: string, t: Translate, withUsd = false): this {
    this.label(label).quote(words);
    const usd = withUsd ? usdOf(words) : undefined;
    if (usd) this.plain(` (${t("fp-usd", { amount: usd })})`);
    return this.plain("\n");
  }
}

export function renderChannelPost(
  report: Report,
  t: Translate,
  options: ChannelPostOptions,
): { text: string; entities: MessageEntity[] } {
  const post = new PostBuilder();
  const level = report.screening.level;
  const reference = new Date(report.createdAt);

  post.plain("🚨 ").bold(t("fp-case")).plain(" ").code(report.id);
  if (report.urgent) post.plain(" · ").bold(t("fp-urgent"));
  post.plain("\n");
  post.line(t("fp-level"), `${LEVEL_MARK[level]} ${t(`fp-level-name-${level}`)}`);
  post.line(t("fp-status"), t(`fp-status-${report.status}`));
  if (options.reason) post.line(t("fp-flagged"), flaggedBecause(options, level, t));
  post.line(t("fp-reported-by"), t(`fp-reporter-${report.reporterKind}`));
  post.line(t("fp-reported-on"), report.createdAt.slice(0, 10));
  post.plain("\n");

  const { country, city } = report.destination;
  if (country || city) {
    post.label(t("fp-destination"));
    if (country) post.plain(countryName(options.locale, country));
    if (country && city) post.plain(", ");
    if (city) post.quote(field(city));
    post.plain("\n");
  }
  if (report.jobTitle) post.quotedLine(t("fp-job"), field(report.jobTitle, MAX_JOB), t);
  if (report.salary) post.quotedLine(t("fp-salary"), field(report.salary), t, true);
  feesLine(post, report, t);
  if (report.documents.passportHandedOver !== "unknown") {
    post.line(t("fp-passport-handed"), t(`fp-answer-${report.documents.passportHandedOver}`));
  }

  const identifiers = recruiterLines(report, t);
  if (identifiers.length > 0) {
    post.plain("\n").bold(t("fp-recruiter")).plain("\n");
    for (const { label, value } of identifiers.slice(0, MAX_IDENTIFIERS)) {
      post.plain(`• ${label}: `).code(value).plain("\n");
    }
    if (identifiers.length > MAX_IDENTIFIERS) {
      post.italic(t("fp-more", { count: identifiers.length - MAX_IDENTIFIERS })).plain("\n");
    }
  }

  const reasons = reasonLines(report, t);
  if (reasons.length > 0) {
    post.plain("\n").bold(t("fp-reasons")).plain("\n");
    for (const reason of reasons.slice(0, MAX_REASONS)) {
      post.plain(`• ${reason.text}`);
      if (reason.quote) post.plain(" — ").quote(reason.quote);
      post.plain("\n");
    }
    if (reasons.length > MAX_REASONS)
      post.italic(t("fp-more", { count: reasons.length - MAX_REASONS })).plain("\n");
  }

  const departed = report.departed;
  if (departed) {
    post
      .plain("\n")
      .bold(`⚠️ ${t("fp-departed")}`)
      .plain("\n");
    if (departed.when) {
      const words = field(departed.when, MAX_WHEN);
      const when = absoluteDate(departed.when, reference);
      post.label(t("fp-departed-when"));
      if (when)
        post
          .plain(`${when.approximate ? "≈ " : ""}${when.date} (`)
          .quote(words)
          .plain(")\n");
      else post.quote(words).plain("\n");
    }
    post.line(t("fp-departed-can-communicate"), t(`fp-answer-${departed.canCommunicate}`));
    post.line(t("fp-departed-passport-taken"), t(`fp-answer-${departed.passportTaken}`));
    if (departed.whereabouts)
      post.quotedLine(t("fp-departed-whereabouts"), field(departed.whereabouts, MAX_WHEREABOUTS), t);
  }

  // Only images are posted (as photos); a PDF stays with the report (src/jobs/group-media.ts).
  const media = report.offer.media.filter(
    (m) => m.kind === "photo" || m.mimeType?.startsWith("image/"),
  ).length;
  if (media > 0)
    post
      .plain("\n")
      .italic(t("fp-media", { count: media }))
      .plain("\n");
  post.plain("\n").label(`📨 ${t("fp-response")}`);
  if (options.response)
    post.plain(`${t(`fp-answer-${options.response.answer}`)} (${time(options.response.at)})\n`);
  else post.plain(`${t("fp-response-none")}\n`);
  if (post.quotedAny) post.plain("\n").italic(t("fp-quoted-note")).plain("\n");
  if (options.repeated) post.plain("\n").italic(t("fp-repeated")).plain("\n");

  return bounded(post.text.trimEnd(), post.entities);
}

/** The buttons under a focal post: two answers a row, in the channel's language. */
export function focalKeyboard(reportId: string, t: Translate): InlineKeyboard {
  const button = (answer: FocalAnswer) =>
    InlineKeyboard.text(t(`fp-answer-${answer}`), focalAnswerData.pack({ id: reportId, answer }));
  const rows = [];
  for (let i = 0; i < FOCAL_ANSWERS.length; i += 2) rows.push(FOCAL_ANSWERS.slice(i, i + 2).map(button));
  return InlineKeyboard.from(rows);
}

function time(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function flaggedBecause(options: ChannelPostOptions, level: Level, t: Translate): string {
  if (options.reason === "level") {
    const threshold = options.threshold ?? level;
    return t("fp-flagged-level", {
      level: t(`fp-level-name-${level}`),
      threshold: t(`fp-level-name-${threshold}`),
    });
  }
  return t(`fp-flagged-${options.reason}`);
}

function feesLine(post: PostBuilder, report: Report, t: Translate): void {
  const { asked, paid, paidTo } = report.money;
  if (!paid && !asked && !paidTo) return;
  post.label(t("fp-fees"));
  const parts: Array<() => void> = [];
  if (paid) parts.push(() => post.plain(t(`fp-money-${paid}`)));
  if (asked)
    parts.push(() => {
      post.quote(field(asked));
      const usd = usdOf(asked);
      if (usd) post.plain(` (${t("fp-usd", { amount: usd })})`);
    });
  if (paidTo) parts.push(() => post.plain(`${t("fp-fees-to")} `).quote(field(paidTo)));
  parts.forEach((write, i) => {
    if (i > 0) post.plain(" — ");
    write();
  });
  post.plain("\n");
}

function recruiterLines(report: Report, t: Translate): Array<{ label: string; value: string }> {
  const lines = report.recruiter.identifiers.map(({ kind, value }) => ({
    label: t(`fp-identifier-${kind}`),
    value: field(kind === "telegram_handle" && !value.startsWith("@") ? `@${value}` : value, MAX_IDENTIFIER),
  }));
  if (report.recruiter.agencyName) {
    lines.push({
      label: t("fp-identifier-agency"),
      value: field(report.recruiter.agencyName, MAX_IDENTIFIER),
    });
  }
  return lines;
}

/**
 * The stored indicators (strongest first) as warning signs worded for an officer, one line per
 * catalogue category, each with the offer's own words that showed it when the text has them.
 */
function reasonLines(report: Report, t: Translate): Array<{ text: string; quote?: string }> {
  const ids = [...new Set(report.screening.indicators)].filter((id) => INDICATOR_ID.test(id));
  const offer = report.offer.texts.map((x) => x.text).join("\n\n");
  const hits = offer ? screenOffer(offer).indicators.filter((i) => i.points > 0) : [];
  const categories = indicatorCategories();
  const order: string[] = [];
  for (const id of ids) {
    if (id.startsWith(COUNTER_PREFIX)) continue;
    const category = categories.get(id) ?? hits.find((h) => h.id === id)?.category;
    if (category && !order.includes(category)) order.push(category);
  }
  const lines: Array<{ text: string; quote?: string }> = [];
  if (ids.includes("known_recruiter_identifier")) lines.push({ text: t("fp-known-recruiter") });
  for (const category of order) {
    const key = `fp-reason-${category}`;
    const text = t(key);
    // A category from a newer catalogue has no message yet (i18n answers "{key}"): leave it out.
    if (text === key || text === `{${key}}`) continue;
    const evidence = hits.find((h) => h.category === category && h.evidence[0])?.evidence[0]?.quote;
    lines.push({ text, ...(evidence && { quote: field(evidence, MAX_QUOTE) }) });
  }
  if (ids.includes("known_reported_identifier")) lines.push({ text: t("fp-known-reported") });
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
