/**
 * Pseudonyms: a Telegram user or chat id is stored only as an HMAC, so Redis keys and records
 * can be linked to a person only by someone holding DATA_KEY. The HMAC key is derived from the
 * OLDEST data key (last in the list), which therefore stays listed across key rotations.
 */
import { createHmac, hkdfSync } from "node:crypto";
import type { Config } from "#src/config.js";

export type Pseudonymize = (kind: "chat" | "user", id: number | string) => string;

export function createPseudonymizer(dataKeys: Config["DATA_KEY"]): Pseudonymize {
  const root = dataKeys[dataKeys.length - 1]!.key;
  const key = Buffer.from(hkdfSync("sha256", root, Buffer.alloc(0), "waspada pseudonym v1", 32));
  return (kind, id) => createHmac("sha256", key).update(`${kind}:${id}`).digest("base64url").slice(0, 22);
}
