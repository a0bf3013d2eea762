import express from "express";
import * as v from "valibot";
import type { Teacher } from "../store/types.ts";
import { retryAfterSeconds } from "./rateLimit.ts";

/** P6: the largest JSON body the API reads, in bytes. */
export const API_BODY_LIMIT = 16 * 1024;

/**
 * P6: parses JSON bodies of at most API_BODY_LIMIT for every route under it; a body that is too
 * large or not JSON gets a typed error like any other bad input.
 */
export function apiJsonBody(): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: API_BODY_LIMIT }));
  router.use(((error, _request, response, next) => {
    if (error?.type === "entity.too.large") {
      const limit = `${API_BODY_LIMIT / 1024} kB`;
      return sendError(
        response,
        413,
        "body-too-large",
        `The request body can have at most ${limit}.`,
      );
    }
    if (error?.type === "entity.parse.failed") {
      return sendError(response, 400, "invalid-json", "The request body is not valid JSON.");
    }
    // Other failures to read the body (an unknown charset, a broken upload) are the client's too.
    if (typeof error?.status === "number" && error.status >= 400 && error.status < 500) {
      return sendError(
        response,
        error.status,
        "invalid-request",
        "The request body could not be read.",
      );
    }
    next(error);
  }) satisfies express.ErrorRequestHandler);
  return router;
}

/** The API's error body: a stable code for programs and an English sentence for people. */
export interface ApiError {
  error: string;
  message: string;
  /** For a validation error: the body field at fault. */
  field?: string;
}

export function sendError(
  response: express.Response,
  status: number,
  error: string,
  message: string,
): void {
  response.status(status).json({ error, message } satisfies ApiError);
}

/** P6: 429 with Retry-After in whole seconds. */
export function sendRateLimited(response: express.Response, retryAfterMs: number): void {
  const seconds = retryAfterSeconds(retryAfterMs);
  response.set("Retry-After", String(seconds));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  sendError(response, 429, "rate-limited", `Too many attempts; try again in ${wait}.`);
}

/**
 * P6: the body as `schema` (an object schema) describes it, or undefined after answering 400
 * with the first problem as a sentence and the field at fault.
 */
export function parseBody<Output>(
  schema: v.GenericSchema<unknown, Output>,
  request: express.Request,
  response: express.Response,
): Output | undefined {
  const body: unknown = request.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    sendError(response, 400, "invalid-request", "The request body must be a JSON object.");
    return undefined;
  }
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const field = v.getDotPath(issue) ?? undefined;
  const message =
    issue.input === undefined && field !== undefined ? `The ${field} is missing.` : issue.message;
  response.status(400).json({ error: "invalid-request", message, field } satisfies ApiError);
  return undefined;
}

/** A teacher as the API shows it: never the password hash. */
export function publicTeacher(teacher: Teacher) {
  return { id: teacher.id, email: teacher.email, role: teacher.role };
}

/**
 * Refuses requests a browser sent from another origin. Colyseus answers every CORS preflight
 * and reflects any Origin with credentials allowed, and SameSite=Strict still lets a sibling
 * subdomain or another port of the same host send the refresh cookie, so the cookie routes
 * check the Origin themselves. Requests without Origin (not from a browser page) pass.
 */
export function sameOriginOnly(publicUrl: string | undefined): express.RequestHandler {
  const publicOrigin = publicUrl === undefined ? undefined : new URL(publicUrl).origin;
  return (request, response, next) => {
    const origin = request.headers.origin;
    if (origin === undefined || origin === publicOrigin) return next();
    const host = hostOf(origin);
    if (host !== undefined && host === request.headers.host) return next();
    sendError(response, 403, "cross-origin", "Requests from other sites are refused.");
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed page, a file) or garbage
  }
}

/** One cookie's value from the Cookie header (express parses none without a middleware). */
export function readCookie(request: express.Request, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator !== -1 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim() || undefined;
    }
  }
  return undefined;
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(request: express.Request): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? "");
  return match?.[1];
}
