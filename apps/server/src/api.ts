import express from "express";

/**
 * The end of the JSON API under /api (mounted after every API router): unknown routes answer
 * JSON too, never the client's index.html.
 */
export function apiRouter(): express.Router {
  const router = express.Router();
  router.use((_request, response) => {
    response.status(404).json({ error: "not-found" });
  });
  return router;
}
