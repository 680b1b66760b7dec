/**
 * `npm run bench`: runs every benchmark module in order. Benchmarks report ratios and
 * percentiles; they never fail a build (timing depends on the machine).
 */
const modules = ["./screening.ts", "./report.ts"];

for (const path of modules) {
  const mod = (await import(path)) as { run(): Promise<void> | void };
  await mod.run();
}
