import { botSettingsMethods } from "./bot-settings.js";
import { callbackQueryMethods } from "./callback-queries.js";
import { chatMethods } from "./chats.js";
import type { MethodHandler } from "./context.js";
import { copyForwardMethods } from "./copy-forward.js";
import { fileMethods } from "./files.js";
import { messageMethods } from "./messages.js";
import { updateDeliveryMethods } from "./update-delivery.js";

export type { MethodCall, MethodHandler } from "./context.js";

const allMethods = {
  ...botSettingsMethods,
  ...updateDeliveryMethods,
  ...messageMethods,
  ...fileMethods,
  ...copyForwardMethods,
  ...callbackQueryMethods,
  ...chatMethods,
};

/** Bot API method names are case-insensitive; lookups return the canonical name for recording. */
const byLowerCaseName = new Map(
  Object.entries(allMethods).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
);

export function findMethod(name: string): { name: string; handler: MethodHandler } | undefined {
  return byLowerCaseName.get(name.toLowerCase());
}
