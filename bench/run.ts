/**
 * `npm run bench`: compiles the code as production runs it (tsc, not a dev transform) and runs
 * every benchmark in order. Benchmarks report ratios and percentiles; they never fail a build.
 */
import * as offers from "./offers.js";
import * as report from "./report.js";
import * as screening from "./screening.js";

for (const bench of [screening, offers, report]) await bench.run();
