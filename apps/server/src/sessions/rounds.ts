import { createHash, randomBytes } from "node:crypto";
import { encodeReplay } from "@quorum/shared";
import express from "express";
import { sendError } from "../auth/http.ts";
import { requireTeacher } from "../auth/requireTeacher.ts";
import type { ClassroomSession, StoredRound } from "../store/types.ts";
import { resultsCsv } from "./csv.ts";
import { ownSession } from "./owner.ts";
import type { SessionRouteOptions } from "./routes.ts";

/** 32 random bytes, base64url: a share link cannot be guessed. */
const SHARE_TOKEN_BYTES = 32;
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: the database alone opens no shared replay. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * S2 and the results of a session, for the teacher who owns it: its rounds, each round's replay
 * file and share link, the CSV of players and scores, and deleting a round or the session.
 */
export function roundsRouter(options: SessionRouteOptions): express.Router {
  const { store, rooms, logger } = options;
  const router = express.Router();
  const teacherOnly = requireTeacher(options);

  /** The owned session and its round `:number`, or undefined after answering 400 or 404. */
  const ownRound = async (request: express.Request, response: express.Response) => {
    const session = await ownSession(store, request, response);
    if (session === undefined) return undefined;
    const number = String(request.params.number);
    if (!/^[1-9]\d{0,8}$/.test(number)) {
      sendError(response, 400, "invalid-request", "A round number is a whole number from 1.");
      return undefined;
    }
    const round = await store.rounds.byNumber(session.id, Number(number));
    if (round !== undefined) return { session, round };
    sendError(response, 404, "round-not-found", "This session has no round with this number.");
    return undefined;
  };

  router.get("/:id/rounds", teacherOnly, async (request, response) => {
    const session = await ownSession(store, request, response);
    if (session === undefined) return;
    const rounds = await store.rounds.bySession(session.id);
    response.set("Cache-Control", "no-store").json({ rounds: rounds.map(describeRound) });
  });

  router.get("/:id/rounds/:number", teacherOnly, async (request, response) => {
    const found = await ownRound(request, response);
    if (found === undefined) return;
    response.set("Cache-Control", "no-store").json(describeRound(found.round));
  });

  router.get("/:id/rounds/:number/replay", teacherOnly, async (request, response) => {
    const found = await ownRound(request, response);
    if (found !== undefined) await sendReplay(options, response, found.session, found.round);
  });

  router.post("/:id/rounds/:number/share", teacherOnly, async (request, response) => {
    const found = await ownRound(request, response);
    if (found === undefined) return;
    const token = randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
    await store.rounds.share(found.round.id, hashShareToken(token));
    const base = new URL(options.studentBaseUrl());
    if (!base.pathname.endsWith("/")) base.pathname += "/";
    response
      .set("Cache-Control", "no-store")
      .status(201)
      // P4: the link people open is the replay page; it fetches /api/replays/<token> itself.
      .json({ token, url: new URL(`replay/s/${token}`, base).href });
  });

  router.delete("/:id/rounds/:number/share", teacherOnly, async (request, response) => {
    const found = await ownRound(request, response);
    if (found === undefined) return;
    await store.rounds.share(found.round.id, null);
    response.status(204).end();
  });

  router.delete("/:id/rounds/:number", teacherOnly, async (request, response) => {
    const found = await ownRound(request, response);
    if (found === undefined) return;
    if (found.round.status === "running") {
      return sendError(response, 409, "round-running", "End the round before deleting it.");
    }
    await store.rounds.delete(found.round.id);
    logger.info({ sessionId: found.session.id, round: found.round.number }, "round deleted");
    response.status(204).end();
  });

  router.get("/:id/results.csv", teacherOnly, async (request, response) => {
    const session = await ownSession(store, request, response);
    if (session === undefined) return;
    const [players, rounds] = await Promise.all([
      store.players.everInSession(session.id),
      store.rounds.bySession(session.id),
    ]);
    response
      .set("Cache-Control", "no-store")
      .attachment(`${session.joinCode}-results.csv`)
      .type("text/csv; charset=utf-8")
      .send(resultsCsv(players, rounds));
  });

  router.delete("/:id", teacherOnly, async (request, response) => {
    const session = await ownSession(store, request, response);
    if (session === undefined) return;
    // A round in play ends (and is stored) and everyone leaves before the data goes.
    await rooms.end(session.id);
    await store.sessions.delete(session.id);
    logger.info({ sessionId: session.id }, "classroom session deleted");
    response.status(204).end();
  });

  return router;
}

/** A round as the API lists it. */
export function describeRound(round: StoredRound) {
  const { number, mode, status, startedAt, endedAt, endTick, players, summary, shared } = round;
  return { number, mode, status, startedAt, endedAt, endTick, players, summary, shared };
}

/** §1.2: the round's `.quorum-replay` file, as far as its log was written. */
export async function sendReplay(
  options: Pick<SessionRouteOptions, "store">,
  response: express.Response,
  session: ClassroomSession,
  round: StoredRound,
): Promise<void> {
  const log = await options.store.rounds.log(round.id);
  if (log === undefined) {
    return sendError(response, 404, "round-not-found", "This round was deleted.");
  }
  response
    .set("Cache-Control", "no-store")
    .attachment(`${session.joinCode}-round-${round.number}.quorum-replay`)
    .type("application/octet-stream")
    .send(Buffer.from(encodeReplay(log)));
}
