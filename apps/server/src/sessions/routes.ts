import {
  isJoinCode,
  NICKNAME_MAX_LENGTH,
  type NicknameProblem,
  normaliseNickname,
} from "@quorum/shared";
import express from "express";
import type { Logger } from "pino";
import * as v from "valibot";
import { parseBody, sendError, sendRateLimited } from "../auth/http.ts";
import { createRateLimiter } from "../auth/rateLimit.ts";
import { requireTeacher, signedInTeacher } from "../auth/requireTeacher.ts";
import type { TokenService } from "../auth/tokens.ts";
import type { ClassroomSession, Store } from "../store/types.ts";
import { newJoinCode } from "./joinCode.ts";
import { ownSession } from "./owner.ts";
import type { SessionRooms } from "./rooms.ts";
import { roundsRouter } from "./rounds.ts";

const MINUTE = 60_000;
/**
 * P6: limits per client address on the students' way in. Only a code that leads nowhere counts
 * as a guess; a valid code is a student joining, and a lecture hall of 500 behind one school NAT
 * is one address, so the plain request limit is a flood guard sized well above that.
 */
export const SESSION_RATE_LIMITS = {
  /** GET /api/sessions/:code and POST /api/sessions/:code/players with an unknown or ended code */
  guessesPerAddress: { limit: 60, windowMs: MINUTE },
  /** Both, whatever the code: a 500-student hall looks each code up and joins, some twice. */
  requestsPerAddress: { limit: 2_000, windowMs: MINUTE },
} as const;

/** Fresh codes tried before giving up (a collision needs thousands of active sessions). */
const JOIN_CODE_ATTEMPTS = 10;

export interface SessionRouteOptions {
  store: Store;
  tokens: TokenService;
  rooms: SessionRooms;
  logger: Logger;
  now: () => number;
  /** Where students' devices reach this server: PUBLIC_URL, else its first LAN URL, else local. */
  studentBaseUrl: () => string;
}

const joinBody = v.object({
  nickname: v.pipe(
    v.string("The nickname must be a string."),
    // Generous: the nickname rule itself (20 characters after trimming) is checked below.
    v.maxLength(4 * NICKNAME_MAX_LENGTH, "The nickname is far too long."),
  ),
});

/** P2, P3: classroom sessions — the teacher's, and the students' way in. */
export function sessionsRouter(options: SessionRouteOptions): express.Router {
  const { store, tokens, rooms, now } = options;
  const router = express.Router();
  const teacherOnly = requireTeacher(options);
  const guessesPerAddress = createRateLimiter({ ...SESSION_RATE_LIMITS.guessesPerAddress, now });
  const requestsPerAddress = createRateLimiter({ ...SESSION_RATE_LIMITS.requestsPerAddress, now });
  /** P6: refused with 429 when the address guessed or asked too often; otherwise counted. */
  const limited = (request: express.Request, response: express.Response): boolean => {
    const address = request.ip ?? "";
    const guessing = guessesPerAddress.peek(address);
    const allowed = guessing.ok ? requestsPerAddress.take(address) : guessing;
    if (!allowed.ok) sendRateLimited(response, allowed.retryAfterMs);
    return !allowed.ok;
  };

  const joinUrl = (code: string) => {
    const base = new URL(options.studentBaseUrl());
    if (!base.pathname.endsWith("/")) base.pathname += "/";
    return new URL(`join/${code}`, base).href;
  };
  /** What the teacher's console needs to run a session: its room, the QR link, the projector. */
  const opened = async (session: ClassroomSession) => ({
    ...describeSession(session),
    roomId: await rooms.ensure(session.id),
    joinUrl: joinUrl(session.joinCode),
    projectorUrl: `/projector/${session.id}?token=${await tokens.signProjectorToken(session.id)}`,
  });

  router.post("/", teacherOnly, async (_request, response) => {
    const teacherId = signedInTeacher(response).id;
    let session: ClassroomSession | undefined;
    for (let attempt = 0; session === undefined && attempt < JOIN_CODE_ATTEMPTS; attempt++) {
      const created = await store.sessions.create({
        teacherId,
        joinCode: newJoinCode(),
        createdAt: now(),
      });
      if (created.ok) session = created.value;
    }
    if (session === undefined) {
      return sendError(response, 503, "no-join-code", "No free join code was found; try again.");
    }
    options.logger.info({ sessionId: session.id, teacherId }, "classroom session created");
    response
      .set("Cache-Control", "no-store")
      .status(201)
      .json(await opened(session));
  });

  router.get("/", teacherOnly, async (_request, response) => {
    const sessions = await store.sessions.listByTeacher(signedInTeacher(response).id);
    response.set("Cache-Control", "no-store").json({ sessions: sessions.map(describeSession) });
  });

  router.post("/:id/open", teacherOnly, async (request, response) => {
    const session = await ownSession(store, request, response);
    if (session === undefined) return;
    if (session.endedAt !== null) {
      return sendError(response, 409, "session-ended", "This session has ended.");
    }
    response.set("Cache-Control", "no-store").json(await opened(session));
  });

  router.post("/:id/end", teacherOnly, async (request, response) => {
    const session = await ownSession(store, request, response);
    if (session === undefined) return;
    const ended = (await store.sessions.end(session.id, now())) ?? session;
    await rooms.end(session.id);
    response.json(describeSession(ended));
  });

  // S2 and results: the teacher's rounds, replays, share links, CSV export and deletion.
  router.use(roundsRouter(options));

  router.get("/:code", async (request, response) => {
    if (limited(request, response)) return;
    const session = await activeSession(request.params.code, response, request);
    if (session === undefined) return;
    // A student on the join page is about to play: the room must exist (after a restart too).
    await rooms.ensure(session.id);
    response.json({ code: session.joinCode });
  });

  router.post("/:code/players", async (request, response) => {
    if (limited(request, response)) return;
    if (!isJoinCode(request.params.code)) return codeError(response, 400, true);
    const body = parseBody(joinBody, request, response);
    if (body === undefined) return;
    const nickname = normaliseNickname(body.nickname);
    if (!nickname.ok) {
      response.status(400).json({
        error: "invalid-request",
        message: NICKNAME_PROBLEMS[nickname.problem],
        field: "nickname",
        problem: nickname.problem,
      });
      return;
    }
    const session = await activeSession(request.params.code, response, request, true);
    if (session === undefined) return;
    // The room first: a student must not end up registered without a room to play in.
    const roomId = await rooms.ensure(session.id);
    const created = await store.players.create({
      sessionId: session.id,
      nickname: nickname.nickname,
      createdAt: now(),
    });
    if (!created.ok) {
      if (created.problem === "session-not-found") return codeError(response, 404, true);
      return sendError(response, 409, "nickname-taken", "Someone in this class has that nickname.");
    }
    const player = created.value;
    response
      .set("Cache-Control", "no-store")
      .status(201)
      .json({
        playerId: player.id,
        token: await tokens.signPlayerToken(player),
        roomId,
        nickname: player.nickname,
      });
  });

  async function activeSession(
    code: string,
    response: express.Response,
    request: express.Request,
    explain = false,
  ) {
    if (!isJoinCode(code)) return codeError(response, 400, explain);
    const session = await store.sessions.byCode(code);
    if (session === undefined) {
      guessesPerAddress.take(request.ip ?? "");
      return codeError(response, 404, explain);
    }
    return session;
  }

  return router;
}

const NICKNAME_PROBLEMS: Record<NicknameProblem, string> = {
  "nickname.empty": "Choose a nickname.",
  "nickname.too-long": `A nickname can have at most ${NICKNAME_MAX_LENGTH} characters.`,
};

/**
 * A malformed or unknown join code. `GET /api/sessions/:code` keeps its first answers, `{ error }`
 * alone; the join adds a sentence like every other endpoint (`explain`).
 */
function codeError(response: express.Response, status: 400 | 404, explain: boolean): undefined {
  const error = status === 400 ? "invalid-code" : "session-not-found";
  if (!explain) response.status(status).json({ error });
  else if (status === 400) sendError(response, status, error, "This is not a join code.");
  else sendError(response, status, error, "No class is running with this code.");
  return undefined;
}

function describeSession(session: ClassroomSession) {
  return {
    id: session.id,
    code: session.joinCode,
    roomId: session.id,
    createdAt: session.createdAt,
    endedAt: session.endedAt,
  };
}
