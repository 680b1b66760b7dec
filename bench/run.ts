/**
 * `npm run bench`: compiles the code as production runs it (tsc, not a dev transform) and runs
 * every benchmark in order. Benchmarks report ratios and percentiles; they never fail a build.
 */
import * as report from "./report.js";
import * as screening from "./screening.js";

const only = process.argv[2];
for (const bench of [screening, report])
  if (!only || bench === (only === "report" ? report : screening)) await bench.run();
