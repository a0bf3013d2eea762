import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./app.ts";
import type { Config } from "./config.ts";

const INDEX_HTML = "<!doctype html><title>Quorum</title>";

let tempDir: string;
const config = (): Config => ({
  port: 0,
  host: "127.0.0.1",
  nodeEnv: "production",
  logLevel: "silent",
  dataDir: join(tempDir, "data"),
  publicUrl: undefined,
});

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), "quorum-client-"));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe("production with a client build", () => {
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const dist = join(tempDir, "dist");
    await mkdir(join(dist, "assets"), { recursive: true });
    await writeFile(join(dist, "index.html"), INDEX_HTML);
    await writeFile(join(dist, "assets", "index-Bx7f3k.js"), "console.log('quorum')");
    await writeFile(join(dist, "favicon.svg"), "<svg/>");
    server = await startServer(config(), {
      clientDistDir: dist,
      logger: pino({ level: "silent" }),
    });
    base = `http://127.0.0.1:${server.port}`;
  });

  afterAll(() => server?.close());

  it("P8: serves index.html at / without letting browsers keep a stale copy", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it("falls back to index.html for client-side routes", async () => {
    for (const path of ["/join/ABC234", "/host", "/replay/some/deep/path?x=1"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(await response.text()).toBe(INDEX_HTML);
    }
  });

  it("serves hashed assets with a long immutable cache", async () => {
    const response = await fetch(`${base}/assets/index-Bx7f3k.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-type")).toMatch(/javascript/);
  });

  it("serves other files from the build, revalidated", async () => {
    const response = await fetch(`${base}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 404, not index.html, for a missing file or asset", async () => {
    for (const path of ["/assets/index-gone.js", "/missing.png", "/api/nothing"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not-found" });
    }
  });

  it("keeps the API and health routes ahead of the fallback", async () => {
    const session = await fetch(`${base}/api/sessions/abc`);
    expect([session.status, await session.json()]).toEqual([400, { error: "invalid-code" }]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("does not answer a POST with the app", async () => {
    const response = await fetch(`${base}/join/ABC234`, { method: "POST" });
    expect(response.status).toBe(404);
  });
});

describe("production without a client build", () => {
  it("logs how to build the client and still serves the API", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const server = await startServer(config(), { clientDistDir: join(tempDir, "nowhere"), logger });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      expect(lines.join("")).toContain("pnpm --filter @quorum/client build");
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/api/sessions/ABC234`)).status).toBe(404);
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("pnpm --filter @quorum/client build");
    } finally {
      await server.close();
    }
  });
});
