/**
 * The model's second opinion on a check, after the rules' reply has been sent. The job gets only
 * the check id: the checked text waits under `check:{id}` (for "Report this" too) and what the job
 * needs to edit the reply — the chat and message, the rules' result, the person's language and
 * pseudonym, the reply as sent — waits beside it, sealed, for the same hour. When the guarded
 * opinion adds a verified reason or raises the level, the reply is edited in place with a marked
 * section; otherwise nothing happens and the rules' reply stands.
 */
import type { Api } from "grammy";
import { z } from "zod";
import type { Analyser } from "#src/analysis/analyse.js";
import type { Locale } from "#src/config.js";
import { classifyTelegramError, type JobRunner } from "#src/jobs/runner.js";
import type { Logger } from "#src/logger.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";
import { withOpinion } from "#src/render/check-opinion.js";
import { LEVELS, type Level } from "#src/screening/types.js";

export const CHECK_OPINION_QUEUE = "check-opinion";

/** As long as the checked text is kept: a later opinion could no longer be checked against it. */
const CHECK_REPLY_TTL_SECONDS = 60 * 60;

const level = z.enum(LEVELS as readonly Level[] as [Level, ...Level[]]);

export const checkReplySchema = z.object({
  chatId: z.number().int(),
  messageId: z.number().int().positive(),
  locale: z.enum(["id", "en"] as const satisfies readonly Locale[]),
  /** The person's pseudonym, for the per-user budget. */
  ref: z.string().min(1).max(100),
  level,
  indicators: z.array(z.string().max(100)).max(200),
  /** The reply as Telegram stored it, so the edit keeps it word for word. */
  text: z.string().max(4096),
  /** Its buttons, which an edit without reply_markup would remove. */
  buttons: z
    .array(z.array(z.object({ text: z.string().max(200), callback_data: z.string().max(64) })).max(8))
    .max(8),
});
export type CheckReply = z.infer<typeof checkReplySchema>;

/** Sealing contexts bind each value to its check: a value copied to another check does not open. */
const replyContext = (checkId: string) => `check:${checkId}:reply`;
const opinionContext = (checkId: string) => `check:${checkId}:opinion`;

export interface CheckOpinionDeps {
  analyser: Analyser;
  api: Api;
  redis: RedisClient;
  keys: Keys;
  sealer: Sealer;
  translate: (locale: Locale, key: string, args?: Record<string, string | number>) => string;
  logger: Logger;
  concurrency?: number;
}

export interface CheckOpinions {
  /** Keeps the reply's context sealed beside the checked text and queues the second opinion. */
  queue(checkId: string, reply: CheckReply): Promise<void>;
}

export function createCheckOpinions(runner: JobRunner, deps: CheckOpinionDeps): CheckOpinions {
  const { analyser, api, redis, keys, sealer, logger } = deps;

  function open<T>(raw: string | null, context: string, schema: z.ZodType<T>): T | undefined {
    if (!raw) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(sealer.open(raw, context)));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The new reply text ("" when the opinion adds nothing), computed once per check. */
  async function revisedText(checkId: string, reply: CheckReply): Promise<string | undefined> {
    const key = keys.checkOpinion(checkId);
    const stored = open(await redis.get(key), opinionContext(checkId), z.string().max(4096));
    if (stored !== undefined) return stored;
    const text = await redis.get(keys.check(checkId));
    if (text === null) return undefined; // expired: nothing to check quotes against
    const outcome = await analyser.checkOpinion({
      texts: [text],
      rules: { level: reply.level, indicators: reply.indicators },
      ref: reply.ref,
    });
    const revised =
      outcome.status === "done"
        ? (withOpinion((k, a) => deps.translate(reply.locale, k, a), reply.text, outcome.opinion) ?? "")
        : "";
    logger.info(
      {
        checkId,
        status: outcome.status,
        ...(outcome.status === "done" ? {} : { reason: outcome.reason }),
        edit: revised !== "",
      },
      "check second opinion",
    );
    // First writer wins, so a retried job edits with what the first run decided.
    await redis.set(
      key,
      sealer.seal(JSON.stringify(revised), opinionContext(checkId)),
      "EX",
      CHECK_REPLY_TTL_SECONDS,
      "NX",
    );
    return open(await redis.get(key), opinionContext(checkId), z.string().max(4096)) ?? revised;
  }

  runner.process<{ checkId: string }>(
    CHECK_OPINION_QUEUE,
    async (job) => {
      const { checkId } = job.data;
      const reply = open(await redis.get(keys.checkReply(checkId)), replyContext(checkId), checkReplySchema);
      if (!reply) return;
      const revised = await revisedText(checkId, reply);
      if (!revised) return;
      try {
        await api.editMessageText(reply.chatId, reply.messageId, revised, {
          reply_markup: { inline_keyboard: reply.buttons },
          link_preview_options: { is_disabled: true },
        });
      } catch (error) {
        // A retry after an edit that went through: the reply already shows the opinion.
        if (String((error as Error).message).includes("message is not modified")) return;
        throw classifyTelegramError(error);
      }
    },
    { concurrency: deps.concurrency ?? 4 },
  );

  return {
    async queue(checkId, reply) {
      const sealed = sealer.seal(JSON.stringify(checkReplySchema.parse(reply)), replyContext(checkId));
      await redis.set(keys.checkReply(checkId), sealed, "EX", CHECK_REPLY_TTL_SECONDS);
      // A second opinion is only useful while the person looks at the reply: few retries.
      await runner.add(CHECK_OPINION_QUEUE, { checkId }, { jobId: `check-opinion/${checkId}`, attempts: 3 });
    },
  };
}
