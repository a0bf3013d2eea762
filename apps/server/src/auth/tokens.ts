import { errors, type JWTPayload, jwtVerify, SignJWT } from "jose";
import * as v from "valibot";
import { type Player, type Store, TEACHER_ROLES, type Teacher } from "../store/types.ts";
import {
  issueRefreshToken,
  type RefreshRotation,
  revokeRefreshToken,
  rotateRefreshToken,
} from "./refreshTokens.ts";

/** P1: an access token is good for 10 minutes; the refresh token renews it. */
export const ACCESS_TOKEN_TTL_MS = 10 * 60 * 1000;
/** P3: a player token lets the same browser rejoin its node for the rest of a school day. */
export const PLAYER_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
/** P4: a read-only projector link works for a school day too. */
export const PROJECTOR_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
export const TOKEN_ISSUER = "quorum";
const ALGORITHM = "HS256";

const accessClaimsSchema = v.object({
  typ: v.literal("access"),
  sub: v.string(), // the teacher's id
  role: v.picklist(TEACHER_ROLES),
  iat: v.number(),
  exp: v.number(),
});
export type AccessClaims = v.InferOutput<typeof accessClaimsSchema>;

const playerClaimsSchema = v.object({
  typ: v.literal("player"),
  sub: v.string(), // the player's id
  sid: v.string(), // the classroom session's id
  iat: v.number(),
  exp: v.number(),
});
export type PlayerClaims = v.InferOutput<typeof playerClaimsSchema>;

const projectorClaimsSchema = v.object({
  typ: v.literal("projector"),
  sub: v.string(), // the classroom session's id
  iat: v.number(),
  exp: v.number(),
});
export type ProjectorClaims = v.InferOutput<typeof projectorClaimsSchema>;

export type TokenType = "access" | "player" | "projector";

/** Why a token was refused. `wrong-type`: a genuine token of another kind (a player's as a teacher's). */
export type TokenRefusal = "expired" | "invalid" | "wrong-type";

export type TokenCheck<Claims> = { ok: true; claims: Claims } | { ok: false; reason: TokenRefusal };

/** What signs and checks tokens: the secret, and the clock (injectable for tests). */
export interface JwtContext {
  secret: Uint8Array;
  /** Milliseconds since the epoch. */
  now: () => number;
}

async function sign(context: JwtContext, claims: JWTPayload, ttlMs: number): Promise<string> {
  const issuedAt = Math.floor(context.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setIssuer(TOKEN_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + Math.floor(ttlMs / 1000))
    .sign(context.secret);
}

async function verify<Claims>(
  context: JwtContext,
  token: string,
  type: TokenType,
  schema: v.GenericSchema<unknown, Claims>,
): Promise<TokenCheck<Claims>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, context.secret, {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      requiredClaims: ["exp", "iat", "sub"],
      currentDate: new Date(context.now()),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof errors.JOSEError) return { ok: false, reason: "invalid" };
    throw error;
  }
  if (payload.typ !== type) return { ok: false, reason: "wrong-type" };
  const claims = v.safeParse(schema, payload);
  return claims.success ? { ok: true, claims: claims.output } : { ok: false, reason: "invalid" };
}

/** P1: a teacher's access token. */
export function signAccessToken(context: JwtContext, teacher: Pick<Teacher, "id" | "role">) {
  return sign(context, { typ: "access", sub: teacher.id, role: teacher.role }, ACCESS_TOKEN_TTL_MS);
}

export function verifyAccessToken(context: JwtContext, token: string) {
  return verify(context, token, "access", accessClaimsSchema);
}

/** P3: a student's token, scoped to one player in one classroom session. */
export function signPlayerToken(context: JwtContext, player: Pick<Player, "id" | "sessionId">) {
  return sign(
    context,
    { typ: "player", sub: player.id, sid: player.sessionId },
    PLAYER_TOKEN_TTL_MS,
  );
}

export function verifyPlayerToken(context: JwtContext, token: string) {
  return verify(context, token, "player", playerClaimsSchema);
}

/** P4: the read-only projector view of one classroom session. */
export function signProjectorToken(context: JwtContext, sessionId: string) {
  return sign(context, { typ: "projector", sub: sessionId }, PROJECTOR_TOKEN_TTL_MS);
}

export function verifyProjectorToken(context: JwtContext, token: string) {
  return verify(context, token, "projector", projectorClaimsSchema);
}

/** Every token operation with its secret, store and clock bound: what routes and rooms use. */
export interface TokenService {
  signAccessToken(teacher: Pick<Teacher, "id" | "role">): Promise<string>;
  verifyAccessToken(token: string): Promise<TokenCheck<AccessClaims>>;
  signPlayerToken(player: Pick<Player, "id" | "sessionId">): Promise<string>;
  verifyPlayerToken(token: string): Promise<TokenCheck<PlayerClaims>>;
  signProjectorToken(sessionId: string): Promise<string>;
  verifyProjectorToken(token: string): Promise<TokenCheck<ProjectorClaims>>;
  /** A refresh token for a new sign-in. */
  issueRefreshToken(teacherId: string): Promise<string>;
  rotateRefreshToken(refreshToken: string): Promise<RefreshRotation>;
  /** Revokes the token's family (sign-out); an unknown token is ignored. */
  revokeRefreshToken(refreshToken: string): Promise<void>;
}

export function createTokenService(options: {
  secret: Uint8Array;
  store: Store;
  now: () => number;
}): TokenService {
  const jwt: JwtContext = { secret: options.secret, now: options.now };
  const refresh = { store: options.store, now: options.now };
  return {
    signAccessToken: (teacher) => signAccessToken(jwt, teacher),
    verifyAccessToken: (token) => verifyAccessToken(jwt, token),
    signPlayerToken: (player) => signPlayerToken(jwt, player),
    verifyPlayerToken: (token) => verifyPlayerToken(jwt, token),
    signProjectorToken: (sessionId) => signProjectorToken(jwt, sessionId),
    verifyProjectorToken: (token) => verifyProjectorToken(jwt, token),
    issueRefreshToken: (teacherId) => issueRefreshToken(refresh, teacherId),
    rotateRefreshToken: (refreshToken) => rotateRefreshToken(refresh, refreshToken),
    revokeRefreshToken: (refreshToken) => revokeRefreshToken(refresh, refreshToken),
  };
}
