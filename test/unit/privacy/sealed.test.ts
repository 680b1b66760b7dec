import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealer, SealedValueError } from "#src/privacy/sealed.js";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const CONTEXT = "reporter:abc:contact";

describe("sealed values", () => {
  it("open what was sealed, in the same context", () => {
    const sealer = createSealer([k1]);
    const sealed = sealer.seal("+6285700011122", CONTEXT);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("6285700011122");
    expect(sealer.open(sealed, CONTEXT)).toBe("+6285700011122");
  });

  it("use a fresh IV every time, so equal values do not look equal", () => {
    const sealer = createSealer([k1]);
    expect(sealer.seal("same", CONTEXT)).not.toBe(sealer.seal("same", CONTEXT));
  });

  it("refuse a value whose ciphertext, tag or IV was changed", () => {
    const sealer = createSealer([k1]);
    const sealed = sealer.seal("5550123456", CONTEXT);
    const [version, keyId, data] = sealed.split(".") as [string, string, string];
    const bytes = Buffer.from(data, "base64url");
    for (const position of [0, 12, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[position]! ^= 1;
      expect(() => sealer.open(`${version}.${keyId}.${tampered.toString("base64url")}`, CONTEXT)).toThrow(
        SealedValueError,
      );
    }
    expect(() =>
      sealer.open(`${version}.${keyId}.${bytes.subarray(0, 20).toString("base64url")}`, CONTEXT),
    ).toThrow(/truncated/);
    expect(() => sealer.open("plain text", CONTEXT)).toThrow(/not a sealed value/);
  });

  it("refuse a value moved to another field or another reporter", () => {
    const sealer = createSealer([k1]);
    const sealed = sealer.seal("+6285700011122", "reporter:alice:contact");
    expect(() => sealer.open(sealed, "reporter:bob:contact")).toThrow(/wrong context/);
    expect(() => sealer.open(sealed, "reporter:alice:chat")).toThrow(SealedValueError);
  });

  it("seal with the newest key and still open values of an older one after rotation", () => {
    const before = createSealer([k1]);
    const old = before.seal("5550123456", CONTEXT);
    const after = createSealer([k2, k1]);
    expect(after.open(old, CONTEXT)).toBe("5550123456");
    expect(after.seal("x", CONTEXT)).toMatch(/^v1\.k2\./);
  });

  it("name the missing key when a value was sealed with a key no longer listed", () => {
    const old = createSealer([k1]).seal("5550123456", CONTEXT);
    expect(() => createSealer([k2]).open(old, CONTEXT)).toThrow(/data key "k1", which is not in DATA_KEY/);
  });

  it("refuse bad key lists at creation", () => {
    expect(() => createSealer([])).toThrow(/at least one/);
    expect(() => createSealer([{ id: "k1", key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => createSealer([k1, { ...k2, id: "k1" }])).toThrow(/twice/);
    expect(() => createSealer([{ id: "a.b", key: randomBytes(32) }])).toThrow(/id/);
  });
});
