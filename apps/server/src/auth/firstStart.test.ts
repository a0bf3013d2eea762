import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

// The whole first start as an operator sees it: main.ts with no configuration but a data
// directory, the setup line on stdout, and a restart that keeps every sign-in valid.

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "quorum-first-start-"));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts main.ts and waits for its banner; answers its stdout so far and a stop function. */
async function start(port: number) {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "silent",
    },
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
  const exited = once(child, "exit");
  while (!stdout.includes("Quorum is running at")) {
    if (child.exitCode !== null) throw new Error(`main.ts exited: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    stdout: () => stdout,
    async stop() {
      child.kill("SIGTERM");
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stderr).toBe("");
    },
  };
}

it("P1: a first start prints a setup URL; the restart keeps the secret and prints none", async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const first = await start(port);
  const line = first.stdout().match(/^Create the first teacher account: (\S+)$/m);
  expect(line?.[1]).toMatch(new RegExp(`^${base}/setup\\?token=[\\w-]{43}$`));
  expect((await stat(join(dataDir, "jwt-secret"))).mode & 0o777).toBe(0o600);
  expect((await stat(join(dataDir, "quorum.db"))).isFile()).toBe(true);

  const token = new URL(line![1]!).searchParams.get("token");
  const setup = await fetch(`${base}/api/auth/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, email: "ada@example.org", password: "correct horse battery" }),
  });
  expect(setup.status).toBe(201);
  const { accessToken } = (await setup.json()) as { accessToken: string };
  await first.stop();

  const second = await start(port);
  expect(second.stdout()).not.toContain("Create the first teacher account");
  const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(me.status).toBe(200);
  await second.stop();
}, 30_000);
