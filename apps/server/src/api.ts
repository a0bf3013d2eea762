import { isJoinCode } from "@quorum/shared";
import express from "express";

/** The JSON API under /api. Unknown routes answer JSON too, never the client's index.html. */
export function apiRouter(): express.Router {
  const router = express.Router();

  // No classroom session exists until the platform lands (P2); the route already fixes the
  // answers the client will rely on.
  router.get("/sessions/:code", (request, response) => {
    if (!isJoinCode(request.params.code)) {
      response.status(400).json({ error: "invalid-code" });
      return;
    }
    response.status(404).json({ error: "session-not-found" });
  });

  router.use((_request, response) => {
    response.status(404).json({ error: "not-found" });
  });
  return router;
}
