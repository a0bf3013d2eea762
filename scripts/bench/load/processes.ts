// Starting and stopping the processes of a load phase: the server under test (Quorum or an echo
// baseline) and the bot processes, which take their share of the class over IPC.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FromBots, Seats, ToBots } from "./bots.ts";
import type { BotStats } from "./stats.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));

/** Every process this run started: a failing phase must not leave a server or bots behind. */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function started<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export const TEACHER = { email: "load@example.org", password: "a load test password, long enough" };

export interface Served {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** The Quorum server as `pnpm start` runs it (production, SQLite in a fresh data directory). */
export async function startQuorum(): Promise<Served> {
  const dataDir = await mkdtemp(join(tmpdir(), "quorum-load-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  // QUORUM_LOAD_SERVER_ARGS: Node flags for the server alone, e.g. "--cpu-prof" to profile it.
  const flags = process.env.QUORUM_LOAD_SERVER_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = started(
    spawn(process.execPath, [...flags, "apps/server/src/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        // As apps/server's `start` script sets them (glibc's malloc; docs/benchmarks.md, soak).
        NODE_ENV: "production",
        MALLOC_ARENA_MAX: "2",
        MALLOC_MMAP_THRESHOLD_: "131072",
        MALLOC_TRIM_THRESHOLD_: "131072",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        QUORUM_ADMIN_EMAIL: TEACHER.email,
        QUORUM_ADMIN_PASSWORD: TEACHER.password,
      },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  await until(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, "the server");
  return {
    pid: child.pid!,
    port,
    async stop() {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One of the baselines (echo.ts), on a free port it reports on stdout. */
export async function startEcho(kind: "ws" | "colyseus"): Promise<Served> {
  const child = started(
    spawn(process.execPath, [join(here, "echo.ts"), kind], {
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  return { pid: child.pid!, port: Number(line.toString().trim()), stop: () => stopChild(child) };
}

/** A process of bots (bots.ts), joined and acting once a second when this resolves. */
export interface BotProcess {
  measure(): void;
  report(): Promise<BotStats>;
  stop(): Promise<void>;
}

export async function startBots(seats: Seats): Promise<BotProcess> {
  const child = started(
    fork(join(here, "bots.ts"), [], { stdio: ["ignore", "ignore", "inherit", "ipc"] }),
  );
  const tell = (message: ToBots) => child.send(message);
  const next = async <T extends FromBots["type"]>(type: T) => {
    for (;;) {
      const [message] = (await once(child, "message")) as [FromBots];
      if (message.type === type) return message as Extract<FromBots, { type: T }>;
    }
  };
  tell({ type: "join", seats });
  const joined = await next("joined");
  if (joined.failed > 0) {
    throw new Error(`${joined.failed} bots could not join: ${joined.firstError}`);
  }
  return {
    measure: () => tell({ type: "measure" }),
    async report() {
      tell({ type: "report" });
      return (await next("stats")).stats;
    },
    stop: () => stopChild(child, () => child.disconnect()),
  };
}

async function stopChild(child: ChildProcess, politely?: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  if (politely) politely();
  else child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
