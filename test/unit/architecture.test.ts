/**
 * The shape of src/: imports run one way, features stand alone, screening stays pure, functions
 * stay short. Read from the source itself (Vite's parser), so the rules hold for every file added
 * later. Each list of known exceptions names what is still to untie; it may only shrink: an
 * exception that no longer occurs fails the test until it is struck from the list.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAst } from "vitest/node";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Features that still import another feature (shared code waiting for a neutral home). */
const KNOWN_FEATURE_IMPORTS: string[] = [];

/** Imports left out of the cycle check until they are untied; each closes a cycle today. */
const KNOWN_CYCLE_EDGES: string[] = [];

/** Tables, not logic: one entry per line, as long as the data they hold. */
const TABLES = ["src/redis-keys.ts createKeys"];

/** Functions over the limit, each with why it is not split (none left since issue 12). */
const KNOWN_LONG_FUNCTIONS: string[] = [];

const MAX_FUNCTION_LINES = 120;

interface Import {
  from: string;
  /** A path under src/ (resolved from `#src/…` or a relative specifier), or the bare specifier. */
  to: string;
  typeOnly: boolean;
}

interface SourceFile {
  path: string;
  text: string;
  ast: ReturnType<typeof parseAst>;
}

function listTs(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return listTs(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files: SourceFile[] = listTs("src").map((path) => {
  const text = readFileSync(join(ROOT, path), "utf8");
  return { path, text, ast: parseAst(text, { lang: "ts" }) };
});

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

/** Every node of a tree with its parent, depth first. */
function* nodes(node: Node, parent?: Node): Generator<[Node, Node | undefined]> {
  yield [node, parent];
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent") continue;
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) yield* nodes(child, node);
  }
}

function resolve(from: string, specifier: string): string {
  const ts = (path: string) => path.replace(/\.js$/, ".ts");
  if (specifier.startsWith("#src/")) return ts(`src/${specifier.slice("#src/".length)}`);
  if (specifier.startsWith(".")) return ts(relative(ROOT, join(ROOT, dirname(from), specifier)));
  return specifier;
}

function importsOf(file: SourceFile): Import[] {
  const found: Import[] = [];
  for (const [node] of nodes(file.ast as unknown as Node)) {
    const source = node.source as { value?: unknown } | undefined;
    if (typeof source?.value !== "string") continue;
    if (!/^(Import|ExportNamed|ExportAll)Declaration$|^ImportExpression$/.test(node.type)) continue;
    const typeOnly = node.importKind === "type" || node.exportKind === "type";
    found.push({ from: file.path, to: resolve(file.path, source.value), typeOnly });
  }
  return found;
}

const imports = files.flatMap(importsOf);
const edge = (i: Import) => `${i.from} -> ${i.to}`;
const inside = (path: string, dir: string) => path.startsWith(`${dir}/`);

/** Strongly connected groups of more than one file (Tarjan), over the given edges. */
function cycles(edges: Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const file of files) if (!index.has(file.path)) visit(file.path);
  return groups;
}

/**
 * Each function's own lines: a nested function of ten lines or more is measured on its own (as a
 * class's methods are), so a factory that returns a few functions is not one long function.
 */
function functionLengths(file: SourceFile): Array<{ name: string; lines: number }> {
  const starts = [0];
  for (let i = 0; i < file.text.length; i++) if (file.text[i] === "\n") starts.push(i + 1);
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const measured: Array<{ name: string; lines: number }> = [];
  const open: Array<{ nested: Set<number> }> = [];
  const visit = (node: Node, parent?: Node) => {
    const isFunction =
      /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(node.type) && node.body;
    const first = lineAt(node.start);
    const last = lineAt(node.end);
    const frame = { nested: new Set<number>() };
    if (isFunction) {
      const outer = open.at(-1);
      if (outer && last - first + 1 >= 10) for (let l = first; l <= last; l++) outer.nested.add(l);
      open.push(frame);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent") continue;
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child, node);
    }
    if (!isFunction) return;
    open.pop();
    const lines = last - first + 1 - frame.nested.size;
    measured.push({ name: functionName(node, parent), lines });
  };
  visit(file.ast as unknown as Node);
  return measured;
}

function functionName(node: Node, parent?: Node): string {
  const named = (value: unknown) => (value as { name?: string } | undefined)?.name;
  return (
    named(node.id) ??
    (parent?.type === "VariableDeclarator" ? named(parent.id) : undefined) ??
    (parent?.type === "MethodDefinition" || parent?.type === "Property" ? named(parent.key) : undefined) ??
    "(anonymous)"
  );
}

describe("functions stay short", () => {
  it(`no function in src/ is over ${MAX_FUNCTION_LINES} lines, tables aside`, () => {
    const long = files.flatMap((file) =>
      functionLengths(file)
        .filter((f) => f.lines > MAX_FUNCTION_LINES)
        .map((f) => `${file.path} ${f.name}`),
    );
    expect(long.filter((f) => !TABLES.includes(f)).sort()).toEqual([...KNOWN_LONG_FUNCTIONS].sort());
  });
});

describe("the app", () => {
  it("createApp is wiring only: under 100 lines", () => {
    const app = files.find((f) => f.path === "src/app.ts")!;
    const createApp = functionLengths(app).find((f) => f.name === "createApp");
    expect(createApp?.lines).toBeLessThan(100);
  });
});

describe("habits", () => {
  it("tests print nothing: no console output in test/ (speed goes in bench/)", () => {
    const printing = listTs("test").filter((path) =>
      /\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(join(ROOT, path), "utf8")),
    );
    expect(printing.filter((path) => path !== "test/unit/architecture.test.ts")).toEqual([]);
  });
});

describe("imports run one way", () => {
  it("every #src/ and relative import names a file that exists", () => {
    const known = new Set(files.map((f) => f.path));
    const missing = imports.filter((i) => i.to.startsWith("src/") && !known.has(i.to)).map(edge);
    expect(missing).toEqual([]);
  });

  it("src/ has no import cycle, type-only imports included", () => {
    const known = new Set(KNOWN_CYCLE_EDGES);
    const local = imports.filter((i) => i.to.startsWith("src/"));
    expect(cycles(local.filter((i) => !known.has(edge(i))))).toEqual([]);
    const stale = KNOWN_CYCLE_EDGES.filter((e) => !local.some((i) => edge(i) === e));
    expect(stale, "struck from KNOWN_CYCLE_EDGES").toEqual([]);
  });

  it("only bot/ (and the app that wires it) imports bot/; render/, reports/ and checks/ import no job", () => {
    const below = [
      "src/jobs",
      "src/render",
      "src/checks",
      "src/callback-data",
      "src/reports",
      "src/analysis",
      "src/privacy",
    ];
    const upward = imports.filter(
      (i) =>
        (below.some((dir) => inside(i.from, dir)) && inside(i.to, "src/bot")) ||
        (["src/render", "src/reports", "src/checks"].some((dir) => inside(i.from, dir)) &&
          inside(i.to, "src/jobs")),
    );
    expect(upward.map(edge)).toEqual([]);
  });

  it("a feature never imports another feature", () => {
    const features = imports.filter(
      (i) => inside(i.from, "src/bot/features") && inside(i.to, "src/bot/features") && i.from !== i.to,
    );
    expect([...new Set(features.map(edge))].sort()).toEqual(KNOWN_FEATURE_IMPORTS);
  });

  it("screening imports nothing of src/ outside itself (packages, node: and data/ only)", () => {
    const outside = imports.filter(
      (i) => inside(i.from, "src/screening") && i.to.startsWith("src/") && !inside(i.to, "src/screening"),
    );
    expect(outside.map(edge)).toEqual([]);
  });
});
