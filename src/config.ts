/**
 * The whole configuration: one zod schema over the environment, split by mode (polling / webhook).
 * Read once at start-up; a missing or invalid variable stops the process with one readable message.
 */
import { existsSync } from "node:fs";
import { z } from "zod";

const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

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

/** `KH=-1001,MM=-1002,default=-1003`: destination country (ISO alpha-2) → channel id. */
const focalChannels = z.string().transform((s, ctx) => {
  const map: Record<string, number> = {};
  for (const part of s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]{2}|default)\s*=\s*(-?\d{1,20})$/.exec(part);
    if (!m) {
      ctx.addIssue({ code: "custom", message: `"${part}" is not COUNTRY=chat_id (e.g. KH=-1001234567890)` });
      return z.NEVER;
    }
    map[m[1]!.toLowerCase() === "default" ? "default" : m[1]!.toUpperCase()] = Number(m[2]);
  }
  return map;
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
  OFFICERS: z
    .enum(["admins", "members"], { error: 'OFFICERS must be "admins" or "members"' })
    .default("admins"),
  OFFICER_CACHE_SECONDS: wholeNumber(1, 60).default(60),
  MODERATOR_LOCALE: optionalString(z.enum(LOCALES)),
  /** Language of focal-point channel posts: one language per network, not per reporter. */
  FOCAL_LOCALE: z.enum(LOCALES).default("en"),
  DATA_KEY: z.string({ error: "required (generate one with: openssl rand -base64 32)" }).pipe(dataKeys),
  OPENAI_API_KEY: optionalString(z.string()),
  OPENAI_BASE_URL: optionalString(z.url()),
  OPENAI_MODEL: optionalString(z.string()),
  /** Screenshots leave the country only when this is on (UU 27/2022 Art. 56). */
  OPENAI_SEND_IMAGES: flag(false),
  OPENAI_TIMEOUT_SECONDS: wholeNumber(1, 600).default(20),
  /** Model calls per day, all users together; and per reporter (by pseudonym). */
  OPENAI_DAILY_BUDGET: wholeNumber(0, 10_000_000).default(2000),
  OPENAI_USER_DAILY_BUDGET: wholeNumber(0, 100_000).default(20),
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

export type Config = z.infer<typeof schema>;
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
  if (result.success) return result.data;
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
