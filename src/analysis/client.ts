/**
 * The openai SDK client, built from the configuration. Without a key and a model there is no
 * client: the bot runs on rules alone and nothing is queued. Retries are ours (with the circuit
 * breaker and budgets in view), so the SDK's own are off.
 */
import OpenAI from "openai";
import type { Config } from "#src/config.js";

export type AnalysisConfig = Pick<
  Config,
  | "OPENAI_API_KEY"
  | "OPENAI_BASE_URL"
  | "OPENAI_MODEL"
  | "OPENAI_SEND_IMAGES"
  | "OPENAI_TIMEOUT_SECONDS"
  | "OPENAI_DAILY_BUDGET"
  | "OPENAI_USER_DAILY_BUDGET"
>;

export interface ModelClient {
  openai: OpenAI;
  model: string;
}

export function createModelClient(config: AnalysisConfig): ModelClient | undefined {
  if (!config.OPENAI_API_KEY || !config.OPENAI_MODEL) return undefined;
  return {
    openai: new OpenAI({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      timeout: config.OPENAI_TIMEOUT_SECONDS * 1000,
      maxRetries: 0,
    }),
    model: config.OPENAI_MODEL,
  };
}
