import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "#src/config.js";

const KEY = Buffer.alloc(32, 1).toString("base64");
const minimal = { BOT_TOKEN: "123456:ABC-def_1", OPERATOR_NAME: "Serikat Buruh Migran", DATA_KEY: KEY };

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("starts in polling mode with sensible defaults from three variables", () => {
    const config = parseConfig(minimal);
    expect(config).toMatchObject({
      BOT_MODE: "polling",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: "waspada:",
      DEFAULT_LOCALE: "id",
      FORWARD_MIN_LEVEL: "high",
      HTTP_PORT: 8080,
    });
    expect(config.DATA_KEY).toEqual([{ id: "k1", key: Buffer.alloc(32, 1) }]);
  });

  it("reads screenshots with Indonesian and English by default; a language without its data package is named with the fix", () => {
    expect(parseConfig(minimal)).toMatchObject({
      OCR_ENABLED: true,
      OCR_LANGS: ["ind", "eng"],
      OCR_CONCURRENCY: 1,
    });
    expect(parseConfig({ ...minimal, OCR_LANGS: "eng+ind" }).OCR_LANGS).toEqual(["eng", "ind"]);
    const [problem] = problems({ ...minimal, OCR_LANGS: "ind+eng+khm" });
    expect(problem).toContain("OCR_LANGS");
    expect(problem).toContain("npm install @tesseract.js-data/khm");
    expect(problems({ ...minimal, OCR_LANGS: "Indonesian" })[0]).toContain("ind+eng");
  });

  it("names every missing variable in one message, without a stack trace", () => {
    const list = problems({});
    expect(list.map((p) => p.split(":")[0])).toEqual(["BOT_TOKEN", "OPERATOR_NAME", "DATA_KEY"]);
    expect(list[0]).toContain("BotFather");
    expect(list[2]).toContain("openssl rand -base64 32");
  });

  it("requires the webhook URL and secret in webhook mode only", () => {
    expect(problems({ ...minimal, BOT_MODE: "webhook" }).map((p) => p.split(":")[0])).toEqual([
      "WEBHOOK_URL",
      "WEBHOOK_SECRET",
    ]);
    const config = parseConfig({
      ...minimal,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "s3cret_value",
    });
    expect(config.BOT_MODE === "webhook" && config.WEBHOOK_MAX_CONNECTIONS).toBe(40);
  });

  it("explains wrong values", () => {
    const list = problems({
      ...minimal,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "not a url",
      WEBHOOK_SECRET: "has spaces in it",
      HTTP_PORT: "eighty",
      REDIS_URL: "localhost:6379",
      DEFAULT_LOCALE: "fr",
      DATA_KEY: "short",
      FOCAL_CHANNELS: "KH=-1001,oops",
    });
    const text = list.join("\n");
    for (const name of [
      "WEBHOOK_URL",
      "WEBHOOK_SECRET",
      "HTTP_PORT",
      "REDIS_URL",
      "DEFAULT_LOCALE",
      "DATA_KEY",
      "FOCAL_CHANNELS",
    ]) {
      expect(text).toContain(`${name}:`);
    }
    expect(text).toContain('"oops" is not COUNTRY=chat_id');
    expect(text).toContain("a whole number from 0 to 65535");
    expect(problems({ ...minimal, BOT_MODE: "cron" })).toEqual([
      'BOT_MODE: BOT_MODE must be "polling" or "webhook"',
    ]);
  });

  it("reads each focal channel's language, review mode by default, and the deadlines", () => {
    const config = parseConfig({
      ...minimal,
      FOCAL_CHANNELS: "KH=-1001111111111:km, MM=-1002222222222:en,default=-1003333333333",
      FOCAL_ADMIN_GROUPS: "KH=-1004444444444",
      SLA_URGENT_TAKE_MINUTES: "15",
    });
    expect(config.FOCAL_CHANNELS).toEqual({
      KH: -1001111111111,
      MM: -1002222222222,
      default: -1003333333333,
    });
    expect(config.FOCAL_CHANNEL_LOCALES).toEqual({
      [-1001111111111]: "km",
      [-1002222222222]: "en",
      [-1003333333333]: "en",
    });
    expect(config.FOCAL_ADMIN_GROUPS).toEqual({ KH: -1004444444444 });
    expect(config.FORWARD_MODE).toBe("review");
    expect([config.SLA_URGENT_TAKE_MINUTES, config.SLA_FOCAL_ACK_HOURS, config.SLA_NEED_INFO_HOURS]).toEqual([
      15, 24, 72,
    ]);
    expect(
      problems({ ...minimal, FOCAL_CHANNELS: "KH=-1001:fr", FORWARD_MODE: "sometimes" }).join("\n"),
    ).toMatch(
      /FOCAL_CHANNELS: "KH=-1001:fr": the language must be one of id, en, km[\s\S]*FORWARD_MODE: FORWARD_MODE must be "auto" or "review"/,
    );
  });

  it("reads focal channels, Sentinel and Cluster settings, and rotated keys", () => {
    const older = Buffer.alloc(32, 2).toString("base64");
    const config = parseConfig({
      ...minimal,
      FOCAL_CHANNELS: "kh=-1001, MM=-1002, default=-1003",
      REDIS_SENTINELS: "10.0.0.1:26379,10.0.0.2:26379",
      REDIS_CLUSTER_NODES: "",
      DATA_KEY: `k2:${KEY},k1:${older}`,
      MODERATOR_CHAT_ID: "-1009876543210",
    });
    expect(config.FOCAL_CHANNELS).toEqual({ KH: -1001, MM: -1002, default: -1003 });
    expect(config.REDIS_SENTINELS).toEqual([
      { host: "10.0.0.1", port: 26379 },
      { host: "10.0.0.2", port: 26379 },
    ]);
    expect(config.REDIS_CLUSTER_NODES).toBeUndefined();
    expect(config.DATA_KEY.map((k) => k.id)).toEqual(["k2", "k1"]);
    expect(config.MODERATOR_CHAT_ID).toBe(-1009876543210);
  });

  it("accepts .env.example as shipped once the three required variables are filled in", () => {
    const env: Record<string, string> = {};
    for (const line of readFileSync(".env.example", "utf8").split("\n")) {
      const m = /^([A-Z_]+)=(.*)$/.exec(line);
      if (m) env[m[1]!] = m[2]!;
    }
    expect(problems(env).map((p) => p.split(":")[0])).toEqual(["BOT_TOKEN", "OPERATOR_NAME", "DATA_KEY"]);
    expect(parseConfig({ ...env, ...minimal }).BOT_MODE).toBe("polling");
  });
});
