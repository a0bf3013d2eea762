import { randomBytes } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";

/** Where the generated signing secret is kept when QUORUM_JWT_SECRET is unset. */
export const JWT_SECRET_FILE = "jwt-secret";
const GENERATED_BYTES = 32;

/**
 * P1: the key that signs every token. QUORUM_JWT_SECRET when set (config.ts checks its length);
 * otherwise 32 random bytes generated on the first start and kept, readable by this user only,
 * in DATA_DIR/jwt-secret, so tokens stay valid across restarts with no configuration at all.
 */
export async function loadJwtSecret(
  configured: string | undefined,
  dataDir: string,
  logger: Logger,
): Promise<Uint8Array> {
  if (configured !== undefined) return new TextEncoder().encode(configured);
  const path = join(dataDir, JWT_SECRET_FILE);
  const generated = randomBytes(GENERATED_BYTES);
  try {
    // `wx`: of two processes starting on one DATA_DIR, one writes and the other reads its secret.
    await writeFile(path, `${generated.toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    logger.info({ path }, "generated the token signing secret");
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = Buffer.from((await readFile(path, "utf8")).trim(), "base64url");
  if (secret.length < GENERATED_BYTES) {
    throw new Error(
      `${path} does not hold a signing secret of ${GENERATED_BYTES} bytes; delete it to generate a new one (everyone will have to sign in again).`,
    );
  }
  if (((await stat(path)).mode & 0o077) !== 0) {
    logger.warn({ path }, "the token signing secret is readable by other users: chmod 600 it");
  }
  return new Uint8Array(secret);
}
