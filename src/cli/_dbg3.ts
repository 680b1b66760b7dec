import { readCorpus } from "#src/cli/corpus.js";
import { screenOffer } from "#src/screening/index.js";
import { normalise } from "#src/screening/normalise.js";
import { extract } from "#src/screening/extract/index.js";
import { screeningEngine } from "#src/screening/screen.js";
const ids = process.argv.slice(2);
const { rows } = readCorpus();
const eng: any = screeningEngine();
for (const r of rows.filter((r) => ids.includes(r.id))) {
  const n = normalise(r.text);
  const res = screenOffer(r.text);
  const scan = eng.compiled.matcher.scan(n);
  const ms = (scan.matches ?? scan).filter((m: any) => String(m.id).includes(":") || String(m.id).startsWith("marker"));
  console.log(r.id, res.kind, JSON.stringify(res.kindEvidence), "jobs:", extract(n).jobs.map((j: any) => j.raw ?? j), "markers:", ms.map((m: any) => `${m.id}=${n.text.slice(m.start, m.end)}`).join(", "));
}
