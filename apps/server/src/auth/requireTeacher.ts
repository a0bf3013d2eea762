import type express from "express";
import type { Store, Teacher } from "../store/types.ts";
import { bearerToken, sendError } from "./http.ts";
import type { TokenService } from "./tokens.ts";

/**
 * P1, P6: lets a request through only with a valid teacher access token in
 * `Authorization: Bearer …`, for an account that still exists. The handlers after it read the
 * teacher with `signedInTeacher(response)`. Refusals are 401 with `missing-token`,
 * `expired-token` (the client should refresh and retry) or `invalid-token`.
 */
export function requireTeacher(options: { tokens: TokenService; store: Store }) {
  const { tokens, store } = options;
  const handler: express.RequestHandler = async (request, response, next) => {
    const token = bearerToken(request);
    if (token === undefined) {
      response.set("WWW-Authenticate", 'Bearer realm="quorum"');
      sendError(response, 401, "missing-token", "Sign in as a teacher to do this.");
      return;
    }
    const check = await tokens.verifyAccessToken(token);
    const teacher = check.ok ? await store.teachers.byId(check.claims.sub) : undefined;
    if (teacher === undefined) {
      const expired = !check.ok && check.reason === "expired";
      response.set("WWW-Authenticate", 'Bearer realm="quorum", error="invalid_token"');
      sendError(
        response,
        401,
        expired ? "expired-token" : "invalid-token",
        expired
          ? "The access token has expired; refresh it and try again."
          : "The access token is not valid; sign in again.",
      );
      return;
    }
    response.locals.teacher = teacher;
    next();
  };
  return handler;
}

/** The teacher that `requireTeacher` let through. */
export function signedInTeacher(response: express.Response): Teacher {
  const teacher = response.locals.teacher as Teacher | undefined;
  if (teacher === undefined)
    throw new Error("signedInTeacher() used on a route without requireTeacher");
  return teacher;
}
