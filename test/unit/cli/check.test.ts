import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(import.meta.dirname, "..", "..", "..", "bin", "waspada.js");
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, WASPADA_FROM_SOURCE: "1" },
    timeout: 60_000,
  });

describe("waspada check", () => {
  it("writes one line per input in the exact JSONL shape", () => {
    const dir = mkdtempSync(join(tmpdir(), "waspada-"));
    const file = join(dir, "offers.jsonl");
    const offer = "Loker Kamboja, admin, gaji 1000 USD, tanpa pengalaman, visa turis dulu";
    writeFileSync(
      file,
      `${JSON.stringify({ id: "a", text: offer })}\n\n${JSON.stringify({ id: 2, text: "Selamat pagi" })}\n`,
    );
    const out = run(["check", "--jsonl", file]);
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual([
      "id",
      "level",
      "score",
      "indicators",
      "evidence",
      "kind",
      "model",
    ]);
    expect(lines[0].kind).toBe("offer");
    expect(lines[0].model).toBeGreaterThan(0.5);
    expect(lines[0].id).toBe("a");
    expect(lines[0].indicators).toContain("proc_tourist_visa");
    for (const e of lines[0].evidence) {
      expect(Object.keys(e)).toEqual(["indicator", "start", "end", "quote"]);
      expect(offer.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(lines[1]).toMatchObject({ id: 2, level: "low", kind: "not_an_offer" });
    expect(lines[1].model).toBeLessThan(0.5);
  });

  it("prints a readable result in the chosen language, from an argument or stdin", () => {
    const en = run(["check", "--lang", "en", "Kerja di Kamboja, visa turis, gaji 1000 USD"]);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/High risk|Critical/);
    expect(en.stdout).toContain("Cambodia is not an official placement country");
    const id = run(["check"], "Kerja di Kamboja, visa turis, gaji 1000 USD");
    expect(id.status).toBe(0);
    expect(id.stdout).toContain("Risiko tinggi");
  });

  it("answers an unknown flag with usage and exit code 2", () => {
    const out = run(["check", "--colour", "x"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("Usage:");
  });

  it("answers an unknown command with exit code 2", () => {
    expect(run(["frobnicate"]).status).toBe(2);
  });
});
