import { existsSync } from "node:fs";

/**
 * The browser the end-to-end tests drive: Debian's Chromium (Playwright's own download is not
 * available offline). A missing browser fails the run instead of skipping it.
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROME_PATH || "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with: apt-get update && apt-get install -y chromium (or set CHROME_PATH)`,
    );
  }
  return path;
}

/** Flags for a sandboxed CI container with no GPU, and a browser that calls nobody on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
