import { evaluateSplits } from "#src/cli/eval.js";

const fam = process.argv[2]!;
const r = evaluateSplits();
for (const s of r
  .trainCv!.rows.filter((x) =>
    x.row.family === fam && x.positive !== (x.row.label === "scam") ? true : false,
  )
  .filter((x) => x.row.family === fam)) {
  const ids = s.result.indicators.filter((h) => h.strength !== 0).map((h) => `${h.id}:${h.points}`);
  console.log(
    `${s.row.id} ${s.result.level} ${s.result.kind} p=${s.result.model?.probability} ${ids.join(",")}\n   ${s.row.text.replace(/\s+/g, " ").slice(0, 260)}`,
  );
}
