import { defineConfig } from "vitest/config";

/**
 * The playground's real-browser tests (Debian's chromium through playwright-core), run once in CI
 * (`npm run test:browser`), apart from the suite that runs under every Node version.
 */
export default defineConfig({
  resolve: { conditions: ["development"] },
  ssr: { resolve: { conditions: ["development"] } },
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/harness/global-setup.ts", "test/browser/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 20_000,
    pool: "forks",
    fileParallelism: false,
  },
});
