import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { type RunningServer, startServer } from "../app.ts";
import type { Config } from "../config.ts";
import { SqliteStore } from "../store/sqlite.ts";
import type { Store } from "../store/types.ts";

/** A server on a free port with an in-memory store and a clock the test moves by hand. */
export interface TestServer {
  server: RunningServer;
  base: string;
  store: Store;
  clock: { now: number };
  /** Closes the server and the store and removes the data directory. */
  close(): Promise<void>;
}

export const TEST_START = Date.UTC(2025, 8, 1, 8, 0, 0);

export async function startTestServer(
  options: { config?: Partial<Config>; store?: Store } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "quorum-auth-"));
  const store = options.store ?? SqliteStore.open(":memory:");
  const clock = { now: TEST_START };
  const config: Config = {
    port: 0,
    host: "127.0.0.1",
    nodeEnv: "test",
    logLevel: "silent",
    dataDir,
    publicUrl: undefined,
    ...options.config,
  };
  const server = await startServer(config, {
    store,
    now: () => clock.now,
    logger: pino({ level: "silent" }),
  });
  return {
    server,
    base: `http://127.0.0.1:${server.port}`,
    store,
    clock,
    async close() {
      await server.close();
      if (options.store === undefined) await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON came back.
  body: any;
  /** The refresh cookie's value as set by this response: a token, "" when cleared, or undefined. */
  refreshCookie: string | undefined;
  /** The whole Set-Cookie line of the refresh cookie. */
  setCookie: string | undefined;
}

/** One request to the API; `body` is sent as JSON unless it is already a string. */
export async function api(
  base: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    cookie?: string;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  if (options.cookie !== undefined) headers.cookie = `quorum_refresh=${options.cookie}`;
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  const setCookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith("quorum_refresh="));
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
    setCookie,
    refreshCookie: setCookie?.slice("quorum_refresh=".length).split(";")[0],
  };
}
