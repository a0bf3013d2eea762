import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Store } from "../store/types.ts";

/** P1: a refresh token lives 30 days from its issue; every use replaces it. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOKEN_BYTES = 32;

export interface RefreshTokenContext {
  store: Store;
  now: () => number;
}

export type RefreshRotation =
  | { ok: true; teacherId: string; refreshToken: string }
  | {
      ok: false;
      /** `reused`: a token already exchanged came back, so it was copied; its family is revoked. */
      reason: "invalid" | "expired" | "revoked" | "reused";
      /** The teacher the token belonged to, when it was known (for the log). */
      teacherId?: string;
    };

/** Only this is stored: a stolen database does not hold a single usable token. */
export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function insertToken(context: RefreshTokenContext, teacherId: string, family: string) {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  await context.store.refreshTokens.insert({
    tokenHash: hashRefreshToken(token),
    family,
    teacherId,
    expiresAt: context.now() + REFRESH_TOKEN_TTL_MS,
  });
  return token;
}

/** A new token in a new family: one sign-in. */
export function issueRefreshToken(context: RefreshTokenContext, teacherId: string) {
  return insertToken(context, teacherId, randomUUID());
}

/**
 * P1: exchanges a token for its successor in the same family. Presenting a spent token again
 * revokes its whole family: either a thief or the teacher holds the successor, and the server
 * cannot tell which, so both must sign in again.
 */
export async function rotateRefreshToken(
  context: RefreshTokenContext,
  token: string,
): Promise<RefreshRotation> {
  const { store, now } = context;
  const record = await store.refreshTokens.byHash(hashRefreshToken(token));
  if (record === undefined) return { ok: false, reason: "invalid" };
  const { teacherId, family } = record;
  if (record.revokedAt !== null) return { ok: false, reason: "revoked", teacherId };
  const reused = async () => {
    await store.refreshTokens.revokeFamily(family, now());
    return { ok: false, reason: "reused", teacherId } as const;
  };
  if (record.usedAt !== null) return reused();
  if (record.expiresAt <= now()) return { ok: false, reason: "expired", teacherId };
  // Of two concurrent rotations of one token only one marks it: the other is a reuse.
  if (!(await store.refreshTokens.markUsed(record.tokenHash, now()))) return reused();
  return { ok: true, teacherId, refreshToken: await insertToken(context, teacherId, family) };
}

/** Sign-out: the token and every token rotated from the same sign-in stop working. */
export async function revokeRefreshToken(context: RefreshTokenContext, token: string) {
  const record = await context.store.refreshTokens.byHash(hashRefreshToken(token));
  if (record !== undefined)
    await context.store.refreshTokens.revokeFamily(record.family, context.now());
}
