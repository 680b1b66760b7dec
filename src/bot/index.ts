/**
 * createBot(deps): the bot's whole shape is the middleware order below — observation, per-chat
 * order in the process, the chat's state (once-only handling, the chat's lease across processes,
 * session and conversation state in one round trip each way), the error boundary, language, then
 * the features, and the friendly answer to everything else last.
 */

import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { type ApiClientOptions, Bot, BotError, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDeps } from "#src/bot/context.js";
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
import { ChatStateUnavailable, chatState, StateConflict } from "#src/bot/middlewares/chat-state.js";
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
  /** The Bot API client the app's jobs use too (one fetch for every call); built from deps if absent. */
  client?: ApiClientOptions;
}

/** How every Bot API call is made: through one fetch that retries, counts and (in tests) can be killed. */
export function telegramClient(
  deps: Pick<BotDeps, "config" | "metrics" | "logger" | "faults">,
): ApiClientOptions {
  const { config } = deps;
  return {
    apiRoot: config.TELEGRAM_API_ROOT,
    // Every call, including those made inside conversations, goes through this fetch.
    fetch: createTelegramFetch({
      maxRetries: config.TELEGRAM_MAX_RETRIES,
      maxDelaySeconds: config.TELEGRAM_MAX_RETRY_DELAY_SECONDS,
      metrics: deps.metrics,
      logger: deps.logger,
      faults: deps.faults,
    }),
    timeoutSeconds: 60,
  };
}

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): WaspadaBot {
  const { config } = deps;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    botInfo: options.botInfo,
    client: options.client ?? telegramClient(deps),
  });

  const chatRef = (ctx: Context) => (ctx.chat ? deps.pseudonymize("chat", ctx.chat.id) : undefined);

  bot.use(observeUpdates(deps));
  // Before everything that costs (no lease, no state read): a flood is refused for at most one
  // Redis round trip per update; it fails open, so a Redis outage is left to chat-state's hold.
  bot.use(limitFloods());
  bot.use(sequentialize(chatRef));
  bot.use(
    chatState(deps, {
      leaseMs: config.UPDATE_LEASE_MS,
      sessionTtlSeconds: config.SESSION_TTL_DAYS * 24 * 60 * 60,
      conversationTimeoutMs: config.CONVERSATION_TIMEOUT_HOURS * 60 * 60 * 1000,
      maxConversationBytes: config.CONVERSATION_MAX_KB * 1024,
    }),
  );
  const protectedBot = bot.errorBoundary(createErrorHandler(deps));
  protectedBot.use(rememberLocale());
  protectedBot.use(deps.i18n);

  const timeoutMs = config.CONVERSATION_TIMEOUT_HOURS * 60 * 60 * 1000;
  protectedBot.use(
    conversations<BotContext, Context>({
      storage: {
        type: "context",
        // Bump when a conversation changes incompatibly: old state is dropped, not misread.
        // 2: the report conversation reads the model's extraction (new external steps).
        // 3: refused input is skipped, not logged; screenshots are read after step 2.
        // 4: the report is a list of questions with Back; typed words answer buttons.
        version: 4,
        adapter: createConversationStorage(),
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
  retryLostRaces(bot, createErrorHandler(deps));
  return bot;
}

/** Attempts at an update whose chat state another process changed meanwhile (each from the new state). */
const CONFLICT_ATTEMPTS = 5;
/** Attempts while Redis cannot be reached, with growing pauses (about 30 s in all). */
const UNAVAILABLE_ATTEMPTS = 8;

/**
 * handleUpdate (polling and webhook alike) handles an update again when the chat's state changed
 * under it, and waits for Redis (about 30 s, the person told once) rather than confirming an
 * update that was never handled.
 */
function retryLostRaces(bot: WaspadaBot, tell: (error: BotError<BotContext>) => Promise<void>): void {
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookReplyEnvelope) => {
    // The stored conversation state is stripped of names in place, and it may hold this update:
    // a second attempt starts from an untouched copy.
    const original = structuredClone(update);
    for (let attempt = 1; ; attempt++) {
      try {
        return await handle(attempt === 1 ? update : structuredClone(original), webhookReplyEnvelope);
      } catch (error) {
        const cause = error instanceof BotError ? error.error : error;
        if (cause instanceof StateConflict && attempt < CONFLICT_ATTEMPTS) continue;
        if (cause instanceof ChatStateUnavailable && attempt < UNAVAILABLE_ATTEMPTS) {
          // A blip passes unnoticed; a real outage is said once ("temporarily unavailable") while
          // the update itself waits for Redis and is handled when it is back.
          if (attempt === 2 && error instanceof BotError) await tell(error).catch(() => {});
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** Math.min(attempt, 5)));
          continue;
        }
        throw error;
      }
    }
  };
}
