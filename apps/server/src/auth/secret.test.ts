import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JWT_SECRET_FILE, loadJwtSecret } from "./secret.ts";
import { signAccessToken, verifyAccessToken } from "./tokens.ts";

const logger = pino({ level: "silent" });
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "quorum-secret-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("loadJwtSecret", () => {
  it("P1: without QUORUM_JWT_SECRET, generates 32 bytes once, readable by this user only", async () => {
    const first = await loadJwtSecret(undefined, dataDir, logger);
    expect(first).toHaveLength(32);
    const path = join(dataDir, JWT_SECRET_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(path, "utf8")).trim(), "base64url")).toEqual(
      Buffer.from(first),
    );

    const again = await loadJwtSecret(undefined, dataDir, logger);
    expect(Buffer.from(again)).toEqual(Buffer.from(first));
  });

  it("P1: tokens signed before a restart are still valid after it", async () => {
    const now = () => Date.UTC(2025, 8, 1);
    const before = await loadJwtSecret(undefined, dataDir, logger);
    const token = await signAccessToken({ secret: before, now }, { id: "t", role: "admin" });
    const after = await loadJwtSecret(undefined, dataDir, logger);
    expect((await verifyAccessToken({ secret: after, now }, token)).ok).toBe(true);
  });

  it("P1: uses QUORUM_JWT_SECRET as given and writes no file", async () => {
    const secret = await loadJwtSecret("a-configured-secret-of-32-characters", dataDir, logger);
    expect(new TextDecoder().decode(secret)).toBe("a-configured-secret-of-32-characters");
    await expect(stat(join(dataDir, JWT_SECRET_FILE))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("P1: refuses a damaged secret file, naming it, rather than replacing it silently", async () => {
    const path = join(dataDir, JWT_SECRET_FILE);
    await writeFile(path, "short\n", { mode: 0o600 });
    await expect(loadJwtSecret(undefined, dataDir, logger)).rejects.toThrow(
      `${path} does not hold a signing secret of 32 bytes`,
    );
  });
});
