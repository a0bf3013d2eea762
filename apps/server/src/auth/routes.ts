import express from "express";
import type { Logger } from "pino";
import * as v from "valibot";
import type { Store, Teacher } from "../store/types.ts";
import { createAdmin, type SetupGate } from "./firstTeacher.ts";
import {
  parseBody,
  publicTeacher,
  readCookie,
  sameOriginOnly,
  sendError,
  sendRateLimited,
} from "./http.ts";
import { verifyPassword } from "./passwords.ts";
import { emailSchema, loginPasswordSchema, newPasswordSchema } from "./policy.ts";
import { createRateLimiter } from "./rateLimit.ts";
import { REFRESH_TOKEN_TTL_MS } from "./refreshTokens.ts";
import { requireTeacher, signedInTeacher } from "./requireTeacher.ts";
import { ACCESS_TOKEN_TTL_MS, type TokenService } from "./tokens.ts";

/** The cookie holding the refresh token, sent back only to /api/auth. */
export const REFRESH_COOKIE = "quorum_refresh";
const REFRESH_COOKIE_PATH = "/api/auth";

const MINUTE = 60_000;
/** P6: the rate limits of the sign-in endpoints. */
export const AUTH_RATE_LIMITS = {
  /** Sign-in attempts per client address. */
  loginPerAddress: { limit: 10, windowMs: MINUTE },
  /** Failed sign-ins per account, after which the account cools down. */
  loginFailuresPerAccount: { limit: 5, windowMs: 15 * MINUTE, cooldownMs: 15 * MINUTE },
  /** Setup attempts per client address. */
  setupPerAddress: { limit: 10, windowMs: MINUTE },
} as const;

export interface AuthRouteOptions {
  store: Store;
  tokens: TokenService;
  setup: SetupGate;
  /** Refresh cookies are `Secure` when this is https (or the request came over https). */
  publicUrl: string | undefined;
  logger: Logger;
  /** Milliseconds since the epoch, for the rate limits and new accounts. */
  now: () => number;
}

const setupBody = v.object({
  token: v.pipe(
    v.string("The setup token must be a string."),
    v.maxLength(200, "The setup token is not valid."),
  ),
  email: emailSchema,
  password: newPasswordSchema,
});
const loginBody = v.object({ email: emailSchema, password: loginPasswordSchema });

/** P1: /api/auth — first account, sign-in, refresh and sign-out. */
export function authRouter(options: AuthRouteOptions): express.Router {
  const { store, tokens, setup, publicUrl, logger, now } = options;
  const loginPerAddress = createRateLimiter({ ...AUTH_RATE_LIMITS.loginPerAddress, now });
  const loginPerAccount = createRateLimiter({ ...AUTH_RATE_LIMITS.loginFailuresPerAccount, now });
  const setupPerAddress = createRateLimiter({ ...AUTH_RATE_LIMITS.setupPerAddress, now });
  const router = express.Router();
  router.use(sameOriginOnly(publicUrl));
  router.use((_request, response, next) => {
    // Answers carry tokens: no cache may keep them.
    response.set("Cache-Control", "no-store");
    next();
  });

  const cookieOptions = (request: express.Request): express.CookieOptions => ({
    httpOnly: true,
    sameSite: "strict",
    path: REFRESH_COOKIE_PATH,
    secure: request.secure || publicUrl?.toLowerCase().startsWith("https:") === true,
  });

  /** Answers with a fresh access token, and sets the refresh cookie. */
  async function signIn(
    request: express.Request,
    response: express.Response,
    teacher: Teacher,
    refreshToken: string,
    status = 200,
  ) {
    response.cookie(REFRESH_COOKIE, refreshToken, {
      ...cookieOptions(request),
      maxAge: REFRESH_TOKEN_TTL_MS,
    });
    response.status(status).json({
      accessToken: await tokens.signAccessToken(teacher),
      expiresIn: ACCESS_TOKEN_TTL_MS / 1000,
      teacher: publicTeacher(teacher),
    });
  }

  function refuseRefresh(request: express.Request, response: express.Response) {
    response.clearCookie(REFRESH_COOKIE, cookieOptions(request));
    sendError(
      response,
      401,
      "invalid-refresh-token",
      "You are not signed in any more; sign in again.",
    );
  }

  router.post("/setup", async (request, response) => {
    const allowed = setupPerAddress.take(request.ip ?? "");
    if (!allowed.ok) return sendRateLimited(response, allowed.retryAfterMs);
    const body = parseBody(setupBody, request, response);
    if (body === undefined) return;
    if (setup.token === undefined) {
      return sendError(
        response,
        409,
        "already-set-up",
        "The first teacher account exists already; sign in instead.",
      );
    }
    if (!setup.consume(body.token)) {
      return sendError(
        response,
        401,
        "invalid-setup-token",
        "This setup link is not valid; use the one the server printed when it started.",
      );
    }
    const teacher = await createAdmin(store, body, now());
    if (teacher === undefined) {
      return sendError(response, 409, "email-taken", "An account with this email exists already.");
    }
    logger.info({ teacherId: teacher.id }, "created the first teacher account through setup");
    await signIn(request, response, teacher, await tokens.issueRefreshToken(teacher.id), 201);
  });

  router.post("/login", async (request, response) => {
    const byAddress = loginPerAddress.take(request.ip ?? "");
    if (!byAddress.ok) return sendRateLimited(response, byAddress.retryAfterMs);
    const body = parseBody(loginBody, request, response);
    if (body === undefined) return;
    // Counted before the password is checked, so parallel guesses cannot slip past the limit;
    // a successful sign-in forgets the count. Unknown emails are limited alike.
    const byAccount = loginPerAccount.take(body.email);
    if (!byAccount.ok) return sendRateLimited(response, byAccount.retryAfterMs);
    const teacher = await store.teachers.byEmail(body.email);
    // P1: an unknown email costs the same scrypt work and gets the same answer as a bad password.
    if (!(await verifyPassword(body.password, teacher?.passwordHash)) || teacher === undefined) {
      logger.info({ teacherId: teacher?.id }, "sign-in refused");
      return sendError(
        response,
        401,
        "invalid-credentials",
        "The email or the password is not correct.",
      );
    }
    loginPerAccount.reset(body.email);
    await signIn(request, response, teacher, await tokens.issueRefreshToken(teacher.id));
  });

  router.post("/refresh", async (request, response) => {
    const token = readCookie(request, REFRESH_COOKIE);
    if (token === undefined) return refuseRefresh(request, response);
    const rotation = await tokens.rotateRefreshToken(token);
    if (!rotation.ok) {
      if (rotation.reason === "reused") {
        logger.warn(
          { teacherId: rotation.teacherId },
          "a spent refresh token was presented again: its sign-in is revoked",
        );
      }
      return refuseRefresh(request, response);
    }
    const teacher = await store.teachers.byId(rotation.teacherId);
    if (teacher === undefined) return refuseRefresh(request, response);
    await signIn(request, response, teacher, rotation.refreshToken);
  });

  router.post("/logout", async (request, response) => {
    const token = readCookie(request, REFRESH_COOKIE);
    if (token !== undefined) await tokens.revokeRefreshToken(token);
    response.clearCookie(REFRESH_COOKIE, cookieOptions(request));
    response.status(204).end();
  });

  return router;
}

/** /api/me: the signed-in teacher. */
export function meRouter(options: { store: Store; tokens: TokenService }): express.Router {
  const router = express.Router();
  router.get("/me", requireTeacher(options), (_request, response) => {
    response
      .set("Cache-Control", "no-store")
      .json({ teacher: publicTeacher(signedInTeacher(response)) });
  });
  return router;
}
