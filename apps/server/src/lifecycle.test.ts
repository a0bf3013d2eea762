import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloseCode, Room } from "@colyseus/core";
import { Client as SdkClient } from "@colyseus/sdk";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "./app.ts";
import type { Config } from "./config.ts";

class IdleRoom extends Room {}

let dataDir: string;
const logger = pino({ level: "silent" });
const config = (): Config => ({
  port: 0,
  host: "127.0.0.1",
  nodeEnv: "test",
  logLevel: "silent",
  dataDir,
  publicUrl: undefined,
});

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "quorum-lifecycle-"));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it("close() disposes rooms with connected clients, then frees the port", async () => {
  const server = await startServer(config(), { rooms: { idle: IdleRoom }, logger });
  const base = `http://127.0.0.1:${server.port}`;
  const room = await new SdkClient(base).joinOrCreate("idle");
  const left = new Promise<number>((resolve) => room.onLeave(resolve));

  await server.close();
  await server.close(); // idempotent: a second signal must not throw

  expect(await left).toBe(CloseCode.SERVER_SHUTDOWN);
  await expect(fetch(`${base}/healthz`)).rejects.toThrow();
});

it("rejects when the port is taken, and a later server still starts", async () => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
  const takenPort = (squatter.address() as AddressInfo).port;
  await expect(startServer({ ...config(), port: takenPort }, { logger })).rejects.toMatchObject({
    code: "EADDRINUSE",
  });
  await new Promise((resolve) => squatter.close(resolve));

  const server = await startServer(config(), { logger });
  const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  expect(response.status).toBe(200);
  await server.close();
});
