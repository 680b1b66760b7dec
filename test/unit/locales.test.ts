/** Every message exists in every language, and every key the code uses is defined. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR } from "#src/bot/i18n.js";
import { SUPPORTED_LOCALES } from "#src/render/locales.js";

function messageIds(locale: string): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(LOCALES_DIR).filter(
    (f) => f.split(".")[0] === locale && f.endsWith(".ftl"),
  )) {
    const resource = new FluentResource(readFileSync(join(LOCALES_DIR, file), "utf8"));
    for (const entry of resource.body) ids.add(entry.id);
  }
  return ids;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("locales", () => {
  it("define the same messages in Indonesian and English", () => {
    const [first, ...rest] = SUPPORTED_LOCALES.map(messageIds);
    for (const other of rest) {
      expect([...first!].filter((id) => !other.has(id))).toEqual([]);
      expect([...other].filter((id) => !first!.has(id))).toEqual([]);
    }
  });

  it("define every key the bot uses literally", () => {
    const ids = messageIds("en");
    const used = new Set<string>();
    for (const file of sourceFiles(join(LOCALES_DIR, "..", "src", "bot")).concat(
      sourceFiles(join(LOCALES_DIR, "..", "src", "jobs")),
    )) {
      const code = readFileSync(file, "utf8");
      for (const m of code.matchAll(/\bt\(\s*"([a-z0-9-]+)"/g)) used.add(m[1]!);
    }
    expect([...used].filter((key) => !ids.has(key))).toEqual([]);
  });
});
