import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import {
  addPlayer,
  addTeacher,
  api,
  classroomPerFile,
  connect,
  createSession,
  refusal,
} from "./harness.ts";

const classroom = classroomPerFile();

describe("POST /api/sessions", () => {
  it("P2: a teacher creates a session with a fresh join code, its room and its links", async () => {
    const answer = await api(classroom, "POST", "/api/sessions", {
      token: await classroom.accessToken(),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const { id, code, roomId, joinUrl, projectorUrl } = answer.body;
    expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    expect(roomId).toBe(id);
    // No PUBLIC_URL and bound to 127.0.0.1: the link is the server's own address.
    expect(joinUrl).toBe(`${classroom.base}/join/${code}`);
    expect(projectorUrl).toMatch(
      new RegExp(`^/projector/${id}\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`),
    );
    expect(answer.body).toMatchObject({ createdAt: classroom.clock.now, endedAt: null });
  });

  it("P1: creating, listing, opening and ending sessions need a teacher", async () => {
    for (const [method, path] of [
      ["POST", "/api/sessions"],
      ["GET", "/api/sessions"],
      ["POST", "/api/sessions/x/open"],
      ["POST", "/api/sessions/x/end"],
    ] as const) {
      const answer = await api(classroom, method, path);
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body.error).toBe("missing-token");
    }
  });
});

describe("GET /api/sessions", () => {
  it("P2: lists the teacher's own sessions, newest first", async () => {
    const other = await addTeacher(classroom.store, "grace@example.org", classroom.clock.now);
    const first = await createSession(classroom);
    classroom.clock.now += 1000;
    const second = await createSession(classroom);
    const mine = await api(classroom, "GET", "/api/sessions", {
      token: await classroom.accessToken(),
    });
    expect(mine.status).toBe(200);
    const ids = mine.body.sessions.map((session: { id: string }) => session.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(mine.body.sessions[0]).toEqual({
      id: second.id,
      code: second.code,
      roomId: second.id,
      createdAt: classroom.clock.now,
      endedAt: null,
    });
    const theirs = await api(classroom, "GET", "/api/sessions", {
      token: await classroom.accessToken(other),
    });
    expect(theirs.body.sessions).toEqual([]);
  });
});

describe("GET /api/sessions/:code", () => {
  it("P2: finds an active session by its code, refuses malformed and unknown codes", async () => {
    const session = await createSession(classroom);
    expect(await lookup(session.code)).toEqual([200, { code: session.code }]);
    expect(await lookup("ABC1O0")).toEqual([400, { error: "invalid-code" }]);
    const unused = session.code === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
    expect(await lookup(unused)).toEqual([404, { error: "session-not-found" }]);
  });

  it("P6: code lookups are rate-limited per address against guessing", async () => {
    let answer = await api(classroom, "GET", "/api/sessions/ZZZZZZ");
    for (let i = 1; i < 60; i++) answer = await api(classroom, "GET", "/api/sessions/ZZZZZZ");
    expect(answer.status).toBe(404);
    answer = await api(classroom, "GET", "/api/sessions/ZZZZZZ");
    expect(answer.status).toBe(429);
    expect(answer.body.error).toBe("rate-limited");
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("POST /api/sessions/:code/players", () => {
  it("P3: a student joins with code and nickname and gets a token for the session's room", async () => {
    const session = await createSession(classroom);
    const answer = await api(classroom, "POST", `/api/sessions/${session.code}/players`, {
      body: { nickname: "  Ada   Lovelace " },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toEqual({
      playerId: expect.any(String),
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      roomId: session.roomId,
      nickname: "Ada Lovelace",
    });
    const claims = await classroom.server.tokens.verifyPlayerToken(answer.body.token);
    expect(claims).toMatchObject({
      ok: true,
      claims: { sub: answer.body.playerId, sid: session.id },
    });
  });

  it("P3: an over-long or empty nickname is 400 with the problem's message key", async () => {
    const session = await createSession(classroom);
    const tooLong = await api(classroom, "POST", `/api/sessions/${session.code}/players`, {
      body: { nickname: "x".repeat(21) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      error: "invalid-request",
      field: "nickname",
      problem: "nickname.too-long",
    });
    const empty = await api(classroom, "POST", `/api/sessions/${session.code}/players`, {
      body: { nickname: "   " },
    });
    expect(empty.body).toMatchObject({ field: "nickname", problem: "nickname.empty" });
    const notText = await api(classroom, "POST", `/api/sessions/${session.code}/players`, {
      body: { nickname: 42 },
    });
    expect(notText.status).toBe(400);
    expect(notText.body).toMatchObject({ error: "invalid-request", field: "nickname" });
  });

  it("P3: nicknames are unique per session: a duplicate (in any case) is 409", async () => {
    const session = await createSession(classroom);
    const other = await createSession(classroom);
    await addPlayer(classroom, session.code, "Ada");
    const again = await api(classroom, "POST", `/api/sessions/${session.code}/players`, {
      body: { nickname: "ADA" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("nickname-taken");
    // Another class may have its own Ada.
    await expect(addPlayer(classroom, other.code, "Ada")).resolves.toBeDefined();
  });

  it("P2: unknown and malformed codes are refused", async () => {
    const bad = await api(classroom, "POST", "/api/sessions/abc/players", {
      body: { nickname: "Ada" },
    });
    expect([bad.status, bad.body.error]).toEqual([400, "invalid-code"]);
    const unknown = await api(classroom, "POST", "/api/sessions/ZZZZZZ/players", {
      body: { nickname: "Ada" },
    });
    expect([unknown.status, unknown.body.error]).toEqual([404, "session-not-found"]);
  });

  it("P6: a class behind one address joins freely; guessed codes are rate-limited", async () => {
    const session = await createSession(classroom);
    // A lecture hall behind a school NAT is one address: joining is not guessing.
    for (let i = 0; i < 150; i++) await addPlayer(classroom, session.code, `p${i}`);
    const guess = () =>
      api(classroom, "POST", "/api/sessions/ZZZZZZ/players", { body: { nickname: "Eve" } });
    for (let i = 0; i < 60; i++) expect((await guess()).status).toBe(404);
    expect((await guess()).status).toBe(429);
    // Once an address has guessed too often, even a right code waits.
    const answer = await api(classroom, "POST", `/api/sessions/${session.code}/players`, {
      body: { nickname: "late" },
    });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("POST /api/sessions/:id/open and /end", () => {
  it("P2: the owner reopens a session: the same room and a fresh projector link", async () => {
    const session = await createSession(classroom);
    const answer = await api(classroom, "POST", `/api/sessions/${session.id}/open`, {
      token: await classroom.accessToken(),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: session.id,
      code: session.code,
      roomId: session.roomId,
      joinUrl: session.joinUrl,
    });
    expect(answer.body.projectorUrl).toMatch(new RegExp(`^/projector/${session.id}\\?token=`));
  });

  it("P1: another teacher's session is not found, for opening and for ending", async () => {
    const session = await createSession(classroom);
    const other = await addTeacher(classroom.store, "alan@example.org", classroom.clock.now);
    const token = await classroom.accessToken(other);
    for (const action of ["open", "end"]) {
      const answer = await api(classroom, "POST", `/api/sessions/${session.id}/${action}`, {
        token,
      });
      expect([answer.status, answer.body.error]).toEqual([404, "session-not-found"]);
    }
    expect((await lookup(session.code))[0]).toBe(200);
  });

  it("P5: ending a session disconnects its room, frees its code and refuses joins", async () => {
    const session = await createSession(classroom);
    const ada = await addPlayer(classroom, session.code, "Ada");
    const student = await connect(classroom, ada.roomId, ada.token);
    const token = await classroom.accessToken();
    const answer = await api(classroom, "POST", `/api/sessions/${session.id}/end`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: session.id, endedAt: classroom.clock.now });
    expect(await student.closed).toBe(4000);
    expect(await lookup(session.code)).toEqual([404, { error: "session-not-found" }]);
    const reopen = await api(classroom, "POST", `/api/sessions/${session.id}/open`, { token });
    expect([reopen.status, reopen.body.error]).toEqual([409, "session-ended"]);
    // The room is gone, and a new one cannot be made for an ended session.
    expect((await refusal(connect(classroom, ada.roomId, ada.token))).message).toMatch(
      /not found|not active/,
    );
    // Ending twice keeps the first end.
    const again = await api(classroom, "POST", `/api/sessions/${session.id}/end`, { token });
    expect(again.body.endedAt).toBe(answer.body.endedAt);
  });
});

async function lookup(code: string): Promise<[number, unknown]> {
  const answer = await api(classroom, "GET", `/api/sessions/${code}`);
  return [answer.status, answer.body];
}
