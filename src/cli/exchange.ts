/**
 * `waspada exchange [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]`: the cases shared with
 * focal points as JSON Lines (docs/exchange.md), like /exchange in the moderator group. Needs only
 * the store's variables (REDIS_*, DATA_KEY) and FOCAL_CHANNELS to name each channel's country.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { focalChannelMap, loadStoreConfig } from "#src/config.js";
import { createPseudonymizer } from "#src/privacy/pseudonym.js";
import { createSealer } from "#src/privacy/sealed.js";
import { createRedis, describeRedis } from "#src/redis.js";
import { createKeys } from "#src/redis-keys.js";
import { exchangeJsonLines } from "#src/reports/exchange.js";
import { FocalResponses } from "#src/reports/focal-responses.js";
import { ReportStore } from "#src/reports/store.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const USAGE = [
  "Usage: waspada exchange [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]",
  "",
  "Writes the cases shared with focal points (created from --from up to and including --to;",
  "default the last 30 days) as JSON Lines to FILE or standard output. Format: docs/exchange.md.",
].join("\n");

function day(input: string | undefined): Date | undefined {
  if (input === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) throw new Error(`"${input}" is not a date like 2026-01-31`);
  return new Date(`${input}T00:00:00Z`);
}

export async function exchangeCommand(argv: string[]): Promise<number> {
  let from: Date;
  let to: Date;
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const toDay = day(values.to);
    to = toDay ? new Date(toDay.getTime() + DAY_MS) : new Date();
    from = day(values.from) ?? new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new Error("--from must be before --to");
    out = values.out;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const config = loadStoreConfig();
  if (!config) return 2;
  const channels = focalChannelMap(process.env.FOCAL_CHANNELS?.trim() || undefined);
  const countryOf = (chatId: number) => {
    const served = Object.keys(channels).filter((country) => channels[country] === chatId);
    return served.find((country) => country !== "default") ?? served[0];
  };

  const redis = createRedis(config, { connectionName: "waspada-exchange" });
  redis.on("error", () => {});
  try {
    try {
      await redis.connect();
    } catch {
      console.error(`Cannot reach Redis (${describeRedis(config)}); nothing exported.`);
      return 1;
    }
    const keys = createKeys(config.REDIS_PREFIX);
    const reports = new ReportStore({
      redis,
      keys,
      sealer: createSealer(config.DATA_KEY),
      pseudonymize: createPseudonymizer(config.DATA_KEY),
    });
    const { lines, count } = await exchangeJsonLines(
      { reports, redis, keys, responses: new FocalResponses(redis, keys) },
      { from, to },
      countryOf,
    );
    if (out) {
      writeFileSync(out, lines, "utf8");
      console.error(`${count} cases written to ${out}`);
    } else process.stdout.write(lines);
    return 0;
  } finally {
    redis.disconnect();
  }
}
