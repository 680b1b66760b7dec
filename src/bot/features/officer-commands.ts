/**
 * Officer commands in the moderator group: /help, /find, /stats, /export, /list, /mark. Each answers
 * only current officers; the answers carry case numbers and recruiter identifiers (defanged),
 * never a reporter's identity.
 */
import { FormattedString, fmt } from "@grammyjs/parse-mode";
import { Composer, InputFile } from "grammy";
import { officerCommandList } from "#src/bot/commands.js";
import type { BotContext } from "#src/bot/context.js";
import { moderatorTranslate } from "#src/bot/i18n.js";
import { countryName } from "#src/render/country-name.js";
import { defang } from "#src/render/defang.js";
import { SUPPORTED_LOCALES } from "#src/render/locales.js";
import { Campaigns } from "#src/reports/campaigns.js";
import { checkFeedbackIn } from "#src/reports/check-feedback.js";
import { EXCHANGE_SCHEMA_VERSION, exchangeJsonLines } from "#src/reports/exchange.js";
import { exportReportsCsv } from "#src/reports/export-csv.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import { findProfile, parseSearchQuery } from "#src/reports/officer-search.js";
import { listCases, parseStatus } from "#src/reports/open-cases.js";
import type { Actor } from "#src/reports/report.js";
import { computeStats } from "#src/reports/stats.js";
import { type ReportStatus, STATUSES } from "#src/reports/status.js";

const MAX_LINES = 40;
const DAY_MS = 24 * 60 * 60 * 1000;

type T = ReturnType<typeof moderatorTranslate>;

function caseLine(
  t: T,
  r: { id: string; level: string; status: string; urgent: boolean; createdAt: string },
): FormattedString {
  return fmt`• ${FormattedString.code(r.id)} ${t(`check-level-name-${r.level}`)} · ${t(`status-${r.status}`)}${r.urgent ? " · 🆘" : ""} · ${r.createdAt.slice(0, 10)}`;
}

function shown(kind: string, value: string): string {
  return defang(kind === "telegram_handle" ? `@${value}` : value);
}

const MAX_CAMPAIGNS_SHOWN = 15;

/** Outreach links: people who came through each campaign, and their checks and reports (since the start). */
async function campaignLines(ctx: BotContext, t: T): Promise<FormattedString> {
  const campaigns = await new Campaigns(ctx.deps.redis, ctx.deps.keys).list();
  const lines = campaigns
    .slice(0, MAX_CAMPAIGNS_SHOWN)
    .map(
      (c) =>
        `• ${c.name}: ${t("stats-campaign", { starts: c.starts, checks: c.checks, reports: c.reports })}`,
    );
  return fmt`📣 ${t("stats-campaigns")}:\n${lines.join("\n") || "—"}`;
}

async function send(ctx: BotContext, text: FormattedString): Promise<void> {
  const clipped = text.text.length > 4000 ? text.slice(0, 3999).concat(fmt`…`) : text;
  await ctx.reply(clipped.text, {
    entities: clipped.entities,
    link_preview_options: { is_disabled: true },
    message_thread_id: ctx.msg?.message_thread_id,
  });
}

function parseDate(input: string | undefined): Date | undefined {
  if (!input || !/^\d{4}-\d{2}-\d{2}$/.test(input)) return undefined;
  const date = new Date(`${input}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const composer = new Composer<BotContext>();
const officers = composer
  .chatType(["group", "supergroup"])
  .filter((ctx) => ctx.chat.id === ctx.deps.config.MODERATOR_CHAT_ID);

// Commands are for officers only; others get a short answer, audited.
const commands = ["find", "stats", "export", "exchange", "list", "mark"];
officers.command(commands, async (ctx, next) => {
  if (await ctx.deps.cases.officers.isOfficer(ctx.from.id)) return next();
  await ctx.deps.reports.audit({
    action: `command.refused`,
    actor: `officer:${ctx.from.id}` as Actor,
    detail: { command: ctx.msg.text.split(/\s/)[0] ?? "" },
  });
  await ctx.reply(moderatorTranslate(ctx)("triage-not-officer"), {
    message_thread_id: ctx.msg.message_thread_id,
  });
});

// /start and /help in the group: what officers can do here, every command with a line.
officers.command(["start", "help"], async (ctx) => {
  const t = moderatorTranslate(ctx);
  const locale = ctx.deps.config.MODERATOR_LOCALE ?? ctx.deps.config.DEFAULT_LOCALE;
  const lines = officerCommandList(ctx.deps.i18n, locale).map((c) => `/${c.command} — ${c.description}`);
  return send(ctx, fmt`${t("officer-help-title")}\n\n${lines.join("\n")}\n\n${t("officer-help-buttons")}`);
});

officers.command("find", async (ctx) => {
  const t = moderatorTranslate(ctx);
  const query = ctx.match.trim();
  if (!query) return send(ctx, fmt`${t("find-usage")}`);
  const result = await findProfile(ctx.deps.reports, query);
  if (result.kind === "unparseable") return send(ctx, fmt`${t("find-unparseable")}`);
  if (result.kind === "not_found") return send(ctx, fmt`${t("find-none")}`);
  if (result.kind === "case") {
    const lines = [fmt`🗂 ${FormattedString.code(result.report.id)} — ${t(`status-${result.report.status}`)}`];
    for (const link of result.linked) {
      const others = link.otherReportIds.slice(0, 10).map((id) => FormattedString.code(id));
      lines.push(
        fmt`• ${shown(link.identifier.kind, link.identifier.value)}: ${t("card-seen-in", { count: link.otherReportIds.length })}${
          others.length ? fmt` ${FormattedString.join(others, ", ")}` : fmt``
        }`,
      );
    }
    return send(ctx, FormattedString.join(lines, "\n"));
  }
  const verdict = result.verdict ? ` — ${t(`check-verdict-${result.verdict}`)}` : "";
  const header = fmt`🔎 ${FormattedString.bold(shown(result.identifier.kind, result.identifier.value))}${verdict}\n${t(
    "find-total",
    {
      count: result.total,
    },
  )}`;
  return send(
    ctx,
    FormattedString.join([header, ...result.reports.slice(0, MAX_LINES).map((r) => caseLine(t, r))], "\n"),
  );
});

officers.command("stats", async (ctx) => {
  const t = moderatorTranslate(ctx);
  const locale = ctx.deps.config.MODERATOR_LOCALE ?? ctx.deps.config.DEFAULT_LOCALE;
  const days = Math.min(Math.max(Number.parseInt(ctx.match, 10) || 30, 1), 3650);
  const s = await computeStats(ctx.deps.reports, { days, now: new Date() });
  const count = (record: Record<string, number>, prefix: string) =>
    Object.entries(record)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${t(`${prefix}${k}`)} ${n}`)
      .join(" · ") || "—";
  const lines = [
    fmt`📊 ${FormattedString.bold(t("stats-title", { days, total: s.total }))}`,
    fmt`${t("stats-by-status")}: ${count(s.byStatus, "status-")}`,
    fmt`${t("stats-by-level")}: ${count(s.byLevel, "check-level-name-")}`,
    fmt`${t("stats-by-destination")}: ${
      s.byDestination
        .slice(0, 8)
        .map((d) => `${d.country ? countryName(locale, d.country) : "—"} ${d.count}`)
        .join(" · ") || "—"
    }`,
    fmt`${t("stats-by-reporter")}: ${count(s.byReporterKind, "card-reporter-")}`,
    fmt`🆘 ${t("stats-urgent-open", { count: s.urgentOpen.count })}${
      s.urgentOpen.oldest.length
        ? fmt`: ${FormattedString.join(
            s.urgentOpen.oldest.map((id) => FormattedString.code(id)),
            ", ",
          )}`
        : fmt``
    }`,
    fmt`⏱ ${t("stats-median", { minutes: s.medianMinutesToFirstAction === null ? "—" : Math.round(s.medianMinutesToFirstAction) })}`,
    fmt`⏰ ${t("focal-stats-sla", {
      kinds: Object.entries(await ctx.deps.cases.focal.deadlines.shareMet())
        .map(([kind, { met, total }]) => t(`focal-stats-sla-kind-${kind}`, { met, total }))
        .join(" · "),
    })}`,
    fmt`${t("stats-check-feedback", await checkFeedbackIn(ctx.deps.redis, ctx.deps.keys, days, new Date()))}`,
    await campaignLines(ctx, t),
    fmt`${t("stats-top")}:\n${s.topIdentifiers.map((i) => `• ${shown(i.kind, i.value)} — ${i.count}`).join("\n") || "—"}`,
  ];
  return send(ctx, FormattedString.join(lines, "\n"));
});

/** Every word an officer may type for each status: codes, labels and synonyms in each language. */
function statusWords(ctx: BotContext): Record<ReportStatus, string[]> {
  const words = {} as Record<ReportStatus, string[]>;
  for (const status of STATUSES) {
    words[status] = SUPPORTED_LOCALES.flatMap((locale) => [
      ctx.deps.i18n.t(locale, `status-${status}`),
      ...ctx.deps.i18n.t(locale, `list-words-${status}`).split(","),
    ]);
  }
  return words;
}

officers.command("list", async (ctx) => {
  const t = moderatorTranslate(ctx);
  const arg = ctx.match.trim();
  const status = arg ? parseStatus(arg, statusWords(ctx)) : undefined;
  if (arg && !status)
    return send(
      ctx,
      fmt`${t("list-usage", { statuses: STATUSES.map((s) => `“${t(`list-word-${s}`)}”`).join(", ") })}`,
    );
  const { reports, total } = await listCases(ctx.deps.reports, { status, limit: MAX_LINES });
  if (reports.length === 0)
    return send(
      ctx,
      fmt`${status ? t("list-none-status", { status: t(`status-${status}`) }) : t("list-none")}`,
    );
  const title = status
    ? t("list-title-status", { status: t(`status-${status}`), count: total })
    : t("list-title", { count: total });
  return send(
    ctx,
    FormattedString.join(
      [fmt`📋 ${title}`, ...reports.map((r) => caseLine(t, { ...r, level: r.screening.level }))],
      "\n",
    ),
  );
});

officers.command("export", async (ctx) => {
  const t = moderatorTranslate(ctx);
  const [fromArg, toArg] = ctx.match.trim().split(/\s+/);
  const to = parseDate(toArg) ? new Date(parseDate(toArg)!.getTime() + DAY_MS) : new Date();
  const from = parseDate(fromArg) ?? new Date(to.getTime() - 30 * DAY_MS);
  if ((fromArg && !parseDate(fromArg)) || (toArg && !parseDate(toArg)) || from >= to)
    return send(ctx, fmt`${t("export-usage")}`);
  const csv = await exportReportsCsv(ctx.deps.reports, { from, to });
  const name = `waspada-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv`;
  await ctx.deps.reports.audit({
    action: "export",
    actor: `officer:${ctx.from.id}` as Actor,
    detail: { from: from.toISOString(), to: to.toISOString() },
  });
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), name), {
    caption: t("export-caption"),
    message_thread_id: ctx.msg.message_thread_id,
  });
});

officers.command("exchange", async (ctx) => {
  const t = moderatorTranslate(ctx);
  const [fromArg, toArg] = ctx.match.trim().split(/\s+/);
  const to = parseDate(toArg) ? new Date(parseDate(toArg)!.getTime() + DAY_MS) : new Date();
  const from = parseDate(fromArg) ?? new Date(to.getTime() - 30 * DAY_MS);
  if ((fromArg && !parseDate(fromArg)) || (toArg && !parseDate(toArg)) || from >= to)
    return send(ctx, fmt`${t("focal-exchange-usage")}`);
  const { deps } = ctx;
  const { lines, count } = await exchangeJsonLines(
    {
      reports: deps.reports,
      redis: deps.redis,
      keys: deps.keys,
      responses: new FocalResponses(deps.redis, deps.keys),
    },
    { from, to },
    (chatId) => deps.cases.focal.posts.countryOf(chatId),
  );
  await deps.reports.audit({
    action: "exchange",
    actor: `officer:${ctx.from.id}` as Actor,
    detail: { from: from.toISOString(), to: to.toISOString(), cases: String(count) },
  });
  if (count === 0) return send(ctx, fmt`${t("focal-exchange-none")}`);
  const name = `waspada-exchange-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.jsonl`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(lines, "utf8"), name), {
    caption: t("focal-exchange-caption", { version: EXCHANGE_SCHEMA_VERSION }),
    message_thread_id: ctx.msg.message_thread_id,
  });
});

officers.command("mark", async (ctx) => {
  const t = moderatorTranslate(ctx);
  const parts = ctx.match.trim().split(/\s+/);
  const verdictWord = parts.pop()?.toLowerCase();
  const verdict =
    verdictWord === "known"
      ? "known_recruiter"
      : verdictWord === "licensed"
        ? "licensed_agency"
        : verdictWord === "clear"
          ? null
          : undefined;
  const [identifier] = parseSearchQuery(parts.join(" "));
  if (verdict === undefined || !identifier) return send(ctx, fmt`${t("mark-usage")}`);
  // A number is one recruiter whether it came as a phone or as a WhatsApp link.
  const kinds =
    identifier.kind === "phone" || identifier.kind === "whatsapp"
      ? (["phone", "whatsapp"] as const)
      : [identifier.kind];
  const results = await Promise.all(
    kinds.map((kind) =>
      ctx.deps.reports.markIdentifier(kind, identifier.value, verdict, String(ctx.from.id)),
    ),
  );
  if (!results.some(Boolean)) return send(ctx, fmt`${t("mark-usage")}`);
  return send(
    ctx,
    fmt`✅ ${shown(identifier.kind, identifier.value)}: ${verdict ? t(`check-verdict-${verdict}`) : t("mark-cleared")}`,
  );
});

export { composer as officerCommandsFeature };
