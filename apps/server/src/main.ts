import { startServer } from "./app.ts";
import { parseConfig } from "./config.ts";
import { startupBanner } from "./network.ts";

/** A shutdown that takes longer than this is stuck: exit anyway so a supervisor can restart. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(1);
}

const server = await startServer(parsed.config).catch((error: unknown) => {
  process.stderr.write(`Quorum could not start: ${String(error)}\n`);
  process.exit(1);
});
// P1: whoever can read this terminal may create the first (admin) account. One write with the
// banner, so a reader that sees the banner sees the setup line too (a pipe may split two writes).
const setupLine =
  server.setupUrl === undefined ? "" : `Create the first teacher account: ${server.setupUrl}\n`;
process.stdout.write(startupBanner(server.urls) + setupLine);

function shutdown(signal: NodeJS.Signals): void {
  process.stdout.write(`${signal} received, shutting down…\n`);
  setTimeout(() => {
    process.stderr.write(`Shutdown took over ${SHUTDOWN_TIMEOUT_MS / 1000} s, exiting.\n`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
// `once`: a second Ctrl-C or SIGTERM falls through to Node's default and ends the process at once.
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
