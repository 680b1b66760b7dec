/** The report driver is shared with the playground's --seed (src/playground/report-driver.ts). */
export * from "#src/playground/report-driver.js";
