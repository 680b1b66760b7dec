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
        return JSON.parse(scrub(JSON.stringify(serialized)));
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
