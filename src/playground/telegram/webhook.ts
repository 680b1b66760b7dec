import type { Update } from "grammy/types";

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
}

export interface WebhookDelivery {
  updateId: number;
  /** HTTP status of the bot's answer; 0 when the request itself failed. */
  status: number;
  attempt: number;
  error?: string;
  at: number;
}

export interface WebhookRetryPolicy {
  attempts: number;
  delayMs: number;
  timeoutMs: number;
}

/** POSTs updates to the bot one at a time, retrying non-2xx answers a few times like Telegram does. */
export class WebhookSender {
  config: WebhookConfig | undefined;
  readonly deliveries: WebhookDelivery[] = [];
  lastError: { date: number; message: string } | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /**
   * Several bot processes behind one bot: each update goes to the next URL in turn and, with
   * `twice`, at the same moment to the URL after it as well (Telegram's redelivery, made certain).
   */
  fanOut: { urls: string[]; twice: boolean } | undefined;
  private turn = 0;

  constructor(readonly retry: WebhookRetryPolicy) {}

  get active(): boolean {
    return this.config !== undefined;
  }

  /** Resolves once this update was accepted by the bot or its attempts ran out. */
  send(update: Update): Promise<void> {
    if (this.fanOut && this.config) {
      const { urls, twice } = this.fanOut;
      const first = this.turn++ % urls.length;
      const targets =
        twice && urls.length > 1 ? [urls[first]!, urls[(first + 1) % urls.length]!] : [urls[first]!];
      return Promise.all(targets.map((url) => this.deliver(update, url))).then(() => undefined);
    }
    const delivery = this.chain.then(() => this.deliver(update));
    this.chain = delivery.catch(() => undefined);
    return delivery;
  }

  stop(): void {
    this.stopped = true;
  }

  private async deliver(update: Update, url?: string): Promise<void> {
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      const config = this.config;
      if (!config || this.stopped) return;
      const status = await this.post(url ? { ...config, url } : config, update, attempt);
      if (status >= 200 && status < 300) return;
      await new Promise((resolve) => setTimeout(resolve, this.retry.delayMs));
    }
  }

  private async post(config: WebhookConfig, update: Update, attempt: number): Promise<number> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (config.secretToken) headers["x-telegram-bot-api-secret-token"] = config.secretToken;
    const at = Date.now();
    try {
      const response = await fetch(config.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(this.retry.timeoutMs),
      });
      await response.arrayBuffer();
      this.deliveries.push({ updateId: update.update_id, status: response.status, attempt, at });
      if (!response.ok)
        this.noteError(`Wrong response from the webhook: ${response.status} ${response.statusText}`);
      return response.status;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deliveries.push({ updateId: update.update_id, status: 0, attempt, error: message, at });
      this.noteError(`Connection failed: ${message}`);
      return 0;
    }
  }

  private noteError(message: string): void {
    this.lastError = { date: Math.floor(Date.now() / 1000), message };
  }
}
