import type { Update } from "grammy/types";
import { conflict } from "./errors.js";
import { idRanges } from "./ids.js";

export type UpdateType = Exclude<keyof Update, "update_id">;

/** Telegram's default when allowed_updates is empty or never given. */
const excludedByDefault = new Set<string>(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateTypeOf(update: Update): UpdateType | undefined {
  return Object.keys(update).find((key) => key !== "update_id") as UpdateType | undefined;
}

interface PendingPoll {
  limit: number;
  resolve(updates: Update[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Updates waiting for getUpdates, with Telegram's offset, limit, long-poll and allowed_updates rules. */
export class UpdateQueue {
  private pending: Update[] = [];
  private allowed: Set<string> | undefined;
  private poll: PendingPoll | undefined;
  private nextId: number = idRanges.firstUpdateId;
  /** Updates never queued because the bot's allowed_updates excluded their type. */
  readonly filtered: Update[] = [];

  takeUpdateId(): number {
    return this.nextId++;
  }

  /** Keeps generated ids above any id a test delivered by hand. */
  noteUpdateId(updateId: number): void {
    if (updateId >= this.nextId) this.nextId = updateId + 1;
  }

  /** Remembered like Telegram does: omitted keeps the last setting, an empty list restores the default. */
  setAllowedUpdates(types: unknown): void {
    if (!Array.isArray(types)) return;
    this.allowed = types.length === 0 ? undefined : new Set(types.map(String));
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed ? [...this.allowed] : undefined;
  }

  accepts(update: Update): boolean {
    const type = updateTypeOf(update);
    if (type === undefined) return true;
    return this.allowed ? this.allowed.has(type) : !excludedByDefault.has(type);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  push(update: Update): void {
    this.pending.push(update);
    if (this.poll) this.finishPoll(this.pending.slice(0, this.poll.limit));
  }

  dropPending(): void {
    this.pending = [];
  }

  takeAll(): Update[] {
    const all = this.pending;
    this.pending = [];
    return all;
  }

  /**
   * An update is confirmed by asking for a higher offset; a negative offset keeps only the last -offset updates.
   * A newer request ends the older long poll with 409, as Telegram does when two instances poll.
   */
  getUpdates(request: {
    offset?: number;
    limit: number;
    timeoutMs: number;
    signal: AbortSignal;
  }): Promise<Update[]> {
    if (this.poll) {
      const older = this.poll;
      this.poll = undefined;
      clearTimeout(older.timer);
      older.reject(
        conflict("terminated by other getUpdates request; make sure that only one bot instance is running"),
      );
    }
    const { offset } = request;
    if (offset !== undefined && offset > 0)
      this.pending = this.pending.filter((update) => update.update_id >= offset);
    if (offset !== undefined && offset < 0) this.pending = this.pending.slice(offset);

    const ready = this.pending.slice(0, request.limit);
    if (ready.length > 0 || request.timeoutMs <= 0) return Promise.resolve(ready);
    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit: request.limit,
        resolve,
        reject,
        timer: setTimeout(() => this.finishPoll([]), request.timeoutMs),
      };
      this.poll = poll;
      request.signal.addEventListener("abort", () => {
        if (this.poll !== poll) return;
        clearTimeout(poll.timer);
        this.poll = undefined;
        resolve([]);
      });
    });
  }

  /** Ends a waiting long poll: empty on shutdown, with an error when a webhook takes over. */
  endPolls(error?: Error): void {
    const poll = this.poll;
    if (!poll || !error) {
      this.finishPoll([]);
      return;
    }
    this.poll = undefined;
    clearTimeout(poll.timer);
    poll.reject(error);
  }

  private finishPoll(updates: Update[]): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    poll.resolve(updates);
  }
}
