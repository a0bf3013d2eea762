import type express from "express";
import type { Logger } from "pino";
import { apiRouter } from "./api.ts";
import { apiJsonBody } from "./auth/http.ts";
import { type AuthRouteOptions, authRouter, meRouter } from "./auth/routes.ts";
import { clientRouter } from "./clientAssets.ts";
import { type HealthOptions, healthRouter } from "./health.ts";
import { replaysRouter } from "./sessions/replays.ts";
import { type SessionRouteOptions, sessionsRouter } from "./sessions/routes.ts";

export interface RouteOptions extends HealthOptions, AuthRouteOptions, SessionRouteOptions {
  logger: Logger;
  /** Serve the built client from this directory; undefined in development (Vite serves it). */
  clientDistDir: string | undefined;
}

/** Every HTTP route except Colyseus's own (/matchmake/…), which its router answers first. */
export function mountRoutes(app: express.Application, options: RouteOptions): void {
  app.disable("x-powered-by");
  app.use(healthRouter(options));
  app.use("/api", apiJsonBody());
  app.use("/api/auth", authRouter(options));
  app.use("/api", meRouter(options));
  app.use("/api/sessions", sessionsRouter(options));
  app.use("/api/replays", replaysRouter(options));
  app.use("/api", apiRouter());
  if (options.clientDistDir !== undefined) {
    app.use(clientRouter(options.clientDistDir, options.logger));
  }
  app.use((_request, response) => {
    response.status(404).json({ error: "not-found" });
  });
  app.use(errorHandler(options.logger));
}

function errorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error, request, response, next) => {
    // Errors from express itself (a malformed URL, a file vanished) carry an HTTP status.
    const status: number =
      typeof error?.status === "number" && error.status >= 400 && error.status < 600
        ? error.status
        : 500;
    if (status >= 500) logger.error({ err: error, url: request.originalUrl }, "request failed");
    if (response.headersSent) return next(error);
    const code = status === 404 ? "not-found" : status < 500 ? "bad-request" : "internal-error";
    response.status(status).json({ error: code });
  };
}
