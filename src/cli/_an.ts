import { evaluateSplits } from "#src/cli/eval.js";
const r = evaluateSplits() as any;
const fam = process.argv[2];
for (const s of (r.trainCv.rows as any[]).filter((s) => s.row.family === fam && s.positive)) {
  console.log(s.row.id, s.result.level, s.result.kind, "p", s.result.model?.probability, s.result.model?.effect ?? "", "\n ", s.result.indicators.map((h: any) => `${h.id}(${h.strength},${h.points})[${h.evidence.map((e: any) => e.quote).join("|")}]`).join(" "), "\n  ", s.row.text.slice(0, 400).replace(/\n/g, " / "));
}
