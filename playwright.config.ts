import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./tests/e2e/chromium.ts";
import { E2E_TEACHER } from "./tests/e2e/teacherAccount.ts";

// The README's run command serves on 2567; the tests use the same production build and server
// (E2E_PORT only to run two suites side by side on a developer machine).
const PORT = Number(process.env.E2E_PORT ?? 2567);
const baseURL = `http://localhost:${PORT}`;
// A fresh data directory per run, so the teacher account below is the only one. The workers
// load this file again: they inherit the runner's directory through the environment.
process.env.QUORUM_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "quorum-e2e-"));

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // A 2-core machine: one browser at a time keeps timings calm.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "phone",
      use: {
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
    { name: "projector", use: { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 } },
  ],
  webServer: {
    command: "pnpm start",
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(PORT),
      DATA_DIR: process.env.QUORUM_E2E_DATA_DIR,
      // P1: an unattended first account for the teacher tests (tests/e2e/teacher.spec.ts).
      QUORUM_ADMIN_EMAIL: E2E_TEACHER.email,
      QUORUM_ADMIN_PASSWORD: E2E_TEACHER.password,
    },
    reuseExistingServer: !process.env.CI,
    // `pnpm start` builds the client first.
    timeout: 180_000,
    stdout: "pipe",
  },
});
