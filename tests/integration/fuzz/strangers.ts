/**
 * P1, P6: strangers at the door of a running session — joins with no, forged, expired or foreign
 * tokens (through the SDK and by hand), seats misused, matchmaking requests no client would make,
 * and WebSocket frames that break the protocol.
 */
import { ErrorCode } from "@colyseus/sdk";
import { type JoinRefusal, MAX_MESSAGE_BYTES } from "@quorum/shared";
import { expect } from "vitest";
import {
  connect,
  type JoinedPlayer,
  type OpenedSession,
  projectorToken,
  refusal,
} from "../harness.ts";
import { FUZZ_JWT_SECRET, type FuzzClassroom } from "./audit.ts";
import { FRAME_LIMIT } from "./shots.ts";
import {
  forgeJwt,
  matchmake,
  rawJoin,
  rawSocket,
  reserveSeat,
  type SeatReservation,
  socketUrl,
  wsFrame,
} from "./wire.ts";

/** Tokens that must not open session `a`, and the refusal each gets (P1, P3, P4). */
function badTokens(
  classroom: FuzzClassroom,
  a: OpenedSession,
  b: OpenedSession,
  stranger: JoinedPlayer,
): [string, unknown, JoinRefusal][] {
  const now = Math.floor(classroom.clock.now / 1000);
  const claims = (extra: Record<string, unknown>) => ({
    iss: "quorum",
    iat: now,
    exp: now + 3600,
    ...extra,
  });
  const asPlayerOfA = { typ: "player", sub: stranger.playerId, sid: a.id };
  const signed = (extra: Record<string, unknown>) => forgeJwt(claims(extra), FUZZ_JWT_SECRET);
  return [
    ["no token", undefined, "missing-token"],
    ["an empty token", "", "missing-token"],
    ["a number", 42, "missing-token"],
    ["an object", { __proto__: { token: "x" } }, "missing-token"],
    ["not a JWT", "garbage", "invalid-token"],
    ["three dots", "a.b.c", "invalid-token"],
    ["a token of 3000 characters", "x".repeat(3000), "invalid-token"],
    [
      "the wrong key",
      forgeJwt(claims(asPlayerOfA), "not the server's key at all"),
      "invalid-token",
    ],
    [
      "alg none",
      forgeJwt(claims({ typ: "access", sub: classroom.teacher.id, role: "teacher" }), null),
      "invalid-token",
    ],
    [
      "an expired token",
      signed({ ...asPlayerOfA, iat: now - 7200, exp: now - 3600 }),
      "expired-token",
    ],
    [
      "no issuer",
      forgeJwt({ ...asPlayerOfA, iat: now, exp: now + 60 }, FUZZ_JWT_SECRET),
      "invalid-token",
    ],
    ["an unknown token type", signed({ typ: "admin", sub: classroom.teacher.id }), "invalid-token"],
    ["a player nobody is", signed({ typ: "player", sub: "nobody", sid: a.id }), "invalid-token"],
    ["session B's player relabelled for A", signed(asPlayerOfA), "invalid-token"],
    [
      "another teacher",
      signed({ typ: "access", sub: "another", role: "teacher" }),
      "other-session",
    ],
    ["session B's student", stranger.token, "other-session"],
    ["session B's projector", projectorToken(b), "other-session"],
  ];
}

/** WebSocket frames that break RFC 6455 or the size limit, and the close code each gets. */
function brokenFrames(): [string, Buffer[], number][] {
  const bytes = (length: number) => new Uint8Array(length).fill(13);
  return [
    ["an unmasked frame", [wsFrame(2, bytes(3), { masked: false })], 1002],
    ["RSV1 without an extension", [wsFrame(2, bytes(3), { rsv: 0x40 })], 1002],
    ["a reserved opcode", [wsFrame(3, bytes(3))], 1002],
    ["text that is not UTF-8", [wsFrame(1, Uint8Array.of(0xff, 0xfe, 0xfd))], 1007],
    ["a declared length of 1 TB", [wsFrame(2, bytes(0), { declaredLength: 2n ** 40n })], 1009],
    ["a ping of 200 bytes", [wsFrame(9, bytes(200))], 1002],
    ["a continuation first", [wsFrame(0, bytes(3))], 1002],
    ["a close code of 999", [wsFrame(8, Uint8Array.of(0x03, 0xe7))], 1002],
    ["one frame above the limit", [wsFrame(2, bytes(FRAME_LIMIT + 1))], 1009],
    [
      "fragments above the limit together",
      [
        wsFrame(2, bytes(MAX_MESSAGE_BYTES), { fin: false }),
        wsFrame(0, bytes(MAX_MESSAGE_BYTES + 1)),
      ],
      1009,
    ],
  ];
}

/** Matchmaking requests, and the HTTP statuses Colyseus may answer them with (never a crash). */
function oddRequests(a: OpenedSession): [string, string][] {
  const polluting = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
  return [
    [`joinById/${a.roomId}`, "{not json"],
    [`joinById/${a.roomId}`, "x".repeat(200_000)],
    [`joinById/${a.roomId}`, "[1,2]"],
    [`joinById/${a.roomId}`, polluting],
    ["joinById/no-such-room", "{}"],
    ["create/classroom", "{}"],
    ["create/classroom", JSON.stringify({ sessionId: 5 })],
    // A second room for a session that has one: Colyseus keeps the first (same id) and drops it.
    ["create/classroom", JSON.stringify({ sessionId: a.id })],
    ["joinOrCreate/classroom", JSON.stringify({ sessionId: "no-such-session" })],
    [`reconnect/${a.roomId}`, JSON.stringify({ reconnectionToken: "forged" })],
    ["create/__proto__", "{}"],
    ["create/constructor", polluting],
  ];
}
/** Colyseus's matchmaking answers; 521 (invalid criteria) is the room refusing a bad sessionId. */
const MATCHMAKE_STATUSES = [200, 400, 404, 413, 520, 521, 522, 523, 524];

/** Takes up a seat reserved with no token: the room refuses it, and the seat is free again. */
async function release(base: string, seat: SeatReservation): Promise<void> {
  const joined = await rawJoin(`${socketUrl(base, seat)}?sessionId=${seat.sessionId}`);
  expect(joined, `the seat ${seat.sessionId}`).toMatchObject({
    joined: false,
    error: { message: "missing-token" },
  });
}

/**
 * Runs every stranger against session `a` (while its round runs), with `stranger` a student of
 * session `b`; fails the test on any answer that is not the one owed.
 */
export async function strangers(
  classroom: FuzzClassroom,
  a: OpenedSession,
  b: OpenedSession,
  stranger: JoinedPlayer,
): Promise<void> {
  const { base } = classroom;
  const port = classroom.server.port;
  const tokens = badTokens(classroom, a, b, stranger);

  // All at once, through the SDK: a flood of refused joins.
  const refused = await Promise.all(
    tokens.map(([, token]) => refusal(connect(classroom, a.roomId, token as string))),
  );
  tokens.forEach(([what, , reason], index) => {
    expect(refused[index], what).toEqual({ code: ErrorCode.AUTH_FAILED, message: reason });
  });

  // By hand: Colyseus hands out a seat to anyone; the token is checked when the socket opens.
  for (const [what, token, reason] of tokens.filter((_, index) => index % 4 === 0)) {
    const seat = await reserveSeat(base, a.roomId, { token });
    const joined = await rawJoin(`${socketUrl(base, seat)}?sessionId=${seat.sessionId}`);
    expect(joined, what).toMatchObject({ joined: false, error: { message: reason } });
  }

  // Seats misused: made up, taken from session B, none at all, used twice.
  const projector = { token: projectorToken(a) };
  const seat = await reserveSeat(base, a.roomId, projector);
  const url = socketUrl(base, seat);
  const seatOfB = await reserveSeat(base, b.roomId, {});
  for (const [what, target] of [
    ["a made-up seat", `${url}?sessionId=made-up`],
    ["session B's seat", `${url}?sessionId=${seatOfB.sessionId}`],
    ["no seat", url],
  ] as const) {
    expect((await rawJoin(target)).joined, what).toBe(false);
  }
  expect((await rawJoin(`${url}?sessionId=${seat.sessionId}`)).joined).toBe(true);
  expect((await rawJoin(`${url}?sessionId=${seat.sessionId}`)).joined, "a used seat").toBe(false);
  // Seats left unused hold their room open for COLYSEUS_SEAT_RESERVATION_TIME (15 s) at shutdown.
  await release(base, seatOfB);

  for (const [path, body] of oddRequests(a)) {
    const answer = await matchmake(base, path, body);
    const what = `${path} ${body.slice(0, 40)}: ${answer.text.slice(0, 200)}`;
    expect(MATCHMAKE_STATUSES, what).toContain(answer.status);
    // A seat for anyone, but the room still wants a token.
    if (answer.status === 200) await release(base, JSON.parse(answer.text));
  }

  // RFC 6455 broken, before and after the room took the socket: that socket alone is closed.
  for (const afterJoin of [false, true]) {
    for (const [what, frames, code] of brokenFrames()) {
      const seat = await reserveSeat(base, a.roomId, projector);
      const path = `/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`;
      const end = await rawSocket(port, path, frames, { afterJoin });
      expect(end, `${what}${afterJoin ? " after the join" : ""}`).toMatchObject({
        status: expect.stringContaining(" 101 "),
        closeCode: code,
        closed: true,
      });
    }
  }
  const garbage = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
  const notHttp = await rawSocket(port, "/", [], { request: garbage });
  expect(notHttp.closed, "a request that is not HTTP").toBe(true);
  // Half a frame, then nothing: the server waits; the stranger gives up.
  const slow = await reserveSeat(base, a.roomId, projector);
  await rawSocket(
    port,
    `/${slow.processId}/${slow.roomId}?sessionId=${slow.sessionId}`,
    [wsFrame(2, new Uint8Array(10), { declaredLength: 1000n })],
    { waitMs: 300 },
  );
}
