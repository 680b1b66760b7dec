/**
 * Plain words (issue 14): every message people read, rendered with sample arguments as the bot
 * fills them, must come out as finished text — no raw key, no unfilled placeable, no internal id
 * (snake_case names, enum codes) — and in Indonesian without English words from the list below,
 * and with each acronym explained where a message first uses it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { OFFICER_COMMANDS, PRIVATE_COMMANDS } from "#src/bot/commands.js";
import { LOCALES_DIR } from "#src/bot/i18n.js";
import { MENU_ITEMS } from "#src/bot/keyboards/main-menu.js";
import { CASE_ACTIONS } from "#src/callback-data/case.js";
import { SUPPORTED_LOCALES } from "#src/render/locales.js";
import { IDENTIFIER_KINDS } from "#src/reports/identifiers.js";
import { STATUSES } from "#src/reports/status.js";
import { readCatalogueFile } from "#src/screening/catalogue.js";
import { readDataFile } from "#src/screening/data-files.js";

/** Files people read in the private chat; the officers', focal points' and playground's are not. */
const PEOPLE_FILES = /^[a-z]+(?:\.(?:screening|notify|screenshots|opinion))?\.ftl$/;
/** Messages of the command-line tool, not of the chat. */
const NOT_IN_CHAT = /^screening-cli-/;

/**
 * English words that must not appear in the Indonesian UI (whole words, any case). Loanwords
 * Indonesians use every day (online, chat, admin, username, data, visa, WhatsApp) are not here;
 * names of apps and portals ("Safe Travel", "Portal Peduli WNI") are proper nouns.
 */
const ENGLISH_IN_INDONESIAN = [
  "hotline",
  "call center",
  "free",
  "24 h",
  "report",
  "check",
  "scam",
  "job order",
  "focal point",
  "cancel",
  "skip",
  "done",
  "send",
  "back",
  "next",
  "yes",
  "please",
  "click",
  "tap",
  "the",
  "and",
  "you",
  "your",
  "from abroad",
  "screenshot",
  "step",
  "case",
  "warning",
  "agency",
  "medical",
  "deal",
  "fintech",
  "selfie",
];

/**
 * Acronyms and jargon a migrant's mother cannot be expected to know: where a message first uses
 * one, the words around it say what it is — "P3MI (perusahaan penempatan berizin)" or
 * "perusahaan penempatan berizin (P3MI)".
 */
const JARGON = [
  "P3MI",
  "SIP2MI",
  "SISKOP2MI",
  "BP3MI",
  "BP2MI",
  "KP2MI",
  "PMI",
  "KBRI",
  "Disnaker",
  "focal point",
];

const NUMBERS = new Set([
  "count",
  "screenshots",
  "max",
  "texts",
  "minutes",
  "percent",
  "chars",
  "total",
  "step",
  "sessionDays",
  "retentionDays",
  "score",
  "length",
  "hours",
  "days",
  "reports",
  "starts",
  "checks",
  "n",
]);

const hotlines = (readDataFile("hotlines.json") as { hotlines: Array<{ id: string; name: string }> })
  .hotlines;

/** The values the bot passes for a variable: several where a message chooses by them. */
function samples(name: string, locale: string): Array<string | number> {
  if (NUMBERS.has(name)) return [1, 3];
  const id = locale === "id";
  switch (name) {
    case "kind":
      // Screening passes the identifier's kind as stored (src/screening/screen.ts).
      return [...IDENTIFIER_KINDS];
    case "hotline":
      return hotlines.map((h) => h.id);
    case "name":
      return ["Sari"];
    case "id":
    case "ids":
      return ["K7QM-4T2X"];
    case "value":
    case "phone":
    case "contact":
    case "number":
      return ["+62 812 3456 7890"];
    case "operator":
      return ["Yayasan Contoh"];
    case "bot":
      return ["WaspadaBot"];
    case "date":
      return ["2026-01-05"];
    case "level":
    case "rules":
      return [id ? "tinggi" : "high"];
    case "status":
      return [id ? "sedang diperiksa" : "being reviewed"];
    case "language":
      return [id ? "Bahasa Indonesia" : "English"];
    case "country":
    case "countries":
      return [id ? "Kamboja" : "Cambodia"];
    case "sender":
      return ["Budi"];
    default:
      return [id ? "contoh" : "example"];
  }
}

interface Rendered {
  file: string;
  key: string;
  args: Record<string, string | number>;
  text: string;
  errors: string[];
}

/** Variables a pattern uses, found in its syntax tree and in the messages it refers to. */
function variablesOf(
  bundle: FluentBundle,
  node: unknown,
  found = new Set<string>(),
  seen = new Set<string>(),
) {
  if (Array.isArray(node)) for (const item of node) variablesOf(bundle, item, found, seen);
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.type === "var" && typeof record.name === "string") found.add(record.name);
    // A referenced message is resolved with the caller's arguments.
    if (record.type === "mesg" && typeof record.name === "string" && !seen.has(record.name)) {
      seen.add(record.name);
      variablesOf(bundle, bundle.getMessage(record.name)?.value, found, seen);
    }
    for (const value of Object.values(record)) variablesOf(bundle, value, found, seen);
  }
  return found;
}

function render(locale: string): Rendered[] {
  const files = readdirSync(LOCALES_DIR).filter((f) => f.split(".")[0] === locale && f.endsWith(".ftl"));
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const owners = new Map<string, string>();
  for (const file of files) {
    const resource = new FluentResource(readFileSync(join(LOCALES_DIR, file), "utf8"));
    bundle.addResource(resource);
    for (const entry of resource.body) owners.set(entry.id, file);
  }
  const out: Rendered[] = [];
  for (const [key, file] of owners) {
    const message = bundle.getMessage(key);
    if (!message?.value) continue;
    const variables = [...variablesOf(bundle, message.value)];
    const base = Object.fromEntries(variables.map((v) => [v, samples(v, locale)[0]!]));
    const variants: Array<Record<string, string | number>> = [base];
    for (const v of variables)
      for (const value of samples(v, locale).slice(1)) variants.push({ ...base, [v]: value });
    // A hotline is passed with its data's (English) name as the fallback the message must not need.
    if (variables.includes("hotline"))
      for (const h of hotlines) variants.push({ ...base, hotline: h.id, name: h.name });
    for (const args of variants) {
      const errors: Error[] = [];
      const text = bundle.formatPattern(message.value, args, errors);
      out.push({ file, key, args, text, errors: errors.map((e) => e.message) });
    }
  }
  return out;
}

/** What is left of a text once addresses, handles and sample arguments are taken out. */
function words(r: Rendered): string {
  let text = r.text;
  for (const [name, value] of Object.entries(r.args))
    if (typeof value === "string" && !(name === "name" && "hotline" in r.args))
      text = text.split(value).join(" ");
  return text.replace(/https?:\/\/\S+|\b[\w.-]+\.(?:go\.id|com|org|id)\b\S*|@\w+|(?<!\S)\/\w+/g, " ");
}

const INTERNAL_ID = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
const ENUM_CODES = new Set<string>([...STATUSES, ...IDENTIFIER_KINDS].filter((c) => c.includes("_")));

function problems(r: Rendered, locale: string): string[] {
  const found: string[] = [];
  if (r.errors.length) found.push(`errors: ${r.errors.join("; ")}`);
  if (r.text.trim() === "" || r.text === r.key || r.text.includes(`{${r.key}}`)) found.push("raw key");
  if (/\{\s*\$?[\w-]+\s*\}/.test(r.text)) found.push("unfilled placeable");
  const plain = words(r);
  // A value the bot passes in must never come out as is when it is an internal code.
  for (const value of Object.values(r.args))
    if (typeof value === "string" && ENUM_CODES.has(value) && r.text.includes(value))
      found.push(`internal id "${value}"`);
  const id = INTERNAL_ID.exec(plain);
  if (id) found.push(`internal id "${id[0]}"`);
  if (!PEOPLE_FILES.test(r.file) || NOT_IN_CHAT.test(r.key)) return found;
  if (locale === "id") {
    for (const word of ENGLISH_IN_INDONESIAN) {
      if (new RegExp(`(?<![\\p{L}\\d])${word.replace(/ /g, "\\s+")}(?![\\p{L}\\d])`, "iu").test(plain))
        found.push(`English "${word}"`);
    }
  }
  for (const term of JARGON) {
    const at = new RegExp(`(?<![\\p{L}\\d])${term}(?![\\p{L}\\d])`, "u").exec(plain);
    if (!at) continue;
    const before = plain.slice(0, at.index).trimEnd();
    const after = plain.slice(at.index + term.length).trimStart();
    // Explained where it first appears: "TERM (what it is)" or "what it is (TERM …)", also "(X, formerly TERM)".
    const open = before.lastIndexOf("(");
    const inWordsParenthesis = open > before.lastIndexOf(")") && /\p{L}{3,}\s*$/u.test(before.slice(0, open));
    const explained = /^\([^)]{6,}\)/.test(after) || inWordsParenthesis;
    if (!explained) found.push(`"${term}" not explained`);
  }
  return found;
}

describe("plain words in every message", () => {
  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: no raw key, unfilled placeable, internal id, English word or unexplained acronym`, () => {
      const failures = render(locale).flatMap((r) =>
        problems(r, locale).map((p) => `${r.file} ${r.key} ${JSON.stringify(r.args)}: ${p}`),
      );
      expect([...new Set(failures)]).toEqual([]);
    });
  }

  it("notices what it is meant to notice", () => {
    const check = (key: string, text: string, args: Record<string, string | number> = {}) =>
      problems({ file: "id.ftl", key, args, text, errors: [] }, "id");
    expect(check("a", "a")).toContain("raw key");
    expect(check("b", "Halo {$name}")).toContain("unfilled placeable");
    expect(check("c", "Akun telegram_handle ini", { kind: "telegram_handle" })).toContain(
      'internal id "telegram_handle"',
    );
    expect(check("d", "Hubungi hotline KBRI (Kedutaan Besar RI)")).toContain('English "hotline"');
    expect(check("e", "Cek izin P3MI di sini")).toContain('"P3MI" not explained');
    expect(check("f", "Cek P3MI (perusahaan penempatan berizin) di sini")).toEqual([]);
    expect(check("g", "Cek perusahaan penempatan berizin (P3MI) di sini")).toEqual([]);
    expect(check("h", "Hubungi kementerian pekerja migran (KP2MI, dulu BP2MI)")).toEqual([]);
    expect(check("i", "Cek di SISKOP2MI, lalu BP3MI (kantor provinsi)")).toContain(
      '"SISKOP2MI" not explained',
    );
  });
});

describe("keys the bot builds from a value", () => {
  const catalogue = readCatalogueFile() as { indicators: Array<{ id: string; category: string }> };
  /** Every key the code composes (`status-${status}` …) for every value it can compose it with. */
  const families: Array<[string, readonly string[]]> = [
    ["status-", STATUSES],
    ["list-word-", STATUSES],
    ["list-words-", STATUSES],
    ["card-button-", CASE_ACTIONS],
    ["cmd-", PRIVATE_COMMANDS],
    ["cmd-officer-", OFFICER_COMMANDS],
    ["menu-", MENU_ITEMS],
    ["identifier-kind-", IDENTIFIER_KINDS],
    ["check-level-name-", ["low", "medium", "high", "critical"]],
    ["screening-level-", ["low", "medium", "high", "critical"]],
    ["screening-indicator-", catalogue.indicators.map((i) => i.id)],
    ["fp-reason-", [...new Set(catalogue.indicators.map((i) => i.category))]],
  ];
  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: exist for every value, so no raw key reaches anyone`, () => {
      const ids = new Set(render(locale).map((r) => r.key));
      const missing = families.flatMap(([prefix, values]) =>
        values.map((v) => `${prefix}${v}`).filter((key) => !ids.has(key)),
      );
      expect(missing).toEqual([]);
    });
  }
});
