import type { Update, UserFromGetMe } from "grammy/types";
import { FileStore } from "./files.js";
import { limits } from "./limits.js";
import { TelegramState } from "./state.js";
import { UpdateQueue } from "./updates.js";
import { type WebhookRetryPolicy, WebhookSender } from "./webhook.js";

export interface BackendOptions {
  longPollCapSeconds?: number;
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /** Telegram's group privacy mode (on for new bots): non-admin bots see only commands, replies and mentions. */
  privacyMode?: boolean;
}

/** Everything the Bot API methods read and change: state, files, and where updates go. */
export class TelegramBackend {
  readonly state: TelegramState;
  readonly files = new FileStore();
  readonly queue = new UpdateQueue();
  readonly webhook: WebhookSender;
  readonly longPollCapSeconds: number;
  readonly privacyMode: boolean;

  constructor(bot: UserFromGetMe, options: BackendOptions = {}) {
    this.state = new TelegramState(bot);
    this.webhook = new WebhookSender({
      attempts: 3,
      delayMs: 100,
      timeoutMs: 10_000,
      ...options.webhookRetry,
    });
    this.longPollCapSeconds = options.longPollCapSeconds ?? limits.longPollCapSeconds;
    this.privacyMode = options.privacyMode ?? true;
  }

  /** Routes an update to the webhook when one is set, otherwise to the getUpdates queue. */
  async deliver(update: Update): Promise<void> {
    this.queue.noteUpdateId(update.update_id);
    if (!this.queue.accepts(update)) {
      this.queue.filtered.push(update);
      return;
    }
    if (this.webhook.active) await this.webhook.send(update);
    else this.queue.push(update);
  }
}
