#!/usr/bin/env node
// Command-line entry (`npx waspada …`). Runs the compiled CLI when `npm run build` has been done,
// otherwise the TypeScript sources through tsx, so a fresh checkout works right after `npm ci`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, "dist", "src", "cli", "main.js");

if (existsSync(compiled) && !process.env.WASPADA_FROM_SOURCE) {
  const { main } = await import(pathToFileURL(compiled).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const result = spawnSync(
    process.execPath,
    [
      "--conditions=development",
      "--import",
      "tsx",
      join(root, "src", "cli", "main.ts"),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit" },
  );
  process.exitCode = result.status ?? 1;
}
