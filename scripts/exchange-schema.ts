/** Writes docs/exchange.schema.json from the zod schema (src/reports/exchange.ts). */
import { writeFileSync } from "node:fs";
import { exchangeJsonSchema } from "#src/reports/exchange.js";

writeFileSync("docs/exchange.schema.json", `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`);
