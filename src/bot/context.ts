/** The Context type of every handler, with the flavors the bot installs. */

import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18n, I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { ConversationOwners } from "#src/bot/conversations/owners.js";
import type { FocalAdminCheck } from "#src/bot/middlewares/focal-admin.js";
import type { OfficerCheck } from "#src/bot/middlewares/officer.js";
import type { RateLimits } from "#src/bot/rate-limits.js";
import type { Config, Locale } from "#src/config.js";
import type { OfferAnalysis } from "#src/jobs/analyse-offer.js";
import type { CaseEvents } from "#src/jobs/case-events.js";
import type { Deadlines } from "#src/jobs/deadlines.js";
import type { FocalAnswers } from "#src/jobs/focal-answers.js";
import type { Forwarding } from "#src/jobs/forward-to-focal-point.js";
import type { ScreenshotReadings } from "#src/jobs/read-screenshots.js";
import type { Logger } from "#src/logger.js";
import type { Metrics } from "#src/metrics.js";
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import type { ReportStore } from "#src/reports/store.js";

/**
 * A test hook: `point` is called at every await point of handling an update (in the Bot API
 * fetch and around `external`, see chat-state.ts) and may kill the process there.
 */
export interface FaultPoints {
  point(name: string): void;
  readonly killed: boolean;
}

export interface SessionData {
  /** Chosen with /language, or taken from Telegram's language_code at first contact. */
  locale?: Locale;
}

/** What handlers need from the outside, reached through `ctx.deps` rather than module singletons. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  metrics: Metrics;
  i18n: I18n<BotContext>;
  keys: Keys;
  pseudonymize: Pseudonymize;
  sealer: Sealer;
  reports: ReportStore;
  conversationOwners: ConversationOwners;
  /** Per-person token buckets against floods (src/bot/rate-limits.ts). */
  limits: RateLimits;
  /** Officers' side: who may act, case cards, and what follows a change (jobs). */
  cases: CaseEvents & { officers: OfficerCheck; focal: FocalDesk };
  /** The optional language model: pre-fill for the report conversation (disabled without a model). */
  analysis: OfferAnalysis;
  /** Screenshots read on this machine (OCR), for checks and reports (disabled with OCR_ENABLED=false). */
  screenshots: ScreenshotReadings;
  /** Tests only: await points where a test may "kill the process" (see chat-state.ts). */
  faults?: FaultPoints;
}

/** Focal points' side: who may answer on a channel post, and what follows an answer. */
export interface FocalDesk {
  admins: FocalAdminCheck;
  answers: FocalAnswers;
  posts: Pick<Forwarding, "countryOf" | "localeOf" | "renderPost" | "postsOf">;
  deadlines: Pick<Deadlines, "shareMet">;
}

export interface DepsFlavor {
  deps: BotDeps;
  logger: Logger;
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & I18nFlavor & DepsFlavor>;

/** Inside a conversation the context is a fresh grammY Context: no session, no i18n, no deps. */
export type InnerContext = Context;

/** Handlers and conversations name it from here; render/ owns it (render knows no bot). */
export type { Translate } from "#src/render/translate.js";
