// Validation on rows written after the rules and the model were fixed (blind): train split only.
import { readFileSync, readdirSync } from "node:fs";
import { readCorpus } from "#src/cli/corpus.js";
import { screenOffer } from "#src/screening/index.js";
const old = new Set<string>();
for (const d of ["/work/main/data/eval", "/work/main/data/eval/corpus"]) for (const f of readdirSync(d).filter((f) => f.endsWith(".jsonl")))
  for (const l of readFileSync(`${d}/${f}`, "utf8").split("\n")) if (l.trim()) old.add(JSON.parse(l).id);
const { rows } = readCorpus();
const V = rows.filter((r) => !old.has(r.id) && r.split === "train");
const res = V.map((r) => ({ r, s: screenOffer(r.text) }));
const pos = (x: any) => x.s.level !== "low";
const show = (name: string, f: (x: any) => boolean) => {
  const sc = res.filter((x) => x.r.label === "scam"), lg = res.filter((x) => x.r.label === "legit");
  const langs = [...new Set(res.map((x) => x.r.lang))].sort();
  console.log(`${name.padEnd(12)} n=${res.length} recall ${(100 * sc.filter(f).length / sc.length).toFixed(1)} (${sc.filter(f).length}/${sc.length}) FPR ${(100 * lg.filter(f).length / lg.length).toFixed(1)} (${lg.filter(f).length}/${lg.length})  ` +
    langs.map((l) => { const a = sc.filter((x) => x.r.lang === l), b = lg.filter((x) => x.r.lang === l); return `${l} ${a.filter(f).length}/${a.length} ${b.filter(f).length}/${b.length}`; }).join(" | "));
};
show("system", pos);
const narrHigh = res.filter((x) => ["warning", "story"].includes(x.r.kind) && (x.s.level === "high" || x.s.level === "critical")).length;
console.log("warnings/stories at high+", narrHigh);
if (process.argv[2] === "-v") for (const x of res.filter((x) => pos(x) !== (x.r.label === "scam"))) console.log(x.r.id, x.r.label, x.r.family, x.s.level, x.s.kind, x.s.model?.effect ?? "", x.s.model?.probability, x.s.indicators.map((h: any) => h.id).join(","), "\n   ", x.r.text.slice(0, 160).replace(/\n/g, " / "));
