/** One Bot API request as the fake server saw and answered it. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** HTTP status; 0 when the connection was dropped on purpose. */
  status: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
  result?: unknown;
  /** Milliseconds since the epoch when the request arrived. */
  at: number;
}

/** Every request, in the order answers were given, with a way to wait for one. */
export class CallLog {
  readonly calls: RecordedCall[] = [];
  private readonly waiters = new Set<(call: RecordedCall) => void>();

  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters) waiter(call);
  }

  of(method: string): RecordedCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((call) => call.method.toLowerCase() === wanted);
  }

  /** Calls from now on, as they are answered (the playground shows sendChatAction as "typing…"). */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.waiters.add(listener);
    return () => this.waiters.delete(listener);
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Resolves with the first call (already recorded or future) that matches. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter = (call: RecordedCall) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.calls.map((call) => `${call.method} → ${call.status}`).join(", ") || "none";
        reject(new Error(`waitFor: no matching Bot API call within ${timeoutMs} ms. Calls so far: ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
