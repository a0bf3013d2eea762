import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, Room } from "@colyseus/core";
import { Client as SdkClient } from "@colyseus/sdk";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./app.ts";
import type { Config } from "./config.ts";

/** A room that exists only in this test: it answers each "echo" with the same payload. */
class EchoRoom extends Room {
  override onCreate(): void {
    this.onMessage("echo", (client: Client, payload: unknown) => client.send("echo", payload));
  }
}

let dataDir: string;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "quorum-app-"));
  const config: Config = {
    port: 0, // any free port
    host: "127.0.0.1",
    nodeEnv: "test",
    logLevel: "silent",
    dataDir,
    publicUrl: undefined,
  };
  server = await startServer(config, {
    rooms: { echo: EchoRoom },
    logger: pino({ level: "silent" }),
  });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("health", () => {
  it("answers /healthz with 200 ok", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 once listening with a writable DATA_DIR", async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { listening: "ok", dataDir: "ok" },
    });
  });
});

describe("GET /api/sessions/:code", () => {
  const status = async (code: string) => {
    const response = await fetch(`${base}/api/sessions/${code}`);
    return [response.status, await response.json()];
  };

  it("P2: refuses a malformed join code with 400 invalid-code", async () => {
    // Too short, too long, lower case, and the ambiguous 0, O, 1, I.
    for (const code of ["ABC23", "ABC2345", "abc234", "ABC230", "ABCO23", "ABC231", "ABCI23"]) {
      expect(await status(code)).toEqual([400, { error: "invalid-code" }]);
    }
  });

  it("answers 404 session-not-found for a well-formed code (no sessions exist yet)", async () => {
    expect(await status("ABC234")).toEqual([404, { error: "session-not-found" }]);
  });

  it("answers JSON 404 for an unknown API route", async () => {
    const response = await fetch(`${base}/api/nothing/here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not-found" });
  });
});

describe("Colyseus on the same port", () => {
  it("lets an SDK client join a room and exchange a message", async () => {
    const client = new SdkClient(base);
    const room = await client.joinOrCreate("echo");
    const reply = new Promise((resolve) => room.onMessage("echo", resolve));
    room.send("echo", { hello: "quorum" });
    expect(await reply).toEqual({ hello: "quorum" });
    await room.leave();
  });

  it("refuses to matchmake an undefined room type", async () => {
    const client = new SdkClient(base);
    await expect(client.joinOrCreate("no-such-room")).rejects.toThrow(/not defined/);
  });
});
