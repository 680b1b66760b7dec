/**
 * Reads the reference data the package ships in `data/`. The engine runs both from `src/` (tsx,
 * vitest) and from `dist/src/` (built), so the package root is found by walking up from this file
 * to the first directory that holds a package.json, rather than by a fixed relative path.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}; cannot locate data/`);
    dir = parent;
  }
}

let packageRoot: string | undefined;

/** Absolute path of `data/<name>` in the package. */
export function dataFilePath(name: string): string {
  packageRoot ??= findPackageRoot();
  return join(packageRoot, "data", name);
}

/** Parsed JSON of `data/<name>`; validate the result with a zod schema at the call site. */
export function readDataFile(name: string): unknown {
  const path = dataFilePath(name);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read data file ${path}: ${(error as Error).message}`, { cause: error });
  }
}
