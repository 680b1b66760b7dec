import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["development"] },
  ssr: { resolve: { conditions: ["development"] } },
  test: {
    include: ["test/**/*.test.ts"],
    // The playground's browser tests run once, on their own (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, "test/browser/**"],
    globalSetup: ["test/harness/global-setup.ts"],
    testTimeout: 30_000,
    teardownTimeout: 10_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
