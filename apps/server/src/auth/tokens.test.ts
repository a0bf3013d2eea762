import { createHash, randomBytes } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite.ts";
import type { Store } from "../store/types.ts";
import { hashRefreshToken, REFRESH_TOKEN_TTL_MS } from "./refreshTokens.ts";
import {
  ACCESS_TOKEN_TTL_MS,
  createTokenService,
  type JwtContext,
  PLAYER_TOKEN_TTL_MS,
  signAccessToken,
  signPlayerToken,
  type TokenService,
  verifyAccessToken,
  verifyPlayerToken,
} from "./tokens.ts";

const T0 = Date.UTC(2025, 8, 1, 8, 0, 0);
const SECOND = 1000;

let clock: number;
const context = (secret = new Uint8Array(32).fill(1)): JwtContext => ({ secret, now: () => clock });
const teacher = { id: "teacher-1", role: "teacher" } as const;
const player = { id: "player-1", sessionId: "session-1" };

beforeEach(() => {
  clock = T0;
});

describe("access tokens", () => {
  it("P1: carry sub, role, typ access and issuer quorum, signed HS256, for 10 minutes", async () => {
    const token = await signAccessToken(context(), teacher);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(decodeJwt(token)).toEqual({
      typ: "access",
      sub: "teacher-1",
      role: "teacher",
      iss: "quorum",
      iat: T0 / SECOND,
      exp: T0 / SECOND + 600,
    });
    expect(ACCESS_TOKEN_TTL_MS).toBe(600 * SECOND);
    expect(await verifyAccessToken(context(), token)).toEqual({
      ok: true,
      claims: {
        typ: "access",
        sub: "teacher-1",
        role: "teacher",
        iat: T0 / 1000,
        exp: T0 / 1000 + 600,
      },
    });
  });

  it("P1: expire after 10 minutes", async () => {
    const token = await signAccessToken(context(), teacher);
    clock = T0 + ACCESS_TOKEN_TTL_MS - SECOND;
    expect((await verifyAccessToken(context(), token)).ok).toBe(true);
    clock = T0 + ACCESS_TOKEN_TTL_MS;
    expect(await verifyAccessToken(context(), token)).toEqual({ ok: false, reason: "expired" });
  });

  it("P1: a forged signature or an altered claim is invalid", async () => {
    const token = await signAccessToken(context(), teacher);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const flipped = signature[10] === "A" ? "B" : "A";
    const forgedSignature = `${header}.${payload}.${signature.slice(0, 10)}${flipped}${signature.slice(11)}`;
    expect(await verifyAccessToken(context(), forgedSignature)).toEqual({
      ok: false,
      reason: "invalid",
    });

    const claims = { ...decodeJwt(token), role: "admin" };
    const promoted = Buffer.from(JSON.stringify(claims)).toString("base64url");
    expect(await verifyAccessToken(context(), `${header}.${promoted}.${signature}`)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("P1: a token signed with another secret is invalid, even an expired one", async () => {
    const token = await signAccessToken(context(randomBytes(32)), teacher);
    expect(await verifyAccessToken(context(), token)).toEqual({ ok: false, reason: "invalid" });
    clock = T0 + 1000 * ACCESS_TOKEN_TTL_MS;
    expect(await verifyAccessToken(context(), token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("P1: an unsigned token (alg none), another issuer or garbage is invalid", async () => {
    const claims = { typ: "access", sub: "teacher-1", role: "admin" };
    const unsigned = new UnsecuredJWT(claims)
      .setIssuer("quorum")
      .setIssuedAt(T0 / SECOND)
      .setExpirationTime(T0 / SECOND + 600)
      .encode();
    const otherIssuer = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("someone-else")
      .setIssuedAt(T0 / SECOND)
      .setExpirationTime(T0 / SECOND + 600)
      .sign(context().secret);
    for (const token of [unsigned, otherIssuer, "", "not.a.token", "a.b.c.d.e"]) {
      expect(await verifyAccessToken(context(), token)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("P1: a genuine token whose claims are malformed is invalid", async () => {
    const noRole = await new SignJWT({ typ: "access", sub: "teacher-1" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("quorum")
      .setIssuedAt(T0 / SECOND)
      .setExpirationTime(T0 / SECOND + 600)
      .sign(context().secret);
    expect(await verifyAccessToken(context(), noRole)).toEqual({ ok: false, reason: "invalid" });
  });

  it("P6: a player token is refused as an access token, and the other way round", async () => {
    const playerToken = await signPlayerToken(context(), player);
    const accessToken = await signAccessToken(context(), teacher);
    expect(await verifyAccessToken(context(), playerToken)).toEqual({
      ok: false,
      reason: "wrong-type",
    });
    expect(await verifyPlayerToken(context(), accessToken)).toEqual({
      ok: false,
      reason: "wrong-type",
    });
  });
});

describe("player tokens", () => {
  it("P3: carry the player and the session, typ player, for 12 hours", async () => {
    const token = await signPlayerToken(context(), player);
    expect(decodeJwt(token)).toEqual({
      typ: "player",
      sub: "player-1",
      sid: "session-1",
      iss: "quorum",
      iat: T0 / SECOND,
      exp: T0 / SECOND + 12 * 3600,
    });
    clock = T0 + PLAYER_TOKEN_TTL_MS - SECOND;
    expect(await verifyPlayerToken(context(), token)).toMatchObject({
      ok: true,
      claims: { sub: "player-1", sid: "session-1" },
    });
    clock = T0 + PLAYER_TOKEN_TTL_MS;
    expect(await verifyPlayerToken(context(), token)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("refresh tokens", () => {
  let store: Store;
  let tokens: TokenService;
  let teacherId: string;

  beforeEach(async () => {
    store = SqliteStore.open(":memory:");
    tokens = createTokenService({ secret: context().secret, store, now: () => clock });
    const created = await store.teachers.create({
      email: "ada@example.org",
      passwordHash: "x",
      role: "teacher",
      createdAt: T0,
    });
    teacherId = created.ok ? created.value.id : "";
  });

  afterEach(async () => {
    await store.close();
  });

  it("P1: are 32 random bytes, of which only the SHA-256 is stored, good for 30 days", async () => {
    const token = await tokens.issueRefreshToken(teacherId);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(hashRefreshToken(token)).toBe(createHash("sha256").update(token).digest("hex"));
    expect(await store.refreshTokens.byHash(hashRefreshToken(token))).toEqual({
      tokenHash: hashRefreshToken(token),
      family: expect.any(String),
      teacherId,
      expiresAt: T0 + 30 * 24 * 3600 * SECOND,
      usedAt: null,
      revokedAt: null,
    });
    expect(REFRESH_TOKEN_TTL_MS).toBe(30 * 24 * 3600 * SECOND);
    expect(await store.refreshTokens.byHash(token)).toBeUndefined();
  });

  it("P1: rotate on every use: the old one is spent, the new one is in the same family", async () => {
    const first = await tokens.issueRefreshToken(teacherId);
    clock += 60 * SECOND;
    const rotation = await tokens.rotateRefreshToken(first);
    if (!rotation.ok) throw new Error(`rotation refused: ${rotation.reason}`);
    expect(rotation.teacherId).toBe(teacherId);
    expect(rotation.refreshToken).not.toBe(first);
    const old = await store.refreshTokens.byHash(hashRefreshToken(first));
    const next = await store.refreshTokens.byHash(hashRefreshToken(rotation.refreshToken));
    expect(old?.usedAt).toBe(clock);
    expect(next).toMatchObject({
      family: old?.family,
      usedAt: null,
      expiresAt: clock + REFRESH_TOKEN_TTL_MS,
    });
    expect((await tokens.rotateRefreshToken(rotation.refreshToken)).ok).toBe(true);
  });

  it("P1: presenting a spent token revokes the family, the thief's and the owner's tokens alike", async () => {
    const first = await tokens.issueRefreshToken(teacherId);
    const otherSignIn = await tokens.issueRefreshToken(teacherId);
    const second = await tokens.rotateRefreshToken(first);
    if (!second.ok) throw new Error("rotation refused");

    expect(await tokens.rotateRefreshToken(first)).toEqual({
      ok: false,
      reason: "reused",
      teacherId,
    });
    expect(await tokens.rotateRefreshToken(second.refreshToken)).toEqual({
      ok: false,
      reason: "revoked",
      teacherId,
    });
    // Another sign-in (another device) is a different family and survives.
    expect((await tokens.rotateRefreshToken(otherSignIn)).ok).toBe(true);
  });

  it("P1: of two concurrent rotations of one token, one wins and the other is reuse", async () => {
    const token = await tokens.issueRefreshToken(teacherId);
    const results = await Promise.all([
      tokens.rotateRefreshToken(token),
      tokens.rotateRefreshToken(token),
    ]);
    expect(results.map((result) => (result.ok ? "ok" : result.reason)).sort()).toEqual([
      "ok",
      "reused",
    ]);
  });

  it("P1: sign-out revokes the family; an unknown token is ignored", async () => {
    const first = await tokens.issueRefreshToken(teacherId);
    const second = await tokens.rotateRefreshToken(first);
    if (!second.ok) throw new Error("rotation refused");
    await tokens.revokeRefreshToken(first);
    await tokens.revokeRefreshToken("no-such-token");
    expect(await tokens.rotateRefreshToken(second.refreshToken)).toMatchObject({
      ok: false,
      reason: "revoked",
    });
  });

  it("P1: an expired token fails, and so does one never issued", async () => {
    const token = await tokens.issueRefreshToken(teacherId);
    clock = T0 + REFRESH_TOKEN_TTL_MS;
    expect(await tokens.rotateRefreshToken(token)).toEqual({
      ok: false,
      reason: "expired",
      teacherId,
    });
    expect(await tokens.rotateRefreshToken(randomBytes(32).toString("base64url"))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("P1: the service signs and checks access and player tokens with its secret and clock", async () => {
    const accessToken = await tokens.signAccessToken(teacher);
    expect(await tokens.verifyAccessToken(accessToken)).toMatchObject({ ok: true });
    const playerToken = await tokens.signPlayerToken(player);
    expect(await tokens.verifyPlayerToken(playerToken)).toMatchObject({ ok: true });
    clock += PLAYER_TOKEN_TTL_MS;
    expect(await tokens.verifyPlayerToken(playerToken)).toEqual({ ok: false, reason: "expired" });
  });
});
