/**
 * Conversation state at rest: small and sealed.
 *
 * The conversations plugin keeps a replay log (every update the dialog waited for, every Bot API
 * result and every `external` value). Before it is stored, the reporter's own identity (first and
 * last name, username of every `from`/`chat`/`sender_chat`/`user` object in it) is dropped —
 * the dialog never reads them, and a replay only needs what the builder reads — then the log is
 * compressed and sealed with the data key (AES-GCM, bound to the chat's pseudonym). Nothing of a
 * report in progress (offer texts, a shared phone number) is in Redis in clear.
 *
 * Reading and writing are not done here but by the chat-state middleware, which loads the state
 * together with the session in one round trip under the chat's lease and writes it back with a
 * compare-and-set on its version: this adapter only hands the plugin what was loaded and keeps
 * what the plugin wants written (storage type "context").
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ConversationData, VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { Sealer } from "#src/privacy/sealed.js";

export type StoredConversation = VersionedState<ConversationData>;

/** Keys of Telegram objects that hold a person's identity and that no step of a dialog reads. */
const IDENTITY_FIELDS = new Set(["first_name", "last_name", "username"]);
/** Objects in updates and Bot API results that describe a person or a private chat. */
const PERSON_OBJECTS = new Set(["from", "chat", "sender_chat", "user"]);

/**
 * Drops names and usernames of people and private chats from a state, in place (the plugin is done
 * with the state when it hands it over for writing; what was loaded is already stripped).
 * `forward_origin` (whose sender the offer step inspects) and shared contacts (the consent step
 * reads the phone) are kept as they are: they stay, sealed, for the replay.
 */
export function stripIdentity(value: unknown): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) stripIdentity(item);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === "forward_origin" || key === "contact") continue;
    const item = record[key];
    if (item === null || typeof item !== "object") continue;
    if (PERSON_OBJECTS.has(key) && !Array.isArray(item)) {
      const person = item as Record<string, unknown>;
      for (const field of IDENTITY_FIELDS) delete person[field];
    }
    stripIdentity(item);
  }
}

function sealContext(ref: string): string {
  return `conv:${ref}`;
}

/** Strips a state (in place) and gives its JSON, the form stored and compared. */
export function conversationJson(state: StoredConversation): string {
  stripIdentity(state);
  return JSON.stringify(state);
}

/** Compresses and seals the JSON of a stripped state for the chat `ref`. */
export function sealConversation(sealer: Sealer, ref: string, json: string): string {
  const packed = deflateRawSync(Buffer.from(json, "utf8"), { level: 1 });
  return sealer.seal(packed.toString("base64"), sealContext(ref));
}

/** Opens a stored state (and its JSON); undefined when it is empty. Throws when it cannot be trusted. */
export function openConversation(
  sealer: Sealer,
  ref: string,
  stored: string,
): { state: StoredConversation; json: string } | undefined {
  if (stored === "") return undefined;
  const packed = Buffer.from(sealer.open(stored, sealContext(ref)), "base64");
  const json = inflateRawSync(packed).toString("utf8");
  return { state: JSON.parse(json) as StoredConversation, json };
}

/** What the chat-state middleware loaded for this update and what the plugin asked to store. */
export interface ConversationSlot {
  loaded: StoredConversation | undefined;
  /** undefined: nothing to write; null: delete; else the new state. */
  pending: StoredConversation | null | undefined;
}

const SLOT = Symbol("waspada.conversationSlot");

export function attachConversationSlot(ctx: Context, slot: ConversationSlot): void {
  Object.defineProperty(ctx, SLOT, { value: slot, configurable: true });
}

function slotOf(ctx: Context): ConversationSlot {
  const slot = (ctx as unknown as Record<symbol, ConversationSlot | undefined>)[SLOT];
  if (!slot) throw new Error("conversation state used outside the chat-state middleware");
  return slot;
}

/** The plugin's storage: reads what was loaded, keeps writes for the middleware's commit. */
export function createConversationStorage(): VersionedStateStorage<Context, ConversationData> {
  return {
    read(ctx) {
      return slotOf(ctx).loaded;
    },
    write(ctx, state) {
      slotOf(ctx).pending = state;
    },
    delete(ctx) {
      slotOf(ctx).pending = null;
    },
  };
}
