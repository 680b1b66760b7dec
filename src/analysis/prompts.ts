/**
 * Prompts are plain files in prompts/, one per task, versioned by file name (`extract.v1.md`);
 * the version used is stored with every result. The offer goes in the user message as DATA between
 * delimiters the offer itself cannot produce.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dataFilePath } from "#src/screening/data-files.js";

const ROOT = join(dirname(dataFilePath("indicators.json")), "..");

export type PromptTask = "extract" | "second-opinion";

/** The versions in use; a new prompt is a new file and a new version here. */
export const PROMPT_VERSIONS: Record<PromptTask, string> = {
  extract: "extract.v1",
  "second-opinion": "second-opinion.v1",
};

const cache = new Map<string, string>();

export function loadPrompt(task: PromptTask): { version: string; text: string } {
  const version = PROMPT_VERSIONS[task];
  let text = cache.get(version);
  if (text === undefined) {
    text = readFileSync(join(ROOT, "prompts", `${version}.md`), "utf8");
    cache.set(version, text);
  }
  return { version, text };
}

/** English explanations of the indicators, from the screening messages, for the prompt's list. */
export function indicatorList(ids: readonly string[]): string {
  const messages = new Map<string, string>();
  for (const line of readFileSync(join(ROOT, "locales", "en.screening.ftl"), "utf8").split("\n")) {
    const m = /^screening-indicator-([a-z0-9_]+)\s*=\s*(.+)$/.exec(line);
    if (m) messages.set(m[1]!, m[2]!.replace(/\{[^}]*\}/g, "…").trim());
  }
  return ids.map((id) => `- ${id}: ${messages.get(id) ?? id.replace(/_/g, " ")}`).join("\n");
}

/** The offer as delimited data; delimiter look-alikes inside it are broken so it cannot close the block. */
export function offerAsData(texts: readonly string[]): string {
  const body = texts
    .join("\n\n")
    .replace(/<<<\s*OFFER/gi, "<< OFFER")
    .replace(/OFFER\s*>>>/gi, "OFFER >>");
  return `<<<OFFER\n${body}\nOFFER>>>`;
}
