import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Where Debian's postgresql package puts each major version's programs. */
const DEBIAN_POSTGRES = "/usr/lib/postgresql";
const SUPERUSER = "quorum";
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** A throw-away PostgreSQL server for tests: its own cluster in a temporary directory. */
export interface TestPostgres {
  /** Creates a fresh, empty database and answers its URL. */
  createDatabase(): Promise<string>;
  /** The URL of the server's `postgres` database, for raw SQL in tests. */
  readonly adminUrl: string;
  /** Stops the server and deletes its directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * S1: starts a real PostgreSQL (Debian's binaries, any installed version) on a free loopback
 * port, its socket in the same temporary directory as its data. As root it runs as the
 * `postgres` user the package creates (initdb refuses root), else as `nobody`. Fails, never
 * skips, when PostgreSQL is not installed: CI installs it (.ci/run).
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = await findBinaries();
  const owner = unprivilegedOwner();
  const dir = await mkdtemp(join(tmpdir(), "quorum-pg-"));
  let server: ChildProcess | undefined;
  try {
    if (owner) await chown(dir, owner.uid, owner.gid);
    const data = join(dir, "data");
    await run(owner, join(bin, "initdb"), [
      ["-D", data],
      ["-U", SUPERUSER],
      ["--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
    ]);
    const started = await startServer(owner, join(bin, "postgres"), data, dir);
    server = started.child;
    const base = `postgres://${SUPERUSER}@127.0.0.1:${started.port}`;
    const adminUrl = `${base}/postgres`;
    let databases = 0;
    let stopping: Promise<void> | undefined;
    const child = server;
    return {
      adminUrl,
      async createDatabase() {
        const name = `quorum_test_${++databases}`;
        await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
        return `${base}/${name}`;
      },
      stop() {
        stopping ??= (async () => {
          await stopServer(child);
          await rm(dir, { recursive: true, force: true });
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (server) await stopServer(server);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function findBinaries(): Promise<string> {
  const versions = await readdir(DEBIAN_POSTGRES).catch(() => [] as string[]);
  const newestFirst = versions
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of newestFirst) {
    const bin = join(DEBIAN_POSTGRES, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "postgres"))) return bin;
  }
  throw new Error(
    `PostgreSQL is not installed: no ${DEBIAN_POSTGRES}/<version>/bin/initdb. The PostgreSQL store tests need Debian's postgresql package: apt-get install -y postgresql (.ci/run installs it).`,
  );
}

interface Owner {
  uid: number;
  gid: number;
}

/** Undefined when not root: the server then runs as whoever runs the tests. */
function unprivilegedOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const users = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["postgres", "nobody"]) {
    const fields = users.find((line) => line.startsWith(`${name}:`))?.split(":");
    if (fields?.[2] && fields[3]) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error(
    "Running as root, and neither a postgres nor a nobody user exists to run PostgreSQL.",
  );
}

function spawnAs(owner: Owner | undefined, command: string, args: string[]): ChildProcess {
  return spawn(command, args, {
    // Node drops root's supplementary groups along with the uid and gid.
    ...owner,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function run(owner: Owner | undefined, command: string, args: string[][]): Promise<void> {
  const child = spawnAs(owner, command, args.flat());
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`${command} failed (exit ${code}):\n${output}`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts `postgres` on a free port; another port when the one it got was taken meanwhile. */
async function startServer(
  owner: Owner | undefined,
  postgres: string,
  data: string,
  socketDir: string,
): Promise<{ child: ChildProcess; port: number }> {
  let problem = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawnAs(owner, postgres, [
      ...["-D", data, "-p", String(port), "-k", socketDir, "-h", "127.0.0.1"],
      // A test database need not survive a power cut.
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ]);
    let log = "";
    child.stderr?.on("data", (chunk) => (log += chunk));
    child.stdout?.resume();
    const kill = () => child.kill("SIGKILL");
    process.once("exit", kill);
    child.once("exit", () => process.off("exit", kill));
    if (await ready(child, `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`)) {
      return { child, port };
    }
    await stopServer(child);
    problem = log;
  }
  throw new Error(`PostgreSQL did not start:\n${problem}`);
}

/** True once the server accepts connections; false when it exited first or never answered. */
async function ready(child: ChildProcess, url: string): Promise<boolean> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    try {
      await withClient(url, (client) => client.query("SELECT 1"));
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT: running transactions are rolled back), SIGKILL when it hangs. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
