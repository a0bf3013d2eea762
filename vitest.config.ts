import { defineConfig } from "vitest/config";

// One Vitest run for unit and integration tests of every package; browser end-to-end tests are
// Playwright's (tests/e2e/*.spec.ts).
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/e2e/**"],
    testTimeout: 20_000,
  },
});
