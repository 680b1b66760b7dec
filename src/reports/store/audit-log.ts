/** The audit stream: who did what to which case, capped in length, never personal data. */
import { z } from "zod";
import type { RedisClient } from "#src/redis.js";
import { hashReply, type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

const AUDIT_MAX_LENGTH = 1_000_000;

export interface AuditEvent {
  action: string;
  reportId?: string;
  actor: string;
  /** Ids, statuses, counts. Never names, phone numbers, reporters' Telegram ids or report text. */
  detail?: Record<string, string>;
}

export interface AuditEntry extends AuditEvent {
  /** Stream entry id. */
  id: string;
  at: string;
}

const auditFieldsSchema = z.object({
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  reportId: z.string().optional(),
  detail: z.string().optional(),
});

export class AuditLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly now: () => Date,
  ) {}

  async append(event: AuditEvent): Promise<void> {
    await runBatch(this.redis, [this.command(event)]);
  }

  /** The entry as a command, to go in the same batch as the change it records. */
  command(event: AuditEvent): RedisCommand {
    const fields: string[] = ["action", event.action, "actor", event.actor, "at", this.now().toISOString()];
    if (event.reportId) fields.push("reportId", event.reportId);
    if (event.detail && Object.keys(event.detail).length > 0)
      fields.push("detail", JSON.stringify(event.detail));
    return ["xadd", this.keys.audit(), "MAXLEN", "~", AUDIT_MAX_LENGTH, "*", ...fields];
  }

  /** The newest `count` audit entries, newest first. */
  async read(count: number): Promise<AuditEntry[]> {
    const entries = (await this.redis.call("xrevrange", [
      this.keys.audit(),
      "+",
      "-",
      "COUNT",
      count,
    ])) as Array<[string, string[]]>;
    return entries.map(([id, flat]) => {
      const fields = auditFieldsSchema.parse(hashReply(flat));
      const detail = fields.detail
        ? z.record(z.string(), z.string()).parse(JSON.parse(fields.detail))
        : undefined;
      return {
        id,
        action: fields.action,
        actor: fields.actor,
        at: fields.at,
        ...(fields.reportId ? { reportId: fields.reportId } : {}),
        ...(detail ? { detail } : {}),
      };
    });
  }
}
