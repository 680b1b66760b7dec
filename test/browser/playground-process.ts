/**
 * The playground as a user starts it (`waspada playground`, from source) in a child process, and
 * the machine's Chromium driven by playwright-core (nothing is downloaded).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

const ROOT = join(import.meta.dirname, "..", "..");
export const SCREENSHOTS = join(ROOT, ".tmp", "playground-screenshots");

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_BIN, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((path): path is string => path !== undefined && existsSync(path));
  if (!found) {
    throw new Error(
      "The browser tests need Chromium: `sudo apt-get install chromium fonts-noto-core` (Debian/Ubuntu), " +
        "or set CHROMIUM_BIN to its path.",
    );
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
}

export interface PlaygroundProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  url?: string;
}

/** Starts `waspada playground`; resolves once it prints its address, or once it exits (a failed start). */
export async function startPlayground(
  env: Record<string, string>,
  args: string[] = [],
): Promise<PlaygroundProcess> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=development",
      "--import",
      "tsx",
      join(ROOT, "src", "cli", "main.ts"),
      "playground",
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running: PlaygroundProcess = { child, output: () => output, exited };
  const started = new Promise<void>((resolve) => {
    const check = () => {
      const match = /Playground: (http:\/\/\S+)/.exec(output);
      if (match) {
        running.url = match[1]!;
        resolve();
      }
    };
    child.stdout?.on("data", check);
  });
  await Promise.race([started, exited]);
  return running;
}

/** Ctrl-C, and the exit code. */
export async function interrupt(playground: PlaygroundProcess): Promise<number | null> {
  if (playground.child.exitCode === null) playground.child.kill("SIGINT");
  return playground.exited;
}
