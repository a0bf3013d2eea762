import express from "express";
import { sendError } from "../auth/http.ts";
import type { Store } from "../store/types.ts";
import { hashShareToken, SHARE_TOKEN_PATTERN, sendReplay } from "./rounds.ts";

/**
 * P4: a shared round's replay file, for anyone with the link (no sign-in). An unknown, revoked
 * or malformed token, a deleted round or session: all the same 404.
 */
export function replaysRouter(options: { store: Store }): express.Router {
  const { store } = options;
  const router = express.Router();
  router.get("/:token", async (request, response) => {
    const token = request.params.token;
    const round = SHARE_TOKEN_PATTERN.test(token)
      ? await store.rounds.byShareToken(hashShareToken(token))
      : undefined;
    const session = round && (await store.sessions.byId(round.sessionId));
    if (round === undefined || session === undefined) {
      return sendError(
        response,
        404,
        "replay-not-found",
        "This replay link does not work (any more).",
      );
    }
    await sendReplay(options, response, session, round);
  });
  return router;
}
