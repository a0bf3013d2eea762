import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import type { Logger } from "pino";

/** Where `pnpm --filter @quorum/client build` writes, found from this file, not from the cwd. */
export const DEFAULT_CLIENT_DIST = fileURLToPath(new URL("../../client/dist", import.meta.url));

// Vite puts content-hashed files under /assets: a changed file gets a new name, so browsers may
// keep them forever. index.html names the current hashes, so it must be revalidated every time.
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/** Paths that are never the SPA: the API, Colyseus matchmaking, files (a name with a dot). */
function isAppRoute(path: string): boolean {
  if (path.startsWith("/api/") || path === "/api") return false;
  if (path.startsWith("/assets/") || path.startsWith("/matchmake/")) return false;
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  return !lastSegment.includes(".");
}

function isPageRequest(request: express.Request): boolean {
  return (request.method === "GET" || request.method === "HEAD") && isAppRoute(request.path);
}

/**
 * Serves the built client (P8: every asset comes from this server) with a fallback to
 * index.html, so a reload on a client-side route such as /join/ABC234 still opens the app.
 */
export function clientRouter(distDir: string, logger: Logger): express.Router {
  const router = express.Router();
  const indexFile = join(distDir, "index.html");

  if (!existsSync(indexFile)) {
    logger.error(
      { distDir },
      "Client build not found: run `pnpm --filter @quorum/client build`, then restart the server. Only the API is served.",
    );
    router.use((request, response, next) => {
      if (!isPageRequest(request)) return next();
      response
        .status(503)
        .type("text/plain")
        .send("The Quorum client is not built. Run `pnpm --filter @quorum/client build`.\n");
    });
    return router;
  }

  const assetsDir = join(distDir, "assets") + sep;
  router.use(
    express.static(distDir, {
      index: false,
      setHeaders(response, path) {
        const isAsset = path.startsWith(assetsDir);
        response.setHeader("Cache-Control", isAsset ? IMMUTABLE : REVALIDATE);
      },
    }),
  );
  router.use((request, response, next) => {
    if (!isPageRequest(request)) return next();
    response.sendFile(indexFile, { headers: { "Cache-Control": REVALIDATE } });
  });
  return router;
}
