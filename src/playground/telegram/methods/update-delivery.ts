import { badRequest, conflict } from "../errors.js";
import { limits } from "../limits.js";
import type { MethodTable } from "./context.js";

export const updateDeliveryMethods: MethodTable = {
  getUpdates: ({ backend, params, signal }) => {
    if (backend.webhook.active) {
      throw conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const limit = Math.min(
      Math.max(params.int("limit") ?? limits.getUpdatesMaxLimit, 1),
      limits.getUpdatesMaxLimit,
    );
    const timeoutSeconds = Math.min(Math.max(params.int("timeout") ?? 0, 0), backend.longPollCapSeconds);
    backend.queue.setAllowedUpdates(params.json("allowed_updates"));
    return backend.queue.getUpdates({
      offset: params.int("offset"),
      limit,
      timeoutMs: timeoutSeconds * 1000,
      signal,
    });
  },

  setWebhook: ({ backend, params }) => {
    const url = params.string("url") ?? "";
    const secretToken = params.string("secret_token");
    if (secretToken !== undefined) {
      if (secretToken.length > limits.secretTokenLength) throw badRequest("secret token is too long");
      if (!/^[A-Za-z0-9_-]*$/.test(secretToken))
        throw badRequest("secret token contains unallowed characters");
    }
    if (params.bool("drop_pending_updates")) backend.queue.dropPending();
    backend.queue.setAllowedUpdates(params.json("allowed_updates"));
    if (url === "") {
      backend.webhook.config = undefined;
      return true;
    }
    if (!/^https?:\/\/[^/\s]+/i.test(url)) throw badRequest("bad webhook: invalid webhook URL specified");
    backend.queue.endPolls(conflict("terminated by setWebhook request"));
    backend.webhook.config = {
      url,
      maxConnections: params.int("max_connections") ?? 40,
      ...(secretToken && { secretToken }),
    };
    // Updates that waited for getUpdates now go to the webhook, as on Telegram.
    for (const update of backend.queue.takeAll()) void backend.webhook.send(update);
    return true;
  },

  deleteWebhook: ({ backend, params }) => {
    backend.webhook.config = undefined;
    if (params.bool("drop_pending_updates")) backend.queue.dropPending();
    return true;
  },

  getWebhookInfo: ({ backend }) => {
    const { config, lastError } = backend.webhook;
    const allowed = backend.queue.allowedUpdates;
    return {
      url: config?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: backend.queue.pendingCount,
      ...(config && { max_connections: config.maxConnections }),
      ...(allowed && { allowed_updates: allowed }),
      ...(lastError && { last_error_date: lastError.date, last_error_message: lastError.message }),
    };
  },
};
