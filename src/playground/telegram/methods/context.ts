import type { TelegramBackend } from "../backend.js";
import type { Params } from "../params.js";

/** What one Bot API method call sees. */
export interface MethodCall {
  backend: TelegramBackend;
  params: Params;
  /** Aborted when the client goes away (a cancelled long poll). */
  signal: AbortSignal;
}

export type MethodHandler = (call: MethodCall) => unknown;
export type MethodTable = Record<string, MethodHandler>;
