/**
 * Focal points' answers on a case: what an administrator of a destination's channel pressed under
 * the post ("Received", "Person located", …), kept as a list per report beside it (not in the
 * report's status history: officers decide the status, focal points only answer). Each entry
 * names the channel and the country, never the focal officer: only the audit stream holds who.
 */
import { z } from "zod";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

export const FOCAL_ANSWERS = [
  "received",
  "investigating",
  "located",
  "safe",
  "not_ours",
  "need_info",
] as const;
export type FocalAnswer = (typeof FOCAL_ANSWERS)[number];

/** Answers the reporter hears about, in plain words: the person was found, or is safe. */
export const REPORTER_TOLD: ReadonlySet<FocalAnswer> = new Set<FocalAnswer>(["located", "safe"]);

export const focalResponseSchema = z.object({
  answer: z.enum(FOCAL_ANSWERS),
  /** Destination country of the channel (ISO alpha-2) or "default". */
  country: z.string().regex(/^(?:[A-Z]{2}|default)$/),
  chatId: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  /** Position in the report's list, 1-based: keys the reporter's notification and any follow-up. */
  seq: z.number().int().positive(),
});
export type FocalResponse = z.infer<typeof focalResponseSchema>;

/**
 * Appends an answer unless the same channel's latest answer is already this one (a repeated press,
 * or a press re-delivered after a crash), in one step so two presses at once record one answer.
 */
const APPEND_ANSWER = `
local items = redis.call('LRANGE', KEYS[1], 0, -1)
local entry = cjson.decode(ARGV[1])
for i = #items, 1, -1 do
  local other = cjson.decode(items[i])
  if other.chatId == entry.chatId then
    if other.answer == entry.answer then return 0 end
    break
  end
end
-- Appended as text: cjson would print large chat ids with 14 significant digits.
redis.call('RPUSH', KEYS[1], string.sub(ARGV[1], 1, -2) .. ',"seq":' .. (#items + 1) .. '}')
return #items + 1
`;

export class FocalResponses {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Records an answer; undefined when it repeats the channel's latest one. */
  async add(reportId: string, input: Omit<FocalResponse, "seq">): Promise<FocalResponse | undefined> {
    const entry = focalResponseSchema.omit({ seq: true }).parse(input);
    const seq = Number(
      await this.redis.eval(
        APPEND_ANSWER,
        1,
        this.keys.reportFocalResponses(reportId),
        JSON.stringify(entry),
      ),
    );
    return seq > 0 ? { ...entry, seq } : undefined;
  }

  /** Every answer on a report, oldest first; entries that do not parse are left out. */
  async list(reportId: string): Promise<FocalResponse[]> {
    const items = await this.redis.lrange(this.keys.reportFocalResponses(reportId), 0, -1);
    return items.flatMap((json) => {
      try {
        const parsed = focalResponseSchema.safeParse(JSON.parse(json));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  /** The latest answer of one channel, if any. */
  async latest(reportId: string, chatId: number): Promise<FocalResponse | undefined> {
    return (await this.list(reportId)).filter((r) => r.chatId === chatId).at(-1);
  }
}
