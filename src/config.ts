/**
 * The whole configuration: one zod schema over the environment, split by mode (polling / webhook).
 * Read once at start-up; a missing or invalid variable stops the process with one readable message.
 */
import { existsSync } from "node:fs";
import { z } from "zod";
import { languageFile } from "#src/ocr/languages.js";

const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** Focal-point channels may also read Khmer; people's own chats stay Indonesian or English. */
export const FOCAL_LOCALES = ["id", "en", "km"] as const;
export type FocalLocale = (typeof FOCAL_LOCALES)[number];

const LEVELS = ["low", "medium", "high", "critical"] as const;

/** Empty strings in .env files mean "not set", as in most dotenv tools. */
function optionalString<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
}

const chatId = z
  .string()
  .regex(/^-?\d{1,20}$/, "a numeric Telegram chat id, e.g. -1001234567890")
  .transform((s) => Number(s));

const hostPort = z
  .string()
  .regex(/^[^\s:,]+:\d{1,5}$/, "host:port")
  .transform((s) => {
    const i = s.lastIndexOf(":");
    return { host: s.slice(0, i), port: Number(s.slice(i + 1)) };
  });

const hostPortList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
  )
  .pipe(z.array(hostPort).min(1, "a comma-separated list of host:port"));

/** One `COUNTRY=chat_id[:language]` entry of FOCAL_CHANNELS / FOCAL_ADMIN_GROUPS. */
const FOCAL_ENTRY = /^([A-Za-z]{2}|default)\s*=\s*(-?\d{1,20})(?:\s*:\s*([a-z]{2}))?$/;

function focalEntries(s: string): Array<{ key: string; chat: number; locale?: string }> | string {
  const entries: Array<{ key: string; chat: number; locale?: string }> = [];
  for (const part of s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = FOCAL_ENTRY.exec(part);
    if (!m) return `"${part}" is not COUNTRY=chat_id[:language] (e.g. KH=-1001234567890:km)`;
    if (m[3] !== undefined && !(FOCAL_LOCALES as readonly string[]).includes(m[3]))
      return `"${part}": the language must be one of ${FOCAL_LOCALES.join(", ")}`;
    entries.push({
      key: m[1]!.toLowerCase() === "default" ? "default" : m[1]!.toUpperCase(),
      chat: Number(m[2]),
      ...(m[3] !== undefined && { locale: m[3] }),
    });
  }
  return entries;
}

/** `KH=-1001:km,MM=-1002:en,default=-1003`: destination country (ISO alpha-2) → channel id. */
const focalChannels = z.string().transform((s, ctx) => {
  const entries = focalEntries(s);
  if (typeof entries === "string") {
    ctx.addIssue({ code: "custom", message: entries });
    return z.NEVER;
  }
  return Object.fromEntries(entries.map((e) => [e.key, e.chat])) as Record<string, number>;
});

/** FOCAL_CHANNELS as a map, for tools that do not parse the whole configuration. */
export function focalChannelMap(raw: string | undefined): Record<string, number> {
  const entries = raw === undefined ? [] : focalEntries(raw);
  return typeof entries === "string" ? {} : Object.fromEntries(entries.map((e) => [e.key, e.chat]));
}

/**
 * The language of each focal-point channel (chat id → locale) from the same FOCAL_CHANNELS value;
 * an entry without one uses FOCAL_LOCALE. Read separately so FOCAL_CHANNELS keeps its simple shape.
 */
export function focalChannelLocales(
  raw: string | undefined,
  fallback: FocalLocale,
): Record<number, FocalLocale> {
  const entries = raw === undefined ? [] : focalEntries(raw);
  if (typeof entries === "string") return {};
  return Object.fromEntries(entries.map((e) => [e.chat, (e.locale as FocalLocale | undefined) ?? fallback]));
}
/** `PSEUDONYM_KEY`: 32 random bytes in base64, never rotated (every pseudonym depends on it). */
const pseudonymKey = z.string().transform((s, ctx) => {
  const key = /^[A-Za-z0-9+/=_-]+$/.test(s.trim()) ? Buffer.from(s.trim(), "base64") : Buffer.alloc(0);
  if (key.length !== 32) {
    ctx.addIssue({
      code: "custom",
      message: "32 random bytes in base64 (generate one with: openssl rand -base64 32)",
    });
    return z.NEVER;
  }
  return key;
});

/**
 * `DATA_KEY`: one or more AES-256 keys, newest first, as `id:base64` (or a bare base64 key, id `k1`).
 * Older keys stay listed so values written with them can still be read after a rotation.
 */
const dataKeys = z.string().transform((s, ctx) => {
  const keys: Array<{ id: string; key: Buffer }> = [];
  for (const part of s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(?:([A-Za-z0-9_-]{1,16}):)?([A-Za-z0-9+/=_-]+)$/.exec(part);
    const key = m ? Buffer.from(m[2]!, "base64") : Buffer.alloc(0);
    if (!m || key.length !== 32) {
      ctx.addIssue({
        code: "custom",
        message:
          "32 random bytes in base64, optionally as id:key (generate one with: openssl rand -base64 32)",
      });
      return z.NEVER;
    }
    keys.push({ id: m[1] ?? "k1", key });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: "custom", message: "required (generate one with: openssl rand -base64 32)" });
    return z.NEVER;
  }
  return keys;
});

/** `ind+eng+vie`: tesseract language codes, each of which must have its `@tesseract.js-data/*` package. */
const ocrLanguages = z.string().transform((s, ctx) => {
  const langs = [
    ...new Set(
      s
        .split("+")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const bad = langs.filter((l) => !/^[a-z]{3}(_[a-z]{3,4})?$/.test(l));
  if (langs.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: "custom", message: "tesseract language codes joined by +, e.g. ind+eng" });
    return z.NEVER;
  }
  const missing = langs.filter((l) => languageFile(l) === undefined);
  if (missing.length > 0) {
    const packages = missing.map((l) => `@tesseract.js-data/${l}`).join(" ");
    ctx.addIssue({
      code: "custom",
      message: `no language data for ${missing.join(", ")}: install it with "npm install ${packages}", or leave it out`,
    });
    return z.NEVER;
  }
  return langs;
});

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `a whole number from ${min} to ${max}` })
    .int()
    .min(min)
    .max(max);
const positiveInt = (fallback: number) => wholeNumber(1, 100_000).default(fallback);

/** "true"/"false" (also 1/0, yes/no, on/off); anything else is refused rather than read as false. */
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { error: "true or false" })
    .default(fallback ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "yes" || v === "on");

const common = {
  BOT_TOKEN: z
    .string({ error: "required: the token BotFather gave you, like 123456789:AA…" })
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "a bot token like 123456789:AA… from BotFather"),
  TELEGRAM_API_ROOT: z
    .url({ error: "a URL such as https://api.telegram.org" })
    .default("https://api.telegram.org"),
  TELEGRAM_MAX_RETRIES: wholeNumber(0, 10).default(3),
  TELEGRAM_MAX_RETRY_DELAY_SECONDS: wholeNumber(1, 300).default(30),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "a URL starting with redis:// or rediss://")
    .default("redis://127.0.0.1:6379"),
  REDIS_SENTINELS: optionalString(hostPortList),
  REDIS_SENTINEL_MASTER: z.string().default("mymaster"),
  REDIS_CLUSTER_NODES: optionalString(hostPortList),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]*:?$/, "letters, digits, _ . - and an optional trailing colon")
    .default("waspada:"),
  OPERATOR_NAME: z
    .string({ error: "required: who runs this bot, shown to users in /start and /privacy" })
    .trim()
    .min(2, "required: who runs this bot, shown to users in /start and /privacy")
    .max(120),
  OPERATOR_CONTACT: optionalString(z.string().trim().max(200)),
  MODERATOR_CHAT_ID: optionalString(chatId),
  FOCAL_CHANNELS: optionalString(focalChannels),
  FORWARD_MIN_LEVEL: z.enum(LEVELS).default("high"),
  /**
   * Who decides what leaves the country: in `review` only urgent cases go to focal points at once,
   * the others wait for an officer's "Escalate to focal point"; `auto` forwards by level as well.
   */
  FORWARD_MODE: z
    .enum(["auto", "review"], { error: 'FORWARD_MODE must be "auto" or "review"' })
    .default("review"),
  /** Groups whose administrators may also answer on a destination's channel posts: `KH=-100…`. */
  FOCAL_ADMIN_GROUPS: optionalString(focalChannels),
  /** Deadlines: an urgent case nobody took; an escalated case no focal point acknowledged; "need info" unanswered. */
  SLA_URGENT_TAKE_MINUTES: z.coerce
    .number({ error: "a number of minutes" })
    .positive()
    .max(100_000)
    .default(30),
  SLA_FOCAL_ACK_HOURS: z.coerce.number({ error: "a number of hours" }).positive().max(10_000).default(24),
  SLA_NEED_INFO_HOURS: z.coerce.number({ error: "a number of hours" }).positive().max(10_000).default(72),
  OFFICERS: z
    .enum(["admins", "members"], { error: 'OFFICERS must be "admins" or "members"' })
    .default("admins"),
  OFFICER_CACHE_SECONDS: wholeNumber(1, 60).default(60),
  MODERATOR_LOCALE: optionalString(z.enum(LOCALES)),
  /** Language of focal-point channel posts where FOCAL_CHANNELS names none (`KH=-100…:km` does). */
  FOCAL_LOCALE: z.enum(FOCAL_LOCALES).default("en"),
  DATA_KEY: z.string({ error: "required (generate one with: openssl rand -base64 32)" }).pipe(dataKeys),
  /** Key of the pseudonyms (HMAC); absent: derived from the oldest DATA_KEY, with a warning at start. */
  PSEUDONYM_KEY: optionalString(pseudonymKey),
  OPENAI_API_KEY: optionalString(z.string()),
  OPENAI_BASE_URL: optionalString(z.url()),
  OPENAI_MODEL: optionalString(z.string()),
  /** Screenshots leave the country only when this is on (UU 27/2022 Art. 56). */
  OPENAI_SEND_IMAGES: flag(false),
  OPENAI_TIMEOUT_SECONDS: wholeNumber(1, 600).default(20),
  /** Model calls per day, all users together; and per reporter (by pseudonym). */
  OPENAI_DAILY_BUDGET: wholeNumber(0, 10_000_000).default(2000),
  OPENAI_USER_DAILY_BUDGET: wholeNumber(0, 100_000).default(20),
  /** Screenshots are read on this machine (tesseract.js); nothing leaves it for that. */
  OCR_ENABLED: flag(true),
  OCR_LANGS: ocrLanguages.default(["ind", "eng"]),
  OCR_CONCURRENCY: wholeNumber(1, 16).default(1),
  OCR_TIMEOUT_SECONDS: wholeNumber(1, 300).default(20),
  /** Larger images are refused from their header, before any decoding. */
  OCR_MAX_MEGAPIXELS: wholeNumber(1, 200).default(24),
  OCR_MAX_MEGABYTES: wholeNumber(1, 20).default(10),
  DEFAULT_LOCALE: z.enum(LOCALES).default("id"),
  SESSION_TTL_DAYS: positiveInt(30),
  CONVERSATION_TIMEOUT_HOURS: z.coerce
    .number({ error: "a number of hours" })
    .positive()
    .max(24 * 30)
    .default(24),
  CONVERSATION_SWEEP_SECONDS: positiveInt(60),
  /** Largest sealed state of one chat's conversation; above ¾ of it new input is refused with a notice. */
  CONVERSATION_MAX_KB: wholeNumber(8, 1024).default(48),
  /**
   * How long a process holds a chat while handling one of its updates, renewed while it works. A
   * process killed mid-update lets go after this long, and the redelivered update is handled.
   */
  UPDATE_LEASE_MS: wholeNumber(200, 120_000).default(5000),
  REPORT_RETENTION_DAYS: positiveInt(730),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HTTP_HOST: z.string().default("0.0.0.0"),
  HTTP_PORT: wholeNumber(0, 65535).default(8080),
  METRICS_TOKEN: optionalString(z.string().min(16, "at least 16 characters")),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(20),
};

const polling = z.object({ ...common, BOT_MODE: z.literal("polling") });

const webhook = z.object({
  ...common,
  BOT_MODE: z.literal("webhook"),
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "the public https URL Telegram posts updates to" }),
  WEBHOOK_SECRET: z
    .string({ error: "required in webhook mode: 1–256 characters A-Z a-z 0-9 _ -" })
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters A-Z a-z 0-9 _ -"),
  WEBHOOK_MAX_CONNECTIONS: wholeNumber(1, 100).default(40),
});

const schema = z.discriminatedUnion("BOT_MODE", [polling, webhook], {
  error: 'BOT_MODE must be "polling" or "webhook"',
});

/** The schema's output plus what is derived from it (each focal channel's language). */
export type Config = z.infer<typeof schema> & { FOCAL_CHANNEL_LOCALES: Record<number, FocalLocale> };
export type WebhookConfig = z.infer<typeof webhook>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the configuration from an environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const input = { ...env, BOT_MODE: env.BOT_MODE?.trim() || "polling" };
  const result = schema.safeParse(input);
  if (result.success) {
    const raw = env.FOCAL_CHANNELS?.trim() || undefined;
    return { ...result.data, FOCAL_CHANNEL_LOCALES: focalChannelLocales(raw, result.data.FOCAL_LOCALE) };
  }
  throw new ConfigError(describeProblems(result.error, env));
}

/**
 * Just what reaches the report store (Redis and DATA_KEY), for command-line tools that work on the
 * data without running the bot: they must not need BOT_TOKEN or OPERATOR_NAME.
 */
const storeSchema = z.object({
  REDIS_URL: common.REDIS_URL,
  REDIS_SENTINELS: common.REDIS_SENTINELS,
  REDIS_SENTINEL_MASTER: common.REDIS_SENTINEL_MASTER,
  REDIS_CLUSTER_NODES: common.REDIS_CLUSTER_NODES,
  REDIS_PREFIX: common.REDIS_PREFIX,
  DATA_KEY: common.DATA_KEY,
  PSEUDONYM_KEY: common.PSEUDONYM_KEY,
});
export type StoreConfig = z.infer<typeof storeSchema>;

/** The language model's part, for the eval (`npm run eval -- --llm`), which runs no bot. */
const modelSchema = z.object({
  OPENAI_API_KEY: common.OPENAI_API_KEY,
  OPENAI_BASE_URL: common.OPENAI_BASE_URL,
  OPENAI_MODEL: common.OPENAI_MODEL,
  OPENAI_SEND_IMAGES: common.OPENAI_SEND_IMAGES,
  OPENAI_TIMEOUT_SECONDS: common.OPENAI_TIMEOUT_SECONDS,
  OPENAI_DAILY_BUDGET: common.OPENAI_DAILY_BUDGET,
  OPENAI_USER_DAILY_BUDGET: common.OPENAI_USER_DAILY_BUDGET,
});
export type ModelConfig = z.infer<typeof modelSchema>;

export function parseModelConfig(env: Record<string, string | undefined>): ModelConfig {
  const result = modelSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(describeProblems(result.error, env));
}

/**
 * The store's configuration for a command-line tool: `.env` (or ENV_FILE) then the environment;
 * undefined after printing what is wrong, so the tool can exit with a usage error.
 */
export function loadStoreConfig(): StoreConfig | undefined {
  loadDotEnv(process.env.ENV_FILE ?? ".env");
  try {
    return parseStoreConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

/** Parses the store's part of the configuration; throws ConfigError like parseConfig. */
export function parseStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  const result = storeSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(describeProblems(result.error, env));
}

function describeProblems(error: z.ZodError, env: Record<string, string | undefined>): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.length > 0 ? issue.path.join(".") : "BOT_MODE";
    const got = env[String(issue.path[0])];
    const missing = got === undefined || got === "";
    const message = missing && !/required/.test(issue.message) ? `required: ${issue.message}` : issue.message;
    return `${name}: ${message}`;
  });
}

/** Loads `.env` from the working directory if present (real environment variables win). */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
