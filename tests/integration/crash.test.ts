import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeReplay, TICKS_PER_SECOND, verify } from "@quorum/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import { api, connect, sendHost, until } from "./harness.ts";

// S2's acceptance: the real server process, killed with SIGKILL mid-round and started again.

const MAIN = fileURLToPath(new URL("../../apps/server/src/main.ts", import.meta.url));
const ADMIN = { email: "ada@example.org", password: "a password for the crash test" };

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "quorum-crash-"));
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

/** `node apps/server/src/main.ts` on this Node (24) with real timings, on the test's DATA_DIR. */
async function startMain(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      PORT: String(port),
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      QUORUM_ADMIN_EMAIL: ADMIN.email,
      QUORUM_ADMIN_PASSWORD: ADMIN.password,
    },
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  await until(() => {
    if (child.exitCode !== null) throw new Error(`main.ts exited:\n${output}`);
    return output.includes(`Quorum is running at ${base}\n`);
  }, "the server to start");
  return { child, base };
}

async function signIn(base: string): Promise<string> {
  const answer = await api({ base }, "POST", "/api/auth/login", { body: ADMIN });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status}`);
  return answer.body.accessToken;
}

it("S2: after kill -9 mid-round and a restart, the round is listed as interrupted and replays up to its last flushed second", async () => {
  const first = await startMain();
  const token = await signIn(first.base);
  const session = (await api(first, "POST", "/api/sessions", { token })).body;
  const host = await connect(first, session.roomId, token);
  sendHost(host, { type: "configure", mode: "routing", config: { trafficRate: 5 }, nodes: 6 });
  sendHost(host, { type: "start" });
  await until(() => host.json().phase === "running", "the round to run");
  // A teacher's fault: an input in the log, which the replay must apply at its tick.
  await until(() => host.json().tick >= 10, "a second of play");
  sendHost(host, { type: "fault", fault: { type: "crash", node: 1 } });
  await until(() => host.json().tick >= 35, "three and a half seconds of play", 30_000);

  // The server is at least at the tick the host last saw when it dies.
  const killTick = host.json().tick as number;
  first.child.kill("SIGKILL");
  await once(first.child, "exit");

  const second = await startMain();
  const again = await signIn(second.base);
  const listed = await api(second, "GET", `/api/sessions/${session.id}/rounds`, { token: again });
  expect(listed.body.rounds).toEqual([
    expect.objectContaining({ number: 1, status: "interrupted", summary: null }),
  ]);
  const [round] = listed.body.rounds;
  expect(round.endedAt).toEqual(expect.any(Number));
  // Written at least every second of the room's clock, which a tick (100 ms) never outruns:
  // at most a second of ticks, and the one sharing the write's beat, is lost.
  expect(round.endTick).toBeGreaterThanOrEqual(killTick - TICKS_PER_SECOND - 1);
  expect(round.endTick).toBeLessThanOrEqual(killTick + TICKS_PER_SECOND);

  const response = await fetch(`${second.base}/api/sessions/${session.id}/rounds/1/replay`, {
    headers: { authorization: `Bearer ${again}` },
  });
  expect(response.status).toBe(200);
  const decoded = decodeReplay(new Uint8Array(await response.arrayBuffer()));
  if (!decoded.ok) throw new Error(`not a replay: ${JSON.stringify(decoded.problem)}`);
  const log = decoded.value;
  expect(log.endTick).toBe(round.endTick);
  expect(log.inputs).toContainEqual(
    expect.objectContaining({ actor: "host", action: { type: "crash", node: 1 } }),
  );
  expect(verify(log)).toEqual({
    ok: true,
    value: { ticks: round.endTick, checkpoints: log.checkpoints.length },
  });
  second.child.kill("SIGTERM");
  expect((await once(second.child, "exit"))[0]).toBe(0);
}, 60_000);
