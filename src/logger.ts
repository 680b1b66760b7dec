/**
 * Structured logs (pino). Logs carry ids and counts, never report text, names, phone numbers or
 * tokens: known personal fields are censored wherever they appear, and the bot token and any
 * other registered secret are scrubbed from every string of a serialized error.
 */
import { type Logger, type LoggerOptions, pino, stdSerializers } from "pino";

export type { Logger };

/** Field names that may hold personal data or secrets, censored at any depth we can name. */
const PERSONAL_FIELDS = [
  "text",
  "caption",
  "first_name",
  "last_name",
  "username",
  "phone",
  "phone_number",
  "name",
  "title",
  "contact",
  "token",
  "secret",
  "password",
  "authorization",
];
/**
 * Ids that point at a person, censored inside errors: a failed Bot API call carries its whole
 * payload (GrammyError.payload), where the chat is often a reporter's private chat.
 */
const ERROR_ID_FIELDS = ["chat_id", "from_chat_id", "user_id"];
const ERROR_CENSORED = new Set([...PERSONAL_FIELDS, ...ERROR_ID_FIELDS]);

/** A copy with every censored field replaced, at any depth (errors nest causes and payloads). */
function censorDeep(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => censorDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = ERROR_CENSORED.has(key) ? "[redacted]" : censorDeep(inner, depth + 1);
  }
  return out;
}

const REDACT_PATHS = [
  ...PERSONAL_FIELDS,
  ...PERSONAL_FIELDS.map((f) => `*.${f}`),
  ...PERSONAL_FIELDS.map((f) => `*.*.${f}`),
  'req.headers["x-telegram-bot-api-secret-token"]',
  "req.headers.authorization",
];

export interface LoggerSettings {
  level: string;
  pretty: boolean;
  /** Strings that must never reach a log line (bot token, webhook secret, keys). */
  secrets: string[];
  destination?: NodeJS.WritableStream;
}

export function createLogger(settings: LoggerSettings): Logger {
  const secrets = settings.secrets.filter((s) => s.length >= 6);
  const scrub = (value: string) => secrets.reduce((s, secret) => s.split(secret).join("[secret]"), value);
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: "waspada" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: {
      err: (err: Error) => {
        const serialized = stdSerializers.err(err);
        return censorDeep(JSON.parse(scrub(JSON.stringify(serialized))));
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
  if (settings.pretty) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  }
  return settings.destination ? pino(options, settings.destination as pino.DestinationStream) : pino(options);
}
