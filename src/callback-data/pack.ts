/**
 * Typed callback data: `prefix:field1:field2`, validated with zod when it comes back. Telegram
 * allows 1–64 bytes, and anything in a callback can be forged by a client, so every button's data
 * is declared once here and parsed, never split by hand in a handler.
 */
import type { z } from "zod";

const MAX_BYTES = 64;

export interface CallbackData<T extends Record<string, string>> {
  prefix: string;
  pack(value: T): string;
  unpack(data: string): T | undefined;
  /** A regular expression matching this kind's data, for `bot.callbackQuery(...)`. */
  filter: RegExp;
}

export function defineCallbackData<
  const K extends readonly string[],
  S extends z.ZodType<Record<K[number], string>>,
>(prefix: string, fields: K, schema: S): CallbackData<z.infer<S>> {
  if (!/^[a-z][a-z0-9-]*$/.test(prefix)) throw new Error(`bad callback prefix ${prefix}`);
  return {
    prefix,
    filter: new RegExp(`^${prefix}(:|$)`),
    pack(value) {
      const parts = fields.map((f) => {
        const part = String((value as Record<string, string>)[f]);
        if (part.includes(":")) throw new Error(`callback field ${f} contains ':'`);
        return part;
      });
      const data = [prefix, ...parts].join(":");
      if (Buffer.byteLength(data) > MAX_BYTES)
        throw new Error(`callback data over ${MAX_BYTES} bytes: ${prefix}`);
      return data;
    },
    unpack(data) {
      const [head, ...parts] = data.split(":");
      if (head !== prefix || parts.length !== fields.length) return undefined;
      const raw = Object.fromEntries(fields.map((f, i) => [f, parts[i]]));
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    },
  };
}
