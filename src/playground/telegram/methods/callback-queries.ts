import { badRequest } from "../errors.js";
import { codePointLength } from "../formatting/index.js";
import { limits } from "../limits.js";
import type { MethodTable } from "./context.js";

/** Telegram forgets a callback query after about 15 minutes. */
const callbackQueryLifetimeMs = 15 * 60 * 1000;

export const callbackQueryMethods: MethodTable = {
  answerCallbackQuery: ({ backend, params }) => {
    const record = backend.state.callbackQueries.get(params.requiredString("callback_query_id"));
    const expired = record !== undefined && Date.now() - record.receivedAt > callbackQueryLifetimeMs;
    if (!record || record.answer || expired) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    const text = params.string("text");
    if (text !== undefined && codePointLength(text) > limits.callbackAnswerText)
      throw badRequest("MESSAGE_TOO_LONG");
    const url = params.string("url");
    backend.state.answerCallbackQuery(record, {
      showAlert: params.bool("show_alert"),
      ...(text !== undefined && { text }),
      ...(url !== undefined && { url }),
    });
    return true;
  },
};
