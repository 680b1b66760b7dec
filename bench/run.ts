/**
 * `npm run bench`: compiles the code as production runs it (tsc, not a dev transform) and runs
 * every benchmark in order. Benchmarks report ratios and percentiles; they never fail a build.
 */
import * as flood from "./flood.js";
import * as ocr from "./ocr.js";
import * as offers from "./offers.js";
import * as report from "./report.js";
import * as screening from "./screening.js";

const only = process.argv[2];
const benches = { screening, offers, report, flood, ocr };
for (const [name, bench] of Object.entries(benches)) if (!only || only === name) await bench.run();
