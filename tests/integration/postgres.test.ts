import { PgStore } from "@quorum/server/store/pg";
import { startTestPostgres, type TestPostgres } from "@quorum/server/store/testPostgres";
import { verify } from "@quorum/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import { api, runningRound, sendHost, startClassroom, storedRound, until } from "./harness.ts";

// S1: the whole server on a real PostgreSQL (testPostgres.ts), chosen by DATABASE_URL.
let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

it("S1, S2: with DATABASE_URL the server keeps sessions, players and round logs in PostgreSQL", async () => {
  const databaseUrl = await postgres.createDatabase();
  const classroom = await startClassroom({ databaseUrl });
  try {
    expect(classroom.server.store).toBeInstanceOf(PgStore);
    const { session, host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Grace"],
      nodes: 4,
    });
    await until(() => host.json().tick >= 150, "150 ticks");
    sendHost(host, { type: "end" });
    const { round, log } = await storedRound(classroom, session.id);
    expect(round.players.map((player) => player.playerId).sort()).toEqual(
      students.map((student) => student.playerId).sort(),
    );
    expect(verify(log)).toEqual({
      ok: true,
      value: expect.objectContaining({ ticks: round.endTick }),
    });

    const token = await classroom.accessToken();
    const deleted = await api(classroom, "DELETE", `/api/sessions/${session.id}`, { token });
    expect(deleted.status).toBe(204);
    expect(await classroom.store.rounds.byId(round.id)).toBeUndefined();
  } finally {
    await classroom.close();
  }
});
