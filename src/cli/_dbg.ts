import { screenOffer } from "#src/screening/index.js";
import { normalise } from "#src/screening/normalise.js";
import { extract } from "#src/screening/extract/index.js";
const t = process.argv[2]!;
const n = normalise(t);
console.log(n.text.slice(0, 300));
console.log(extract(n).places);
const r = screenOffer(t);
console.log(r.level, r.kind, r.indicators.map((h) => h.id));
