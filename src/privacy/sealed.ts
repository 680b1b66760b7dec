/**
 * Sealed values: personal data at rest (a reporter's chat id, their phone) as AES-256-GCM.
 *
 * Format `v1.<keyId>.<base64url(iv12 | tag16 | ciphertext)>`. A value names the key that sealed it,
 * so after a rotation (new key first in DATA_KEY, old ones kept) old values still open. The
 * `context` is authenticated but not stored (AAD): a ciphertext copied to another field or another
 * reporter's record fails to open instead of revealing someone else's data there.
 *
 * Random 96-bit IVs are safe for about 2^32 seals per key; rotate long before that.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface Sealer {
  /** Encrypts with the newest key; `context` names the field and its owner, e.g. `reporter:<ref>:contact`. */
  seal(plaintext: string, context: string): string;
  /** Decrypts with the key named in the value; throws SealedValueError if it cannot be trusted. */
  open(sealed: string, context: string): string;
}

export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedValueError";
  }
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

/**
 * The AES key is derived from the data key rather than used as is, so the same DATA_KEY can also
 * feed the pseudonym HMAC (src/privacy/pseudonym.ts) without one key serving two algorithms.
 */
function deriveKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", dataKey, Buffer.alloc(0), "waspada sealed v1", 32));
}

export function createSealer(keys: ReadonlyArray<DataKey>): Sealer {
  if (keys.length === 0) throw new Error("createSealer needs at least one data key");
  const byId = new Map<string, Buffer>();
  for (const { id, key } of keys) {
    if (!KEY_ID.test(id)) throw new Error(`data key id "${id}" must be 1–16 of A-Z a-z 0-9 _ -`);
    if (key.length !== 32) throw new Error(`data key "${id}" must be 32 bytes, got ${key.length}`);
    if (byId.has(id)) throw new Error(`data key id "${id}" is listed twice`);
    byId.set(id, deriveKey(key));
  }
  const newest = keys[0]!.id;
  const newestKey = byId.get(newest)!;

  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", newestKey, iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const payload = Buffer.concat([iv, cipher.getAuthTag(), body]);
      return `${VERSION}.${newest}.${payload.toString("base64url")}`;
    },

    open(sealed, context) {
      const parts = sealed.split(".");
      if (parts.length !== 3 || parts[0] !== VERSION) {
        throw new SealedValueError(`not a sealed value (expected "${VERSION}.<keyId>.<data>")`);
      }
      const [, keyId, data] = parts as [string, string, string];
      const key = byId.get(keyId);
      if (!key) {
        throw new SealedValueError(
          `sealed with data key "${keyId}", which is not in DATA_KEY; add it back (after the newest key) to read this value`,
        );
      }
      const payload = Buffer.from(data, "base64url");
      if (payload.length < IV_BYTES + TAG_BYTES) throw new SealedValueError("sealed value is truncated");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, payload.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const body = payload.subarray(IV_BYTES + TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
      } catch {
        throw new SealedValueError(
          "sealed value failed authentication: tampered, or opened in the wrong context",
        );
      }
    },
  };
}
