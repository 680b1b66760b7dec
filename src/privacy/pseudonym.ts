/**
 * Pseudonyms: a Telegram user or chat id (and, in the identifier index, a recruiter's contact) is
 * stored only as an HMAC, so Redis keys and records can be linked to a person only by someone
 * holding the pseudonym key.
 *
 * The key is PSEUDONYM_KEY, a setting of its own, so DATA_KEY can rotate freely. Without it, the
 * HMAC key is derived from the OLDEST data key (last in the list), as before — that key must then
 * stay listed across rotations, and the app warns at start. Setting PSEUDONYM_KEY to that oldest
 * key's value keeps every existing pseudonym (the derivation is the same).
 */
import { createHmac, hkdfSync } from "node:crypto";
import type { Config } from "#src/config.js";

export type Pseudonymize = (kind: "chat" | "user", id: number | string) => string;

export function createPseudonymizer(
  dataKeys: Config["DATA_KEY"],
  pseudonymKey?: Buffer | undefined,
): Pseudonymize {
  const root = pseudonymKey ?? dataKeys[dataKeys.length - 1]!.key;
  const key = Buffer.from(hkdfSync("sha256", root, Buffer.alloc(0), "waspada pseudonym v1", 32));
  return (kind, id) => createHmac("sha256", key).update(`${kind}:${id}`).digest("base64url").slice(0, 22);
}
