import { modeById, verify } from "@quorum/shared";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite.ts";
import type { LogChunk } from "../store/types.ts";
import { RoundRecords } from "./recorder.ts";
import { RoundRunner } from "./runner.ts";

const T0 = Date.UTC(2025, 8, 1, 8, 0, 0);
const logger = pino({ level: "silent" });
const players = [
  { id: "a", nickname: "Ada" },
  { id: "b", nickname: "Bob" },
];

let store: SqliteStore;
let sessionId: string;

beforeEach(async () => {
  store = SqliteStore.open(":memory:");
  const teacher = await store.teachers.create({
    email: "ada@example.org",
    passwordHash: "h",
    role: "teacher",
    createdAt: T0,
  });
  if (!teacher.ok) throw new Error(teacher.problem);
  const session = await store.sessions.create({
    teacherId: teacher.value.id,
    joinCode: "ABC234",
    createdAt: T0,
  });
  if (!session.ok) throw new Error(session.problem);
  sessionId = session.value.id;
});

afterEach(async () => {
  await store.close();
});

/** A recorded routing round with two students; `play(n)` plays n ticks with a fault each 7th. */
function recordedRound() {
  const runner = new RoundRunner(
    { mode: modeById("routing")!, config: { trafficRate: 5 }, nodes: 5 },
    players,
    11,
  );
  const records = new RoundRecords(store, logger);
  const recorder = records.start(sessionId, runner.recording, runner.students(), T0);
  const play = (ticks: number) => {
    for (let i = 0; i < ticks; i++) {
      if (runner.round.tick % 7 === 0) runner.host({ type: "crash", node: 4 });
      runner.step();
    }
  };
  const stored = async () => {
    await records.settled();
    return store.rounds.log((await recorder.roundId)!);
  };
  return { runner, records, recorder, play, stored };
}

/** Counts the store's appends, and can make the next one fail or wait. */
function watchAppends() {
  const calls: LogChunk[] = [];
  const real = store.rounds.append.bind(store.rounds);
  const control = { fail: false, hold: undefined as Promise<void> | undefined };
  store.rounds.append = async (id, chunk, at) => {
    calls.push(chunk);
    if (control.fail) {
      control.fail = false;
      throw new Error("the database went away");
    }
    await control.hold;
    return real(id, chunk, at);
  };
  return { calls, control };
}

describe("RoundRecorder", () => {
  it("S2: each flush writes what is new, and the stored log verifies up to the flushed tick", async () => {
    const { runner, recorder, play, stored } = recordedRound();
    const { calls } = watchAppends();
    for (const ticks of [10, 10, 23]) {
      play(ticks);
      recorder.flush(T0 + runner.round.tick * 100);
      const log = await stored();
      expect(log?.endTick).toBe(runner.round.tick);
      expect(log?.inputs).toEqual(runner.recording.log.inputs);
      expect(verify(log!)).toEqual({
        ok: true,
        value: expect.objectContaining({ ticks: runner.round.tick }),
      });
    }
    expect(calls).toHaveLength(3);
    expect(calls[1]!.inputs.every((input) => input.t > 10 && input.t <= 20)).toBe(true);
    // Nothing new (a paused round): no write.
    recorder.flush(T0 + 9000);
    await stored();
    expect(calls).toHaveLength(3);
  });

  it("S2: a failed write is retried by the next flush; nothing is lost or written twice", async () => {
    const { runner, recorder, play, stored } = recordedRound();
    const { calls, control } = watchAppends();
    play(15);
    control.fail = true;
    recorder.flush(T0 + 1000);
    expect((await stored())?.endTick).toBe(0);
    play(15);
    recorder.flush(T0 + 2000);
    const log = await stored();
    expect(calls).toHaveLength(2);
    expect(log?.inputs).toEqual(runner.recording.log.inputs);
    expect(verify(log!).ok).toBe(true);
  });

  it("S2: a flush while a write is still waiting is skipped, not queued behind it", async () => {
    const { recorder, play, stored } = recordedRound();
    const { calls, control } = watchAppends();
    let release = () => {};
    control.hold = new Promise((resolve) => {
      release = resolve;
    });
    play(5);
    recorder.flush(T0 + 1000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    play(5);
    recorder.flush(T0 + 2000);
    recorder.flush(T0 + 3000);
    release();
    await stored();
    expect(calls).toHaveLength(1);
    recorder.flush(T0 + 4000);
    expect((await stored())?.endTick).toBe(10);
    expect(calls).toHaveLength(2);
  });

  it("S2, R9: finishing stores exactly the closed log, with the students' scores", async () => {
    const { runner, recorder, play, stored } = recordedRound();
    play(30);
    recorder.flush(T0 + 3000);
    play(12);
    const log = runner.finish();
    const scores = runner.mode.score(runner.round);
    await recorder.finish(runner.students(scores), T0 + 5000);
    expect(await stored()).toEqual(log);
    const round = await store.rounds.byId((await recorder.roundId)!);
    expect(round).toMatchObject({ status: "finished", endedAt: T0 + 5000, summary: log.summary });
    expect(round?.players.map((player) => [player.nickname, player.score]).sort()).toEqual(
      [...players].map(({ id, nickname }) => [nickname, scores[runner.nodeOf(id)!]]).sort(),
    );
    // Closed: later flushes write nothing.
    recorder.flush(T0 + 6000);
    expect(await stored()).toEqual(log);
  });

  it("S2: a round its server stops playing is stored as interrupted, replayable to its last tick", async () => {
    const { runner, recorder, play, stored } = recordedRound();
    play(27);
    await recorder.interrupt(T0 + 2700);
    const log = await stored();
    expect(log?.endTick).toBe(27);
    expect(verify(log!).ok).toBe(true);
    expect(await store.rounds.byId((await recorder.roundId)!)).toMatchObject({
      status: "interrupted",
      summary: null,
      endTick: runner.round.tick,
    });
  });

  it("S2: a round whose session is gone is not recorded, and recording it throws nothing", async () => {
    await store.sessions.delete(sessionId);
    const { recorder, play, records } = recordedRound();
    play(12);
    recorder.flush(T0 + 1000);
    await recorder.interrupt(T0 + 2000);
    await records.settled();
    expect(await recorder.roundId).toBeUndefined();
  });
});
