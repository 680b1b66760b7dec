/**
 * Every update handled once, in order per chat, by any number of processes, whichever of them
 * dies when. One Lua script per step, on keys that share the chat's hash tag:
 *
 * 1. **begin** (one round trip): drop the update if it is marked done; else take the chat's lease
 *    (SET NX PX) and read the session and the conversation state. A lease held by someone else
 *    means another process is handling an update of this chat (or died doing it): wait and try
 *    again; the lease of a dead holder expires within UPDATE_LEASE_MS, so a redelivered update is
 *    handled, never dropped. The lease is renewed while a long handler runs.
 * 2. the handlers run (session and conversation state come from memory).
 * 3. **commit** (one round trip, with the conversation deadline in the same pipeline): a
 *    compare-and-set of the conversation state on its version, the session if it changed, the
 *    "done" mark, and the lease's release — atomically. A process that lost its lease (it stalled
 *    and another took over) fails the compare-and-set and handles the update again from the new
 *    state (StateConflict, retried by the bot's handleUpdate).
 *
 * A process killed before the commit leaves no done mark: Telegram's redelivery is handled.
 * Killed after it, the redelivery finds the mark and is dropped.
 */
import { randomBytes } from "node:crypto";
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotDeps, SessionData } from "#src/bot/context.js";
import {
  attachConversationSlot,
  type ConversationSlot,
  conversationJson,
  openConversation,
  type StoredConversation,
  sealConversation,
} from "#src/bot/conversations/storage.js";
import { LuaScript, runScriptBatch } from "#src/redis-batch.js";

/** A done mark outlives every redelivery Telegram makes (it gives up after about a day). */
const DONE_SECONDS = 24 * 60 * 60;
/** Longest a handler may hold a chat by renewing its lease; after that the lease is let go. */
const MAX_HOLD_MS = 5 * 60 * 1000;
/** A conversation update refused before handling once its state is above this share of the cap. */
const REFUSE_AT = 0.75;

// KEYS: lease, done, session, conversation. ARGV: token, lease ms.
const BEGIN_LUA = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {'dup'} end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {'busy', redis.call('PTTL', KEYS[1])} end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return {'ok', redis.call('GET', KEYS[3]) or '', redis.call('GET', KEYS[4]) or ''}
`;

// KEYS: lease, done, session, conversation.
// ARGV: token, expected version, conversation ('-' unchanged, '' none), session ('-' unchanged,
// '' none), conversation ttl s, session ttl s, done ttl s.
const COMMIT_LUA = `
if ARGV[3] ~= '-' then
  local current = redis.call('GET', KEYS[4])
  local version = 0
  if current then version = tonumber(string.match(current, '^(%d+):')) or 0 end
  if version ~= tonumber(ARGV[2]) then
    if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
    return 0
  end
  redis.call('SET', KEYS[4], (version + 1) .. ':' .. ARGV[3], 'EX', ARGV[5])
end
if ARGV[4] ~= '-' then
  if ARGV[4] == '' then redis.call('DEL', KEYS[3]) else redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[6]) end
end
redis.call('SET', KEYS[2], 'done', 'EX', ARGV[7])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

// KEYS: lease. ARGV: token, lease ms.
const RENEW_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

const BEGIN = new LuaScript(BEGIN_LUA, 4);
const COMMIT = new LuaScript(COMMIT_LUA, 4);
const RENEW = new LuaScript(RENEW_LUA, 1);

/** Another process changed this chat's state while this one handled the update: handle it again. */
export class StateConflict extends Error {
  constructor() {
    super("the chat's state changed under this update; it is handled again from the new state");
    this.name = "StateConflict";
  }
}

/** Redis could not be reached to begin or commit: the update is retried, not confirmed as handled. */
export class ChatStateUnavailable extends Error {
  constructor(cause: unknown) {
    super(`chat state unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "ChatStateUnavailable";
  }
}

/** Thrown at a fault point after a test killed the "process": nothing after it reaches Redis. */
export class ProcessKilled extends Error {
  constructor(point: string) {
    super(`process killed at ${point}`);
    this.name = "ProcessKilled";
  }
}

export interface ChatStateOptions {
  leaseMs: number;
  sessionTtlSeconds: number;
  conversationTimeoutMs: number;
  /** Hard cap on a chat's sealed conversation state, in bytes. */
  maxConversationBytes: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Loaded {
  session: string;
  version: number;
  /** The stripped JSON of the loaded state, to tell whether the plugin changed it. */
  json: string | undefined;
  state: StoredConversation | undefined;
  storedBytes: number;
}

function parseLoaded(deps: BotDeps, ref: string, session: string, stored: string): Loaded {
  const colon = stored.indexOf(":");
  const version = colon > 0 ? Number(stored.slice(0, colon)) : 0;
  const sealed = colon > 0 ? stored.slice(colon + 1) : "";
  let opened: { state: StoredConversation; json: string } | undefined;
  try {
    opened = openConversation(deps.sealer, ref, sealed);
  } catch (error) {
    // Unreadable (a data key removed, a value from before the sealed format): start afresh.
    deps.logger.warn({ err: error }, "conversation state could not be opened; starting afresh");
  }
  return {
    session,
    version: Number.isFinite(version) ? version : 0,
    json: opened?.json,
    state: opened?.state,
    storedBytes: stored.length,
  };
}

function isConversationInput(ctx: BotContext): boolean {
  const message = ctx.message;
  if (!message) return false;
  const first = message.entities?.[0];
  return !(first?.type === "bot_command" && first.offset === 0);
}

interface Lease {
  ref: string;
  scriptKeys: string[];
  token: string;
  leaseMs: number;
}

/**
 * Takes the chat's lease and reads its state, waiting while another update holds the chat;
 * undefined when this update was handled already (a duplicate, dropped).
 */
async function begin(deps: BotDeps, ctx: BotContext, lease: Lease): Promise<Loaded | undefined> {
  const fault = (name: string) => deps.faults?.point(name);
  for (let attempt = 0; ; attempt++) {
    fault("begin");
    let reply: [string, string | number, string?];
    try {
      reply = (await BEGIN.run(deps.redis, [
        ...lease.scriptKeys,
        lease.token,
        lease.leaseMs,
      ])) as typeof reply;
    } catch (error) {
      throw new ChatStateUnavailable(error);
    }
    fault("begun");
    if (reply[0] === "dup") {
      deps.metrics.updates.inc({ type: "duplicate" });
      ctx.logger.info("duplicate update dropped");
      return undefined;
    }
    if (reply[0] === "busy") {
      // Someone holds the chat: wait a little (never longer than the lease can still run).
      const left = Math.max(10, Number(reply[1]));
      await sleep(Math.min(left, 20 * 2 ** Math.min(attempt, 4)) + Math.random() * 10);
      continue;
    }
    return parseLoaded(deps, lease.ref, String(reply[1]), String(reply[2] ?? ""));
  }
}

/**
 * What the commit writes for the conversation — "-" unchanged, "" ended, or the new sealed state —
 * and the change to its expiry deadline. A state over its cap is not kept, and the person is told.
 */
async function conversationWrite(
  deps: BotDeps,
  ctx: BotContext,
  at: {
    ref: string;
    loaded: Loaded;
    slot: ConversationSlot;
    locale: SessionData["locale"];
    options: ChatStateOptions;
  },
): Promise<{ conversation: string; deadline: Array<readonly [string, ...Array<string | number>]> }> {
  const { ref, loaded, slot, options } = at;
  const { keys } = deps;
  if (slot.pending === null) {
    return loaded.state !== undefined
      ? { conversation: "", deadline: [["zrem", keys.conversationDeadlines(), ref]] }
      : { conversation: "-", deadline: [] };
  }
  if (slot.pending === undefined) return { conversation: "-", deadline: [] };
  const json = conversationJson(slot.pending);
  if (json === loaded.json) return { conversation: "-", deadline: [] };
  const sealed = sealConversation(deps.sealer, ref, json);
  if (sealed.length > options.maxConversationBytes) {
    deps.metrics.updates.inc({ type: "conversation_full" });
    ctx.logger.warn({ bytes: sealed.length }, "conversation state over its cap; update not kept");
    await ctx.reply(deps.i18n.t(at.locale ?? deps.config.DEFAULT_LOCALE, "conversation-full"));
    return { conversation: "-", deadline: [] };
  }
  return {
    conversation: sealed,
    deadline: [["zadd", keys.conversationDeadlines(), Date.now() + options.conversationTimeoutMs, ref]],
  };
}

export function chatState(deps: BotDeps, options: ChatStateOptions): MiddlewareFn<BotContext> {
  const { redis, keys, metrics } = deps;
  const instance = randomBytes(6).toString("base64url");
  const conversationTtl = Math.ceil(options.conversationTimeoutMs / 1000) + 24 * 60 * 60;
  const fault = (name: string) => deps.faults?.point(name);

  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const ref = ctx.chat ? deps.pseudonymize("chat", ctx.chat.id) : `update-${updateId}`;
    const scriptKeys = [
      keys.chatLease(ref),
      keys.update(ref, updateId),
      keys.session(ref),
      keys.conversation(ref),
    ];
    const token = `${instance}:${updateId}:${randomBytes(4).toString("base64url")}`;

    const loaded = await begin(deps, ctx, { ref, scriptKeys, token, leaseMs: options.leaseMs });
    if (loaded === undefined) return;

    const started = Date.now();
    const renewal = setInterval(
      () => {
        if (deps.faults?.killed || Date.now() - started > MAX_HOLD_MS) return clearInterval(renewal);
        RENEW.run(redis, [scriptKeys[0]!, token, options.leaseMs]).catch((error: unknown) => {
          ctx.logger.warn({ err: error }, "could not renew a chat lease");
        });
      },
      Math.max(50, Math.floor(options.leaseMs / 3)),
    );
    try {
      let session: SessionData = {};
      if (loaded.session !== "") {
        try {
          session = JSON.parse(loaded.session) as SessionData;
        } catch {
          session = {};
        }
      }
      ctx.session = session;
      const slot: ConversationSlot = { loaded: loaded.state, pending: undefined };
      attachConversationSlot(ctx, slot);

      const full = loaded.storedBytes > options.maxConversationBytes * REFUSE_AT;
      if (full && isConversationInput(ctx)) {
        // The report holds as much as it may: say so instead of adding to it.
        await ctx.reply(deps.i18n.t(session.locale ?? deps.config.DEFAULT_LOCALE, "conversation-full"));
      } else {
        await next();
      }
      if (deps.faults?.killed) throw new ProcessKilled("after the handlers");

      const { conversation, deadline } = await conversationWrite(deps, ctx, {
        ref,
        loaded,
        slot,
        locale: session.locale,
        options,
      });
      const sessionJson =
        ctx.session === undefined || ctx.session === null ? "" : JSON.stringify(ctx.session);
      const sessionArg =
        sessionJson === loaded.session || (sessionJson === "{}" && loaded.session === "") ? "-" : sessionJson;

      fault("commit");
      let replies: unknown[];
      try {
        const commitArgs = [
          ...scriptKeys,
          token,
          loaded.version,
          conversation,
          sessionArg,
          conversationTtl,
          options.sessionTtlSeconds,
          DONE_SECONDS,
        ];
        const batch = (byText: boolean) => [COMMIT.command(commitArgs, byText), ...deadline];
        replies = await runScriptBatch(redis, batch(false), batch);
      } catch (error) {
        throw new ChatStateUnavailable(error);
      }
      fault("committed");
      if (replies[0] !== 1) {
        metrics.updates.inc({ type: "state_conflict" });
        ctx.logger.warn("chat state changed by another process; handling the update again");
        throw new StateConflict();
      }
    } finally {
      clearInterval(renewal);
    }
  };
}
