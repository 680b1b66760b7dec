/**
 * Send: the draft becomes a stored report exactly once per summary message (a double press, a
 * redelivered update or a replay after a crash all land on the same once-key), and the person is
 * told the case number and what happens next.
 */
import type { BotContext } from "#src/bot/context.js";
import type { Draft } from "#src/bot/conversations/report/draft.js";
import type { Locale } from "#src/config.js";
import { renderHotlines } from "#src/render/hotlines.js";
import { levelLine } from "#src/render/screening.js";
import { LIMITS, type ReportDraft } from "#src/reports/report.js";

export function toReportDraft(draft: Draft, locale: Locale): ReportDraft {
  return {
    reporterKind: draft.reporterKind ?? "other",
    locale,
    urgent: draft.departed !== null,
    // Senders are not kept: a confirmed one is already among the recruiter's identifiers.
    offer: {
      texts: draft.offer.texts.map(({ text, forwarded }) => (forwarded ? { text, forwarded } : { text })),
      media: draft.offer.media,
      ...(draft.offer.readText ? { readText: draft.offer.readText } : {}),
    },
    screening: draft.screening ?? { level: "low", score: 0, indicators: [], catalogueVersion: "none" },
    recruiter: draft.recruiter,
    destination: draft.destination,
    jobTitle: draft.jobTitle,
    salary: draft.salary,
    money: draft.money,
    documents: draft.documents,
    departed: draft.departed,
    contactConsent: draft.contactConsent ?? false,
  };
}

/** Screenshots read after step 2 (the person did not wait for them) still reach the report. */
async function withLateReadings(deps: BotContext["deps"], draft: Draft): Promise<Draft> {
  if (!deps.screenshots.enabled || draft.offer.media.length === 0) return draft;
  const readings = await deps.screenshots.readingsOf(draft.offer.media).catch(() => []);
  const text = readings
    .flatMap((r) => (r?.status === "text" && r.text ? [r.text] : []))
    .join("\n\n")
    .slice(0, LIMITS.readText);
  if (text.length <= (draft.offer.readText?.length ?? 0)) return draft;
  return { ...draft, offer: { ...draft.offer, readText: text } };
}

export interface SentReport {
  id: string;
  created: boolean;
  text: string;
}

export async function sendReport(
  ctx: BotContext,
  draft: Draft,
  locale: Locale,
  summaryMessageId: number,
): Promise<SentReport> {
  const { deps } = ctx;
  const chatId = ctx.chat!.id;
  const ref = deps.pseudonymize("user", ctx.from!.id);
  const { report, created } = await deps.reports.createOnce(
    `${deps.pseudonymize("chat", chatId)}:${summaryMessageId}`,
    toReportDraft(await withLateReadings(deps, draft), locale),
    { ref, chatId, locale, contactPhone: draft.contactPhone, contactConsent: draft.contactConsent ?? false },
  );
  ctx.logger.info(
    { reportId: report.id, created, urgent: report.urgent, level: report.screening.level },
    "report sent",
  );
  // Officers hear of it through jobs (card, focal point); a replayed Send must not queue it twice.
  if (created) await deps.cases.created(report);
  const t = (key: string, args?: Record<string, string | number>) => deps.i18n.t(locale, key, args);
  const parts = [t("report-sent", { id: report.id }), levelLine(t, report.screening.level)];
  parts.push(report.urgent ? t("report-next-urgent") : t("report-next"));
  if (report.urgent) parts.push(renderHotlines(t, report.destination.country));
  return { id: report.id, created, text: parts.join("\n\n") };
}
