import { normalise } from "#src/screening/normalise.js";
import { extract } from "#src/screening/extract/index.js";
import { homeCountryOf } from "#src/screening/facts.js";
import { screenOffer } from "#src/screening/index.js";
const t = process.argv[2]!;
const n = normalise(t);
console.log(homeCountryOf(n.original), extract(n).money.map((m) => [m.raw, m.currency, m.period, m.context, m.usdAmount]));
const r = screenOffer(t); console.log(r.level, r.kind, r.model, r.indicators.map((h) => h.id));
