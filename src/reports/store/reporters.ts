/**
 * Reporter records: chat and contact sealed with the data key, under the reporter's pseudonym;
 * nothing here is stored in clear.
 */
import { z } from "zod";
import type { Locale } from "#src/config.js";
import type { Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import { hashReply, type RedisCommand, runBatch } from "#src/redis-batch.js";
import type { Keys } from "#src/redis-keys.js";

/** Who sends a report. `ref` is pseudonymize("user", telegramUserId); nothing here is stored in clear. */
export interface ReporterInput {
  ref: string;
  chatId: number;
  locale: Locale;
  /** From Telegram's contact button; stored (sealed) only with consent. */
  contactPhone?: string;
  contactConsent: boolean;
}

export interface Reporter {
  chatId: number;
  contactPhone?: string;
  locale: Locale;
  consent: boolean;
  /** The reporter blocked the bot (403): do not try to notify them again. */
  blocked: boolean;
  reportIds: string[];
}

export const reporterInputSchema = z.object({
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "a pseudonym"),
  chatId: z.number().int().refine(Number.isSafeInteger),
  locale: z.enum(["id", "en"]),
  contactPhone: z.string().max(32).optional(),
  contactConsent: z.boolean(),
});
const reporterHashSchema = z.object({
  chat: z.string(),
  contact: z.string().optional(),
  locale: z.enum(["id", "en"]),
  consent: z.enum(["0", "1"]),
  blocked: z.string().optional(),
});

export class Reporters {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly sealer: Sealer,
    private readonly now: () => Date,
  ) {}

  /** The record written with a report: the latest answers, sealed; the report and once-key listed. */
  commands(reportId: string, onceKey: string, reporter: ReporterInput): RedisCommand[] {
    const key = this.keys.reporter(reporter.ref);
    const fields: string[] = [
      "chat",
      this.sealer.seal(String(reporter.chatId), `reporter:${reporter.ref}:chat`),
      "locale",
      reporter.locale,
      "consent",
      reporter.contactConsent ? "1" : "0",
    ];
    // The latest answer governs: a phone is kept only while the reporter agrees to be contacted.
    const contact: RedisCommand =
      reporter.contactConsent && reporter.contactPhone
        ? [
            "hset",
            key,
            "contact",
            this.sealer.seal(reporter.contactPhone, `reporter:${reporter.ref}:contact`),
          ]
        : ["hdel", key, "contact"];
    return [
      ["hset", key, ...fields],
      contact,
      ["sadd", this.keys.reporterReports(reporter.ref), reportId],
      ["sadd", this.keys.reporterOnceKeys(reporter.ref), onceKey],
    ];
  }

  /** The reporter's record with contact details opened, or undefined if there is none. */
  async of(ref: string): Promise<Reporter | undefined> {
    const [hash, ids] = await runBatch(this.redis, [
      ["hgetall", this.keys.reporter(ref)],
      ["smembers", this.keys.reporterReports(ref)],
    ]);
    const parsed = reporterHashSchema.safeParse(hashReply(hash));
    if (!parsed.success) return undefined;
    const record = parsed.data;
    const chatId = Number(this.sealer.open(record.chat, `reporter:${ref}:chat`));
    if (!Number.isSafeInteger(chatId)) throw new Error("reporter record holds an invalid chat id");
    return {
      chatId,
      ...(record.contact
        ? { contactPhone: this.sealer.open(record.contact, `reporter:${ref}:contact`) }
        : {}),
      locale: record.locale,
      consent: record.consent === "1",
      blocked: record.blocked !== undefined,
      reportIds: (Array.isArray(ids) ? ids.map(String) : []).sort(),
    };
  }

  /** The reporter blocked the bot; notifications stop. No effect if the record does not exist. */
  async markBlocked(ref: string): Promise<void> {
    const key = this.keys.reporter(ref);
    if ((await this.redis.hexists(key, "chat")) === 1) {
      await this.redis.hset(key, "blocked", this.now().toISOString());
    }
  }

  /** The record itself, its report list and its once-keys (the last step of an erasure). */
  async eraseCommands(ref: string): Promise<RedisCommand[]> {
    const onceKeys = await this.redis.smembers(this.keys.reporterOnceKeys(ref));
    return [
      ...onceKeys.map((onceKey): RedisCommand => ["del", this.keys.reportOnce(onceKey)]),
      ["del", this.keys.reporter(ref)],
      ["del", this.keys.reporterReports(ref)],
      ["del", this.keys.reporterOnceKeys(ref)],
    ];
  }
}
