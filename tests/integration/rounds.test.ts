import { SqliteStore } from "@quorum/server/store/sqlite";
import { decodeReplay, verify } from "@quorum/shared";
import { afterAll, describe, expect, it } from "vitest";
import {
  addTeacher,
  api,
  type Classroom,
  classroomPerFile,
  connect,
  createSession,
  runningRound,
  sendHost,
  storedRound,
  until,
} from "./harness.ts";

// The store is this file's, so that it can count the writes of running rounds.
const store = SqliteStore.open(":memory:");
const appends: string[] = [];
const append = store.rounds.append.bind(store.rounds);
store.rounds.append = (id, chunk, at) => {
  appends.push(id);
  return append(id, chunk, at);
};
const classroom = classroomPerFile({ store });

afterAll(async () => {
  await store.close();
});

/** A raw answer: replay files and CSV are not JSON. */
async function download(path: string, token?: string) {
  const response = await fetch(`${classroom.base}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** A routing round played for `ticks` ticks and ended by the teacher, stored as finished. */
async function finishedRound(room: Classroom, nicknames: string[], ticks = 40) {
  const running = await runningRound(room, { nicknames, nodes: nicknames.length + 2 });
  await until(() => running.host.json().tick >= ticks, `${ticks} ticks`);
  sendHost(running.host, { type: "end" });
  const stored = await storedRound(room, running.session.id);
  return { ...running, ...stored };
}

describe("S2: rounds are recorded while they run", () => {
  it("S2: a running round is listed and written about once a second, not once a tick", async () => {
    const { session, host } = await runningRound(classroom, { nicknames: ["Ada"], nodes: 4 });
    const token = await classroom.accessToken();
    // FAST timing: 10 ms ticks, so a second of the room's clock is about 100 ticks.
    await until(() => host.json().tick >= 300, "300 ticks");
    const listed = await api(classroom, "GET", `/api/sessions/${session.id}/rounds`, { token });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    expect(listed.body.rounds).toEqual([
      {
        number: 1,
        mode: "routing",
        status: "running",
        startedAt: expect.any(Number),
        endedAt: null,
        endTick: expect.any(Number),
        players: [
          { playerId: expect.any(String), nickname: "Ada", node: expect.any(Number), score: null },
        ],
        summary: null,
        shared: false,
      },
    ]);
    expect(listed.body.rounds[0].endTick).toBeGreaterThan(0);
    const round = await store.rounds.byNumber(session.id, 1);
    const writes = appends.filter((id) => id === round?.id).length;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(host.json().tick / 20);
  });

  it("S2, R9: an ended round is listed as finished, with its summary and each student's score", async () => {
    const { session, host, students, round } = await finishedRound(classroom, ["Ada", "Grace"]);
    const token = await classroom.accessToken();
    const listed = await api(classroom, "GET", `/api/sessions/${session.id}/rounds`, { token });
    const debrief = await host.next("debrief");
    expect(listed.body.rounds).toEqual([
      expect.objectContaining({
        number: 1,
        status: "finished",
        endedAt: classroom.clock.now,
        endTick: debrief.endTick,
        summary: debrief.summary,
      }),
    ]);
    for (const student of students) {
      const own = await student.conn.next("debrief");
      expect(listed.body.rounds[0].players).toContainEqual({
        playerId: student.playerId,
        nickname: student.nickname,
        node: own.node,
        score: own.score,
      });
    }
    const one = await api(classroom, "GET", `/api/sessions/${session.id}/rounds/1`, { token });
    expect(one.body).toEqual(listed.body.rounds[0]);
    expect(round.status).toBe("finished");
  });
});

describe("replay files and share links", () => {
  it("§1.2: the teacher downloads a round as a .quorum-replay file that verifies to its end", async () => {
    const { session, round } = await finishedRound(classroom, ["Ada"]);
    const { response, bytes } = await download(
      `/api/sessions/${session.id}/rounds/1/replay`,
      await classroom.accessToken(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename=${session.code}-round-1.quorum-replay`,
    );
    const decoded = decodeReplay(bytes);
    if (!decoded.ok) throw new Error(decoded.problem.code);
    expect(decoded.value.endTick).toBe(round.endTick);
    expect(decoded.value.summary).toEqual(round.summary);
    expect(verify(decoded.value)).toEqual({
      ok: true,
      value: { ticks: round.endTick, checkpoints: decoded.value.checkpoints.length },
    });
  });

  it("P4: a share link gives the file without sign-in until it is replaced or revoked", async () => {
    const { session } = await finishedRound(classroom, ["Ada"]);
    const token = await classroom.accessToken();
    const path = `/api/sessions/${session.id}/rounds/1`;
    const shared = await api(classroom, "POST", `${path}/share`, { token });
    expect(shared.status).toBe(201);
    expect(shared.body.token).toMatch(/^[\w-]{43}$/);
    expect(shared.body.url).toBe(`${classroom.base}/replay/s/${shared.body.token}`);
    expect((await api(classroom, "GET", path, { token })).body.shared).toBe(true);

    const original = await download(`${path}/replay`, token);
    const anonymous = await download(`/api/replays/${shared.body.token}`);
    expect(anonymous.response.status).toBe(200);
    expect(anonymous.response.headers.get("content-disposition")).toContain(
      `${session.code}-round-1.quorum-replay`,
    );
    expect(anonymous.bytes).toEqual(original.bytes);

    const again = await api(classroom, "POST", `${path}/share`, { token });
    expect(again.body.token).not.toBe(shared.body.token);
    expect((await api(classroom, "GET", `/api/replays/${shared.body.token}`)).body).toEqual({
      error: "replay-not-found",
      message: expect.any(String),
    });
    expect((await download(`/api/replays/${again.body.token}`)).response.status).toBe(200);

    expect((await api(classroom, "DELETE", `${path}/share`, { token })).status).toBe(204);
    expect((await api(classroom, "GET", `/api/replays/${again.body.token}`)).status).toBe(404);
    expect((await api(classroom, "GET", path, { token })).body.shared).toBe(false);
    expect((await api(classroom, "GET", "/api/replays/not-a-token")).status).toBe(404);
  });
});

describe("results", () => {
  it("results: the CSV lists every student and the scores, escaped and safe from formulas", async () => {
    const nicknames = ["=1+2", 'Ada "Countess", L.', "@Bob"];
    const { session, host, students, round } = await finishedRound(classroom, nicknames);
    const bob = students[2]!;
    sendHost(host, { type: "remove", player: bob.playerId });
    await until(
      async () => (await store.players.byId(bob.playerId))?.removedAt !== null,
      "Bob removed",
    );
    const { response, bytes } = await download(
      `/api/sessions/${session.id}/results.csv`,
      await classroom.accessToken(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename=${session.code}-results.csv`,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    const score = (playerId: string) =>
      round.players.find((player) => player.playerId === playerId)!.score!;
    const iso = (time: number | null | undefined) => (time ? new Date(time).toISOString() : "");
    const removedAt = (await store.players.byId(bob.playerId))?.removedAt;
    const joined = async (playerId: string) => iso((await store.players.byId(playerId))?.createdAt);
    expect(lines).toEqual([
      "nickname,joined,removed,round 1 (routing),total",
      `'=1+2,${await joined(students[0]!.playerId)},,${score(students[0]!.playerId)},${score(students[0]!.playerId)}`,
      `"Ada ""Countess"", L.",${await joined(students[1]!.playerId)},,${score(students[1]!.playerId)},${score(students[1]!.playerId)}`,
      `'@Bob,${await joined(bob.playerId)},${iso(removedAt)},${score(bob.playerId)},${score(bob.playerId)}`,
      "",
    ]);
  });
});

describe("deleting", () => {
  it("S2: a deleted round is gone from the store, with its log and share link; its number is not reused", async () => {
    const { session, host, round } = await finishedRound(classroom, ["Ada"]);
    const token = await classroom.accessToken();
    const path = `/api/sessions/${session.id}/rounds/1`;
    const shared = await api(classroom, "POST", `${path}/share`, { token });
    expect((await api(classroom, "DELETE", path, { token })).status).toBe(204);
    expect(await store.rounds.byId(round.id)).toBeUndefined();
    expect(await store.rounds.log(round.id)).toBeUndefined();
    expect((await api(classroom, "GET", `/api/replays/${shared.body.token}`)).status).toBe(404);
    expect((await api(classroom, "GET", path, { token })).body.error).toBe("round-not-found");
    expect((await api(classroom, "DELETE", path, { token })).status).toBe(404);

    sendHost(host, { type: "next" });
    await until(() => host.json().phase === "lobby", "the lobby");
    sendHost(host, { type: "start" });
    await until(() => host.json().phase === "running", "the second round");
    const listed = await api(classroom, "GET", `/api/sessions/${session.id}/rounds`, { token });
    expect(listed.body.rounds.map((listed: { number: number }) => listed.number)).toEqual([2]);
  });

  it("S2: a running round cannot be deleted; bad numbers are refused; nothing changes", async () => {
    const { session } = await runningRound(classroom, { nicknames: [], nodes: 3 });
    const token = await classroom.accessToken();
    const path = `/api/sessions/${session.id}/rounds`;
    const running = await api(classroom, "DELETE", `${path}/1`, { token });
    expect(running.status).toBe(409);
    expect(running.body).toEqual({ error: "round-running", message: expect.any(String) });
    for (const number of ["0", "-1", "1.5", "x", "01", "9999999999"]) {
      const answer = await api(classroom, "GET", `${path}/${number}`, { token });
      expect([answer.status, answer.body.error], number).toEqual([400, "invalid-request"]);
    }
    expect((await api(classroom, "GET", `${path}/2/replay`, { token })).body.error).toBe(
      "round-not-found",
    );
    expect((await api(classroom, "GET", path, { token })).body.rounds).toMatchObject([
      { number: 1, status: "running" },
    ]);
  });

  it("S1: deleting a session closes its room and removes its players, rounds and logs from the store", async () => {
    const { session, host, students } = await runningRound(classroom, {
      nicknames: ["Ada"],
      nodes: 3,
    });
    const round = await store.rounds.byNumber(session.id, 1);
    const token = await classroom.accessToken();
    const deleted = await api(classroom, "DELETE", `/api/sessions/${session.id}`, { token });
    expect(deleted.status).toBe(204);
    expect(await host.closed).toBe(4000);
    expect(await store.sessions.byId(session.id)).toBeUndefined();
    expect(await store.players.byId(students[0]!.playerId)).toBeUndefined();
    expect(await store.players.everInSession(session.id)).toEqual([]);
    expect(await store.rounds.byId(round!.id)).toBeUndefined();
    expect(await store.rounds.log(round!.id)).toBeUndefined();
    expect(await store.rounds.bySession(session.id)).toEqual([]);
    expect(await store.sessions.byCode(session.code)).toBeUndefined();
    expect((await api(classroom, "GET", `/api/sessions/${session.code}`)).status).toBe(404);
    expect((await api(classroom, "DELETE", `/api/sessions/${session.id}`, { token })).status).toBe(
      404,
    );
    // The deleted session's room does not come back.
    await expect(connect(classroom, session.roomId, token)).rejects.toThrow();
  });
});

describe("who may", () => {
  it("P1: every endpoint needs the teacher who owns the session; the share link needs nobody", async () => {
    const session = await createSession(classroom);
    const other = await addTeacher(
      classroom.store,
      `other-${classroom.clock.now}@example.org`,
      classroom.clock.now,
    );
    const endpoints = [
      ["GET", `/api/sessions/${session.id}/rounds`],
      ["GET", `/api/sessions/${session.id}/rounds/1`],
      ["GET", `/api/sessions/${session.id}/rounds/1/replay`],
      ["POST", `/api/sessions/${session.id}/rounds/1/share`],
      ["DELETE", `/api/sessions/${session.id}/rounds/1/share`],
      ["DELETE", `/api/sessions/${session.id}/rounds/1`],
      ["GET", `/api/sessions/${session.id}/results.csv`],
      ["DELETE", `/api/sessions/${session.id}`],
    ] as const;
    for (const [method, path] of endpoints) {
      const anonymous = await api(classroom, method, path);
      expect([anonymous.status, anonymous.body.error], `${method} ${path}`).toEqual([
        401,
        "missing-token",
      ]);
      const theirs = await api(classroom, method, path, {
        token: await classroom.accessToken(other),
      });
      expect([theirs.status, theirs.body.error], `${method} ${path}`).toEqual([
        404,
        "session-not-found",
      ]);
    }
    expect(await store.sessions.byId(session.id)).toBeDefined();
  });
});
