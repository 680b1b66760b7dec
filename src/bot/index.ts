/**
 * createBot(deps): the bot's whole shape is the middleware order below — observation, the error
 * boundary, de-duplication, per-chat ordering, session, language, then the features, and the
 * friendly answer to everything else last.
 */

import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, type Context, session } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import type { BotContext, BotDeps, SessionData } from "#src/bot/context.js";
import {
  ADD_INFORMATION_CONVERSATION,
  createAddInformationConversation,
} from "#src/bot/conversations/add-information.js";
import { createReportConversation, REPORT_CONVERSATION } from "#src/bot/conversations/report/index.js";
import { createConversationStorage } from "#src/bot/conversations/storage.js";
import { caseThreadFeature } from "#src/bot/features/case-thread.js";
import { checkFeature } from "#src/bot/features/check.js";
import { checkScreenshotFeature } from "#src/bot/features/check-screenshot.js";
import { focalResponseFeature } from "#src/bot/features/focal-response.js";
import { helpFeature } from "#src/bot/features/help.js";
import { languageFeature } from "#src/bot/features/language.js";
import { menuFeature } from "#src/bot/features/menu.js";
import { myDataFeature } from "#src/bot/features/my-data.js";
import { myReportsFeature } from "#src/bot/features/my-reports.js";
import { officerAccessFeature } from "#src/bot/features/officer-access.js";
import { officerCommandsFeature } from "#src/bot/features/officer-commands.js";
import { privacyFeature } from "#src/bot/features/privacy.js";
import { reportFeature } from "#src/bot/features/report.js";
import { reporterReplyFeature } from "#src/bot/features/reporter-reply.js";
import { startFeature } from "#src/bot/features/start.js";
import { triageFeature } from "#src/bot/features/triage.js";
import { unhandledFeature } from "#src/bot/features/unhandled.js";
import { dedupeUpdates } from "#src/bot/middlewares/dedupe-updates.js";
import { createErrorHandler } from "#src/bot/middlewares/error-boundary.js";
import { limitFloods } from "#src/bot/middlewares/limit-floods.js";
import { rememberLocale } from "#src/bot/middlewares/locale.js";
import { observeUpdates } from "#src/bot/middlewares/observe-updates.js";
import { createTelegramFetch } from "#src/bot/telegram-fetch.js";

export type WaspadaBot = Bot<BotContext>;

/** Updates the bot asks Telegram for; everything else is never sent to it. */
export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "chat_member",
] as const;

export interface CreateBotOptions {
  /** Skips the getMe call at start (tests and webhook processes that already know the bot). */
  botInfo?: UserFromGetMe;
}

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): WaspadaBot {
  const { config } = deps;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    botInfo: options.botInfo,
    client: {
      apiRoot: config.TELEGRAM_API_ROOT,
      // Every call, including those made inside conversations, goes through this fetch.
      fetch: createTelegramFetch({
        maxRetries: config.TELEGRAM_MAX_RETRIES,
        maxDelaySeconds: config.TELEGRAM_MAX_RETRY_DELAY_SECONDS,
        metrics: deps.metrics,
        logger: deps.logger,
      }),
      timeoutSeconds: 60,
    },
  });

  const chatRef = (ctx: Context) => (ctx.chat ? deps.pseudonymize("chat", ctx.chat.id) : undefined);

  bot.use(observeUpdates(deps));
  const protectedBot = bot.errorBoundary(createErrorHandler(deps));
  // Before everything that costs: a flood is refused for one Redis round trip per update.
  protectedBot.use(limitFloods());
  protectedBot.use(dedupeUpdates());
  protectedBot.use(sequentialize(chatRef));
  protectedBot.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      getSessionKey: (ctx) => {
        const ref = chatRef(ctx);
        return ref === undefined ? undefined : deps.keys.session(ref);
      },
      storage: new RedisAdapter<SessionData>({
        instance: deps.redis as Redis,
        ttl: config.SESSION_TTL_DAYS * 24 * 60 * 60,
      }),
    }),
  );
  protectedBot.use(rememberLocale());
  protectedBot.use(deps.i18n);

  const timeoutMs = config.CONVERSATION_TIMEOUT_HOURS * 60 * 60 * 1000;
  protectedBot.use(
    conversations<BotContext, Context>({
      storage: {
        type: "key",
        // Bump when a conversation changes incompatibly: old state is dropped, not misread.
        // 2: the report conversation reads the model's extraction (new external steps).
        version: 2,
        getStorageKey: chatRef,
        adapter: createConversationStorage({ redis: deps.redis, keys: deps.keys, timeoutMs }),
      },
    }),
  );
  protectedBot.use(
    createConversation(createReportConversation(deps), {
      id: REPORT_CONVERSATION,
      maxMillisecondsToWait: timeoutMs,
    }),
  );
  protectedBot.use(
    createConversation(createAddInformationConversation(deps), {
      id: ADD_INFORMATION_CONVERSATION,
      maxMillisecondsToWait: timeoutMs,
    }),
  );

  protectedBot.use(startFeature);
  protectedBot.use(helpFeature);
  protectedBot.use(languageFeature);
  protectedBot.use(privacyFeature);
  protectedBot.use(menuFeature);
  protectedBot.use(reportFeature);
  protectedBot.use(myReportsFeature);
  protectedBot.use(myDataFeature);
  protectedBot.use(reporterReplyFeature);
  protectedBot.use(checkScreenshotFeature);
  protectedBot.use(checkFeature);
  protectedBot.use(focalResponseFeature);
  protectedBot.use(officerAccessFeature);
  protectedBot.use(triageFeature);
  protectedBot.use(officerCommandsFeature);
  protectedBot.use(caseThreadFeature);
  protectedBot.use(unhandledFeature);

  // Last resort: an error outside the boundary (should not happen) is logged, never fatal.
  bot.catch(createErrorHandler(deps));
  return bot;
}
