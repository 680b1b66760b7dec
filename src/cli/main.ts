/**
 * `waspada <command>`: one small table of subcommands. bin/waspada.js calls `main`; so does this
 * file when it is run directly (tsx src/cli/main.ts …).
 */
import { pathToFileURL } from "node:url";
import { checkCommand } from "#src/cli/check.js";
import { evalCommand } from "#src/cli/eval.js";
import { exchangeCommand } from "#src/cli/exchange.js";
import { importAgenciesCommand } from "#src/cli/import-agencies.js";
import { playgroundCommand } from "#src/cli/playground.js";

export interface CliCommand {
  summary: string;
  run(argv: string[]): Promise<number>;
}

/** Later issues add `import` and `export` here. */
const COMMANDS: Record<string, CliCommand> = {
  check: {
    summary: 'check a job offer: waspada check "text" | --file F | --jsonl F | stdin',
    run: checkCommand,
  },
  eval: { summary: "run the labelled evaluation set (data/eval/*.jsonl)", run: evalCommand },
  exchange: {
    summary: "cases shared with focal points as JSON Lines: waspada exchange [--from D] [--to D] [--out F]",
    run: exchangeCommand,
  },
  "import-agencies": {
    summary: "mark the agencies of a CSV list as licensed: waspada import-agencies FILE.csv [--dry-run]",
    run: importAgenciesCommand,
  },
  playground: {
    summary: "the whole of Waspada in a browser, nothing to set up: waspada playground [--seed]",
    run: playgroundCommand,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`);
  return [
    "Usage: waspada <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "waspada <command> --help for details.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await main(process.argv.slice(2));
}
