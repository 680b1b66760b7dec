/** Process entry: environment → configuration → the app → signals. */
import { createApp, FatalStartError } from "#src/app.js";
import { ConfigError, loadDotEnv, parseConfig } from "#src/config.js";

async function main(): Promise<number> {
  loadDotEnv(process.env.ENV_FILE ?? ".env");
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n\nSee .env.example for every variable and what it expects.\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const app = createApp(config);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      app.logger.warn({ signal }, "second signal: exiting now");
      process.exit(130);
    }
    app.logger.info({ signal }, "signal received");
    void app.stop();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    await app.start();
  } catch (error) {
    if (error instanceof FatalStartError) {
      app.logger.fatal(error.message);
      await app.stop();
      return 1;
    }
    throw error;
  }
  const failure = await app.finished;
  await app.stop();
  return failure ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Waspada stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
