import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "quorum-main-"));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs main.ts on this Node (24, with type stripping) with only the given variables. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, HOST: "127.0.0.1", ...env },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("main.ts", () => {
  it("exits non-zero with one line naming PORT when PORT is invalid", async () => {
    const run = runMain({ PORT: "abc" });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      'Invalid configuration: PORT must be an integer from 1 to 65535 (got "abc")\n',
    );
  });

  it("S1: exits non-zero naming the database when DATABASE_URL's server cannot be reached", async () => {
    const port = await freePort();
    const run = runMain({
      PORT: String(port),
      LOG_LEVEL: "silent",
      // Nothing listens on port 1; the password must not be printed.
      DATABASE_URL: "postgres://quorum:hunter2-secret@127.0.0.1:1/quorum",
    });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(
      /^Quorum could not start: Error: Cannot use the PostgreSQL database quorum@127\.0\.0\.1:1\/quorum: .*ECONNREFUSED.*\n$/,
    );
    expect(run.stderr()).not.toContain("hunter2");
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "prints its URLs, serves /healthz, and exits 0 on %s",
    async (signal) => {
      const port = await freePort();
      const run = runMain({ PORT: String(port), NODE_ENV: "test", LOG_LEVEL: "silent" });
      const started = `Quorum is running at http://127.0.0.1:${port}\n`;
      while (!run.stdout().includes(started)) {
        if (run.child.exitCode !== null) throw new Error(`main.ts exited: ${run.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      run.child.kill(signal);
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toBe("");
    },
    30_000,
  );
});
