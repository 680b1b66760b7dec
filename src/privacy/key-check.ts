/**
 * A wrong key is found at start, not months later: Redis keeps a small record of the keys it was
 * written with — the pseudonym of a fixed value, and one value sealed with each data key. A
 * different PSEUDONYM_KEY (every reporter would become a stranger to their own reports), a data key
 * whose id matches but whose bytes do not, or a data key that sealed values here but is no longer
 * listed, stops the process with a message that says which.
 */
import type { Pseudonymize } from "#src/privacy/pseudonym.js";
import type { DataKey, Sealer } from "#src/privacy/sealed.js";
import type { RedisClient } from "#src/redis.js";
import type { Keys } from "#src/redis-keys.js";

const PROBE = "waspada key check";
const CONTEXT = "key-check";

export class WrongKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WrongKeyError";
  }
}

export async function checkKeys(deps: {
  redis: RedisClient;
  keys: Keys;
  pseudonymize: Pseudonymize;
  sealer: Sealer;
  dataKeys: ReadonlyArray<DataKey>;
  /** false: only compare, write nothing (a dry run). */
  record?: boolean;
}): Promise<void> {
  const { redis, keys, sealer } = deps;
  const key = keys.keyCheck();
  const pseudonym = deps.pseudonymize("user", PROBE);
  const stored = await redis.hgetall(key);
  if (stored.pseudonym !== undefined && stored.pseudonym !== pseudonym) {
    throw new WrongKeyError(
      "PSEUDONYM_KEY (or, without it, the oldest DATA_KEY) is not the key this Redis was written with: " +
        "reporters would no longer be linked to their reports. Set the key used before.",
    );
  }
  const listed = new Set(deps.dataKeys.map((k) => k.id));
  for (const [field, value] of Object.entries(stored)) {
    if (!field.startsWith("sealed:")) continue;
    const id = field.slice("sealed:".length);
    if (!listed.has(id)) {
      throw new WrongKeyError(
        `data key "${id}" sealed values in this Redis but is not in DATA_KEY: add it back after the newest key.`,
      );
    }
    let opened: string | undefined;
    try {
      opened = sealer.open(value, CONTEXT);
    } catch {
      opened = undefined;
    }
    if (opened !== PROBE) {
      throw new WrongKeyError(
        `data key "${id}" in DATA_KEY is not the key that sealed values in this Redis under that id: check DATA_KEY.`,
      );
    }
  }
  if (deps.record === false) return;
  const newest = deps.dataKeys[0]!.id;
  await redis.hsetnx(key, "pseudonym", pseudonym);
  await redis.hsetnx(key, `sealed:${newest}`, sealer.seal(PROBE, CONTEXT));
}
