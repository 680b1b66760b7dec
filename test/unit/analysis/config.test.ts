/** The model's settings: off unless a key and a model are set; images off unless asked for. */
import { describe, expect, it } from "vitest";
import { createModelClient } from "#src/analysis/client.js";
import { ConfigError, parseConfig } from "#src/config.js";

const minimal = {
  BOT_TOKEN: "123456:ABC-def_1",
  OPERATOR_NAME: "Serikat Buruh Migran",
  DATA_KEY: Buffer.alloc(32, 1).toString("base64"),
};

describe("model configuration", () => {
  it("defaults to rules only, no images, 20 s, 2000 calls a day and 20 per reporter", () => {
    const config = parseConfig(minimal);
    expect(config).toMatchObject({
      OPENAI_SEND_IMAGES: false,
      OPENAI_TIMEOUT_SECONDS: 20,
      OPENAI_DAILY_BUDGET: 2000,
      OPENAI_USER_DAILY_BUDGET: 20,
    });
    expect(createModelClient(config)).toBeUndefined();
    expect(createModelClient(parseConfig({ ...minimal, OPENAI_API_KEY: "sk-x" }))).toBeUndefined();
  });

  it("builds a client with our timeout and no SDK retries when key and model are set", () => {
    const config = parseConfig({
      ...minimal,
      OPENAI_API_KEY: "sk-x",
      OPENAI_MODEL: "m",
      OPENAI_BASE_URL: "http://127.0.0.1:1/v1",
      OPENAI_TIMEOUT_SECONDS: "7",
      OPENAI_SEND_IMAGES: "true",
    });
    expect(config.OPENAI_SEND_IMAGES).toBe(true);
    const client = createModelClient(config)!;
    expect(client.model).toBe("m");
    expect(client.openai.timeout).toBe(7000);
    expect(client.openai.maxRetries).toBe(0);
    expect(client.openai.baseURL).toBe("http://127.0.0.1:1/v1");
  });

  it("refuses a flag that is neither true nor false", () => {
    expect(() => parseConfig({ ...minimal, OPENAI_SEND_IMAGES: "maybe" })).toThrow(ConfigError);
  });
});
