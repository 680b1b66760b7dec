/** A fault the next matching request(s) get instead of (or before) the normal answer. */
export type FaultRule = { method?: string | RegExp; times?: number } & (
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { delayMs: number }
  /** `afterProcessing`: the method takes effect, then the socket is destroyed (the bot cannot know it worked). */
  | { dropConnection: true; afterProcessing?: boolean }
);

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** Fault rules, consumed in the order they were added. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  /** Takes the first rule matching this method and uses up one of its times. */
  take(method: string): FaultRule | undefined {
    const active = this.rules.find(({ rule }) => matches(rule.method, method));
    if (!active) return undefined;
    active.remaining--;
    if (active.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== active);
    return active.rule;
  }
}

function matches(pattern: string | RegExp | undefined, method: string): boolean {
  if (pattern === undefined) return true;
  if (typeof pattern === "string") return pattern.toLowerCase() === method.toLowerCase();
  return pattern.test(method);
}
