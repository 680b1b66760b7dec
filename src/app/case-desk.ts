/**
 * The officers' and focal points' side of the app, built in a straight line: case cards first
 * (they read what other jobs wrote through plain reports/ reads), then what changes a case —
 * forwarding to focal points, deadlines, focal answers, the weekly digest, notifications to the
 * reporter, the model's analysis — and last the case events that tie them to the bot.
 */
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import { createAnalyser } from "#src/analysis/analyse.js";
import { createModelClient } from "#src/analysis/client.js";
import { downloadImages } from "#src/analysis/images.js";
import type { BotContext, BotDeps } from "#src/bot/context.js";
import { createFocalAdminCheck } from "#src/bot/middlewares/focal-admin.js";
import { createOfficerCheck, officerNamesOf } from "#src/bot/middlewares/officer.js";
import type { Config } from "#src/config.js";
import { createOfferAnalysis } from "#src/jobs/analyse-offer.js";
import { createCaseCards } from "#src/jobs/case-card.js";
import { createCaseEvents } from "#src/jobs/case-events.js";
import { createCaseTopicPoster } from "#src/jobs/case-topic.js";
import { createDeadlines } from "#src/jobs/deadlines.js";
import { createFocalAnswers } from "#src/jobs/focal-answers.js";
import { createFocalDigest, type FocalDigest } from "#src/jobs/focal-digest.js";
import { awaitsReview, createForwarding, type Forwarding } from "#src/jobs/forward-to-focal-point.js";
import type { FileSource } from "#src/jobs/group-media.js";
import { createNotifications } from "#src/jobs/notify-reporter.js";
import type { JobRunner } from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { CardContext } from "#src/render/case-card.js";
import { countryName } from "#src/render/country-name.js";
import type { Translate } from "#src/render/translate.js";
import { Campaigns } from "#src/reports/campaigns.js";
import { focalPostsOf, forwardFailures, modelAnalysisOf } from "#src/reports/case-records.js";
import { pendingDeadlines } from "#src/reports/deadlines.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import { reportSignature } from "#src/reports/offer-index.js";
import { linkedReports } from "#src/reports/officer-search.js";
import type { Report } from "#src/reports/report.js";
import type { ReportStore } from "#src/reports/store.js";

export interface CaseDeskDeps {
  config: Config;
  api: Api;
  files: FileSource;
  reports: ReportStore;
  redis: RedisClient;
  keys: Keys;
  i18n: I18n<BotContext>;
  metrics: Metrics;
  sealer: Sealer;
  pseudonymize: Pseudonymize;
  logger: Logger;
}

export interface CaseDesk {
  cases: BotDeps["cases"];
  analysis: BotDeps["analysis"];
  forwarding: Forwarding;
  digest: FocalDigest;
}

/** What a card shows besides the report: each a plain read, none through a job. */
function cardContext(deps: CaseDeskDeps, responses: FocalResponses) {
  const { config, reports, redis, keys } = deps;
  return async (report: Report): Promise<CardContext> => {
    const focalResponses = await responses.list(report.id);
    return {
      linked: await linkedReports(reports, report),
      offerMatches: (
        await reports.offers.matches(reportSignature(report), { excludeReportId: report.id })
      ).map((m) => m.reportId),
      posts: await focalPostsOf(redis, keys, report.id),
      failures: (await forwardFailures(redis, keys)).filter((f) => f.reportId === report.id),
      notes: await redis.llen(keys.reportNotes(report.id)),
      officerNames: await officerNamesOf(redis, keys, report),
      model: await modelAnalysisOf(redis, keys, report.id),
      focal: {
        responses: focalResponses,
        waitingReview: awaitsReview(config, report),
        deadlines: await pendingDeadlines(redis, keys, report, focalResponses),
        now: Date.now(),
      },
    };
  };
}

export function createCaseDesk(jobs: JobRunner, deps: CaseDeskDeps): CaseDesk {
  const { config, api, files, reports, redis, keys, i18n, logger } = deps;
  const moderatorLocale = config.MODERATOR_LOCALE ?? config.DEFAULT_LOCALE;
  const moderatorT: Translate = (key, args) => i18n.t(moderatorLocale, key, args);
  const responses = new FocalResponses(redis, keys);
  const base = { api, reports, redis, keys, logger };
  const cards = createCaseCards(jobs, {
    ...base,
    files,
    moderatorChatId: config.MODERATOR_CHAT_ID,
    locale: moderatorLocale,
    translate: moderatorT,
    context: cardContext(deps, responses),
  });
  const onChange = (reportId: string) => cards.publish(reportId);
  const postToCase = createCaseTopicPoster(api, cards);
  const deadlines = createDeadlines(jobs, {
    reports,
    responses,
    redis,
    keys,
    durations: {
      urgent_take: config.SLA_URGENT_TAKE_MINUTES * 60_000,
      focal_ack: config.SLA_FOCAL_ACK_HOURS * 3_600_000,
      need_info: config.SLA_NEED_INFO_HOURS * 3_600_000,
    },
    postToCase,
    translate: moderatorT,
    logger,
    onChange,
  });
  const forwarding = createForwarding(jobs, {
    ...base,
    files,
    config,
    i18n,
    onChange,
    onPosted: (reportId, chatId) => deadlines.start("focal_ack", { id: reportId }, String(chatId)),
  });
  const focalAnswers = createFocalAnswers(jobs, {
    ...base,
    responses,
    i18n,
    moderatorTranslate: moderatorT,
    countryLabel: (code) => (code === "default" ? "—" : countryName(moderatorLocale, code)),
    postToCase,
    onChange,
  });
  const digest = createFocalDigest(jobs, {
    ...base,
    responses,
    channels: config.FOCAL_CHANNELS ?? {},
    localeOf: forwarding.localeOf,
    i18n,
  });
  const notifications = createNotifications(jobs, { ...base, i18n, pseudonymize: deps.pseudonymize });
  const analysis = createOfferAnalysis(jobs, {
    analyser: createModelAnalyser(deps),
    reports,
    redis,
    keys,
    logger,
    onResult: onChange,
    checks: { api, sealer: deps.sealer, translate: (locale, key, args) => i18n.t(locale, key, args) },
  });
  const events = createCaseEvents(
    cards,
    forwarding,
    notifications,
    analysis,
    deadlines,
    new Campaigns(redis, keys),
  );
  const cacheSeconds = config.OFFICER_CACHE_SECONDS;
  const cases = Object.assign(events, {
    focal: {
      admins: createFocalAdminCheck({
        api,
        redis,
        keys,
        channels: config.FOCAL_CHANNELS ?? {},
        groups: config.FOCAL_ADMIN_GROUPS ?? {},
        cacheSeconds,
      }),
      answers: focalAnswers,
      posts: forwarding,
      deadlines,
    },
    officers: createOfficerCheck({
      api,
      redis,
      keys,
      moderatorChatId: config.MODERATOR_CHAT_ID,
      policy: config.OFFICERS,
      cacheSeconds,
    }),
  });
  return { cases, analysis, forwarding, digest };
}

/** The optional language model (absent without OPENAI_API_KEY: rules only). */
function createModelAnalyser(deps: CaseDeskDeps) {
  const client = createModelClient(deps.config);
  return (
    client &&
    createAnalyser({
      client,
      config: deps.config,
      redis: deps.redis,
      keys: deps.keys,
      metrics: deps.metrics,
      logger: deps.logger,
      images: (media) => downloadImages(deps.files, media),
    })
  );
}
