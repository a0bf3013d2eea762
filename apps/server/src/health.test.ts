import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { healthRouter, readinessChecks } from "./health.ts";

let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), "quorum-health-"));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

it("reports every readiness check as ok when listening with a writable directory", async () => {
  expect(await readinessChecks({ isListening: () => true, dataDir: tempDir })).toEqual({
    listening: "ok",
    dataDir: "ok",
  });
});

it("names the failing checks", async () => {
  const missing = join(tempDir, "missing");
  const checks = await readinessChecks({ isListening: () => false, dataDir: missing });
  expect(checks.listening).toMatch(/not listening/);
  expect(checks.dataDir).toBe(`${missing} is not writable: ENOENT`);
});

it("answers /readyz with 503 and the failing check", async () => {
  // DATA_DIR below a regular file can never be created or written.
  const blocker = join(tempDir, "blocker");
  await writeFile(blocker, "");
  const app = express().use(healthRouter({ isListening: () => true, dataDir: join(blocker, "d") }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not-ready",
      checks: { listening: "ok", dataDir: expect.stringMatching(/is not writable: ENOTDIR$/) },
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
