import { evaluateSplits } from "#src/cli/eval.js";
const ev = evaluateSplits() as any;
const split = process.argv[2] ?? "trainCv";
const rows = ev[split].rows as any[];
const dec = (s: any) => s.result.indicators.some((h: any) => h.strength >= 4 && h.points > 0 && h.category !== "destination");
const strong = (s: any) => s.result.indicators.some((h: any) => h.strength >= 3 && h.points > 0);
const scams = rows.filter((s) => s.row.label === "scam"), legit = rows.filter((s) => s.row.label === "legit");
const rate = (arr: any[], f: (s: any) => boolean) => ((arr.filter(f).length / arr.length) * 100).toFixed(1);
console.log("current", rate(scams, (s) => s.positive), rate(legit, (s) => s.positive));
for (const t of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  const f1 = (s: any) => s.result.model.probability >= t || dec(s);
  const f2 = (s: any) => s.result.model.probability >= t || (dec(s) && s.result.level !== "low");
  const f3 = (s: any) => (s.positive && s.result.model.probability >= t / 3) || s.result.model.probability >= t || dec(s);
  console.log(t, "p|dec", rate(scams, f1), rate(legit, f1), " p|dec&flag", rate(scams, f2), rate(legit, f2), " rules&p>t/3|p|dec", rate(scams, f3), rate(legit, f3));
}
