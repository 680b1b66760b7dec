import type { ChatViewMessage } from "./chat-view.js";
import type { ChatEvent, TelegramState } from "./state.js";

export interface WaitForBotMessageOptions {
  /** Wait until this many distinct bot messages were sent or edited since the last action or wait. */
  count?: number;
  /** Count events of bot messages with an id above this one instead. */
  since?: number;
  /** Default 5000. */
  timeoutMs?: number;
  predicate?: (message: ChatViewMessage) => boolean;
}

/**
 * Follows the bot's sends and edits in one chat so a test can wait for "the next" bot message.
 * The cursor moves on each action of the person and on each successful wait, so a wait after an action sees
 * the bot's reactions to it, even ones that arrived before the wait began.
 */
export class BotMessageWatcher {
  private readonly events: ChatEvent[] = [];
  private cursor = 0;
  private readonly wakeUps = new Set<() => void>();

  constructor(
    private readonly state: TelegramState,
    chatId: number,
    private readonly view: (messageId: number) => ChatViewMessage | undefined,
  ) {
    state.onChatEvent((event) => {
      if (event.chatId !== chatId || event.sender !== "bot") return;
      this.events.push(event);
      for (const wakeUp of this.wakeUps) wakeUp();
    });
  }

  /** The person did something: only bot activity from now on counts as new. */
  markAction(): void {
    this.cursor = this.state.lastEventSeq;
  }

  /** Rejects with `describeTimeout()` when nothing matching arrives in time. */
  wait(options: WaitForBotMessageOptions, describeTimeout: () => string): Promise<ChatViewMessage> {
    const { timeoutMs = 5000 } = options;
    return new Promise((resolve, reject) => {
      const wakeUp = () => {
        const found = this.findNew(options);
        if (!found) return;
        clearTimeout(timer);
        this.wakeUps.delete(wakeUp);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.wakeUps.delete(wakeUp);
        reject(new Error(describeTimeout()));
      }, timeoutMs);
      this.wakeUps.add(wakeUp);
      wakeUp();
    });
  }

  private findNew({ count = 1, since, predicate }: WaitForBotMessageOptions): ChatViewMessage | undefined {
    const relevant = this.events.filter((event) =>
      since !== undefined ? event.messageId > since : event.seq > this.cursor,
    );
    const matched = new Set<number>();
    for (const event of relevant) {
      const message = this.view(event.messageId);
      if (!message || message.deleted || (predicate && !predicate(message))) continue;
      matched.add(event.messageId);
      if (matched.size >= count) {
        this.cursor = Math.max(this.cursor, event.seq);
        return message;
      }
    }
    return undefined;
  }
}
