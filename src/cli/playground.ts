/**
 * `waspada playground [--seed] [--port N]`: the whole of Waspada in a browser, nothing to set up.
 * Runs until Ctrl-C (or SIGTERM), then stops everything it started and removes its files.
 */
import { PlaygroundStartError, startPlayground } from "#src/playground/run.js";

const USAGE = `Usage: waspada playground [--seed] [--port N]

Starts the real bot against a Telegram emulator, with its own Redis, and serves a page with a
person's chat, the officers' group and the focal-point channels.
  --seed     fill it with a dozen sample reports in several states
  --port N   the page's port (default: PLAYGROUND_PORT or 3000)
REDIS_URL  use this Redis instead of a private redis-server (keys under a fresh prefix, removed at exit)`;

export async function playgroundCommand(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const portIndex = argv.indexOf("--port");
  const rawPort = portIndex >= 0 ? argv[portIndex + 1] : (process.env.PLAYGROUND_PORT ?? "3000");
  const port = Number(rawPort);
  const known = new Set(["--seed", "--port", ...(portIndex >= 0 ? [argv[portIndex + 1]] : [])]);
  const unknown = argv.filter((arg) => !known.has(arg));
  if (!Number.isInteger(port) || port < 0 || port > 65_535 || unknown.length > 0) {
    console.error(unknown.length > 0 ? `Unknown option ${unknown[0]}\n\n${USAGE}` : `Not a port: ${rawPort}`);
    return 2;
  }
  const out = (line: string) => console.log(line);
  // Listen for Ctrl-C from the start: one during start-up stops what was started once it is up.
  let requestStop = () => {};
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  let playground: Awaited<ReturnType<typeof startPlayground>> | undefined;
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals > 1) process.exit(130);
    out(playground ? "Stopping…" : "Stopping once started (Ctrl-C again to quit at once)…");
    requestStop();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    playground = await startPlayground({ port, seed: argv.includes("--seed"), env: process.env, out });
  } catch (error) {
    if (error instanceof PlaygroundStartError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const outcome = await Promise.race([stopRequested.then(() => "stop" as const), playground.app.finished]);
  await playground.stop();
  if (outcome instanceof Error) {
    console.error(`The bot stopped: ${outcome.message}`);
    return 1;
  }
  out("Stopped; nothing left behind.");
  return 0;
}
