import { describe, expect, it } from "vitest";
import type { LogChunk, NewRound, RoundPlayer, Store } from "./types.ts";

const T0 = Date.UTC(2025, 8, 1, 8, 0, 0);

/**
 * S1, S2: the round half of the store contract (contract.ts runs it): rounds, their logs as
 * they are appended, finished, interrupted, shared and deleted.
 */
export function describeRoundContract(store: () => Store): void {
  async function session(joinCode = "ABC234") {
    const teacher =
      (await store().teachers.byEmail("ada@example.org")) ??
      (await store()
        .teachers.create({
          email: "ada@example.org",
          passwordHash: "h",
          role: "teacher",
          createdAt: T0,
        })
        .then((created) => (created.ok ? created.value : undefined)));
    const created = await store().sessions.create({
      teacherId: teacher!.id,
      joinCode,
      createdAt: T0,
    });
    if (!created.ok) throw new Error(created.problem);
    return created.value;
  }

  const grace: RoundPlayer = { playerId: "p-grace", nickname: "Grace", node: 2, score: null };
  const newRound = (sessionId: string, startedAt = T0): NewRound => ({
    sessionId,
    // Key order and odd numbers on purpose: the log must come back as exactly this JSON.
    header: {
      version: 1,
      engineVersion: 3,
      mode: "routing",
      config: { z: 1, a: [0.1, -2e-7, 1e21], nested: { b: null, ü: "ß" } },
      seed: 4_294_967_295,
      roster: [
        { name: "", bot: "shortest-path" },
        { name: "Grace", bot: null },
      ],
    },
    players: [grace],
    startedAt,
    startHash: "hash-0",
  });
  async function started(sessionId: string, startedAt = T0) {
    const result = await store().rounds.start(newRound(sessionId, startedAt));
    if (!result.ok) throw new Error(result.problem);
    return result.value;
  }
  const chunk = (tick: number, extra: Partial<LogChunk> = {}): LogChunk => ({
    inputs: [],
    checkpoints: [],
    tick,
    hash: `hash-${tick}`,
    ...extra,
  });
  const input = (t: number, seq: number, actor: number | "host" = 1) => ({
    t,
    seq,
    actor,
    action: { type: "forward", to: 3, packet: seq },
  });

  describe("rounds", () => {
    it("S2: numbers a session's rounds from 1 and starts each running at tick 0", async () => {
      const room = await session("ABC234");
      const other = await session("XYZ789");
      const first = await started(room.id, T0);
      const second = await started(room.id, T0 + 10);
      const elsewhere = await started(other.id, T0 + 20);
      expect(first).toEqual({
        id: expect.any(String),
        sessionId: room.id,
        number: 1,
        mode: "routing",
        status: "running",
        startedAt: T0,
        endedAt: null,
        endTick: 0,
        players: [grace],
        summary: null,
        shared: false,
      });
      expect([second.number, elsewhere.number]).toEqual([2, 1]);
      expect(await store().rounds.byId(second.id)).toEqual(second);
      expect(await store().rounds.byNumber(room.id, 2)).toEqual(second);
      expect(await store().rounds.byNumber(room.id, 3)).toBeUndefined();
      expect(await store().rounds.bySession(room.id)).toEqual([first, second]);
      expect(await store().rounds.byId("no-such-id")).toBeUndefined();
    });

    it("S2: a round starts only in a session that exists", async () => {
      expect(await store().rounds.start(newRound("no-such-id"))).toEqual({
        ok: false,
        problem: "session-not-found",
      });
    });

    it("S2: appended chunks make the log, which ends at the last tick written, with its checkpoint", async () => {
      const room = await session();
      const round = await started(room.id);
      const checkpoints = [{ t: 0, hash: "hash-0" }];
      expect(
        await store().rounds.append(
          round.id,
          chunk(5, { inputs: [input(1, 0), input(3, 1, "host")], checkpoints }),
          T0 + 1000,
        ),
      ).toBe(true);
      expect(await store().rounds.append(round.id, chunk(9), T0 + 2000)).toBe(true);
      const log = await store().rounds.log(round.id);
      expect(log).toEqual({
        format: "quorum-replay",
        ...newRound(room.id).header,
        inputs: [input(1, 0), input(3, 1, "host")],
        checkpoints: [
          { t: 0, hash: "hash-0" },
          { t: 9, hash: "hash-9" },
        ],
        endTick: 9,
        summary: null,
      });
      expect(JSON.stringify(log?.config)).toBe(JSON.stringify(newRound(room.id).header.config));
      expect(await store().rounds.byId(round.id)).toMatchObject({ endTick: 9, endedAt: null });
      expect(await store().rounds.append("no-such-id", chunk(1), T0)).toBe(false);
      expect(await store().rounds.log("no-such-id")).toBeUndefined();
    });

    it("S2: a round killed before its first write still has a log: tick 0", async () => {
      const round = await started((await session()).id);
      expect(await store().rounds.log(round.id)).toMatchObject({
        inputs: [],
        checkpoints: [{ t: 0, hash: "hash-0" }],
        endTick: 0,
      });
    });

    it("S2, R9: a finished round keeps its summary and scores, and takes no more writes", async () => {
      const round = await started((await session()).id);
      await store().rounds.append(round.id, chunk(4, { inputs: [input(2, 0)] }), T0 + 1000);
      const summary = { class: { delivered: 7 }, baseline: { delivered: 9 } };
      const players = [{ ...grace, node: 1, score: 7 }];
      const last = chunk(12, { inputs: [input(11, 1)], checkpoints: [{ t: 12, hash: "hash-12" }] });
      expect(await store().rounds.finish(round.id, last, { summary, players }, T0 + 1500)).toBe(
        true,
      );
      expect(await store().rounds.byId(round.id)).toEqual({
        ...round,
        status: "finished",
        endedAt: T0 + 1500,
        endTick: 12,
        players,
        summary,
      });
      const log = await store().rounds.log(round.id);
      expect(log?.inputs).toEqual([input(2, 0), input(11, 1)]);
      // The chunk's own checkpoint of the last tick, not a second one.
      expect(log?.checkpoints).toEqual([{ t: 12, hash: "hash-12" }]);
      expect(log?.summary).toEqual(summary);

      expect(await store().rounds.append(round.id, chunk(13), T0 + 2000)).toBe(false);
      expect(await store().rounds.finish(round.id, chunk(13), { summary, players }, T0)).toBe(
        false,
      );
      expect(await store().rounds.interrupt(round.id, chunk(13), T0 + 2000)).toBe(false);
      expect((await store().rounds.log(round.id))?.endTick).toBe(12);
    });

    it("S2: at start, rounds left running become interrupted, ended at their last write", async () => {
      const room = await session();
      const crashed = await started(room.id);
      await store().rounds.append(crashed.id, chunk(10, { inputs: [input(4, 0)] }), T0 + 1000);
      const finished = await started(room.id);
      await store().rounds.finish(
        finished.id,
        chunk(3),
        { summary: { class: {}, baseline: null }, players: [] },
        T0 + 500,
      );
      expect(await store().rounds.interruptRunning()).toBe(1);
      expect(await store().rounds.interruptRunning()).toBe(0);
      expect(await store().rounds.byId(crashed.id)).toMatchObject({
        status: "interrupted",
        endedAt: T0 + 1000,
        endTick: 10,
        summary: null,
      });
      expect(await store().rounds.byId(finished.id)).toMatchObject({ status: "finished" });
      expect(await store().rounds.log(crashed.id)).toMatchObject({
        inputs: [input(4, 0)],
        checkpoints: [{ t: 10, hash: "hash-10" }],
        endTick: 10,
      });
      expect(await store().rounds.append(crashed.id, chunk(11), T0 + 2000)).toBe(false);
    });

    it("S2: a server that stops mid-round writes the last chunk and marks the round interrupted", async () => {
      const round = await started((await session()).id);
      expect(
        await store().rounds.interrupt(round.id, chunk(7, { inputs: [input(7, 0)] }), T0 + 9),
      ).toBe(true);
      expect(await store().rounds.byId(round.id)).toMatchObject({
        status: "interrupted",
        endedAt: T0 + 9,
        endTick: 7,
        players: [grace],
        summary: null,
      });
      expect((await store().rounds.log(round.id))?.inputs).toEqual([input(7, 0)]);
    });

    it("S2: a share token finds its round until it is replaced or cleared", async () => {
      const room = await session();
      const round = await started(room.id);
      const other = await started(room.id);
      expect(await store().rounds.share(round.id, "a".repeat(64))).toMatchObject({
        id: round.id,
        shared: true,
      });
      expect((await store().rounds.byShareToken("a".repeat(64)))?.id).toBe(round.id);
      await store().rounds.share(round.id, "b".repeat(64));
      expect(await store().rounds.byShareToken("a".repeat(64))).toBeUndefined();
      expect((await store().rounds.byShareToken("b".repeat(64)))?.id).toBe(round.id);
      expect((await store().rounds.byId(other.id))?.shared).toBe(false);
      expect(await store().rounds.share(round.id, null)).toMatchObject({ shared: false });
      expect(await store().rounds.byShareToken("b".repeat(64))).toBeUndefined();
      expect(await store().rounds.share("no-such-id", "c".repeat(64))).toBeUndefined();
    });

    it("S2: a deleted round is gone with its log; its number is not given again", async () => {
      const room = await session();
      const first = await started(room.id);
      const second = await started(room.id);
      await store().rounds.append(second.id, chunk(5, { inputs: [input(1, 0)] }), T0 + 1000);
      await store().rounds.share(second.id, "d".repeat(64));
      expect(await store().rounds.delete(second.id)).toBe(true);
      expect(await store().rounds.delete(second.id)).toBe(false);
      expect(await store().rounds.byId(second.id)).toBeUndefined();
      expect(await store().rounds.log(second.id)).toBeUndefined();
      expect(await store().rounds.byShareToken("d".repeat(64))).toBeUndefined();
      expect(await store().rounds.bySession(room.id)).toEqual([first]);
      expect((await started(room.id)).number).toBe(3);
    });

    it("S1: deleting a session deletes its players, rounds and logs, and nothing else", async () => {
      const room = await session("ABC234");
      const kept = await session("XYZ789");
      const player = await store().players.create({
        sessionId: room.id,
        nickname: "Grace",
        createdAt: T0,
      });
      const round = await started(room.id);
      await store().rounds.append(round.id, chunk(5, { inputs: [input(1, 0)] }), T0 + 1000);
      await store().rounds.share(round.id, "e".repeat(64));
      const keptRound = await started(kept.id);

      expect(await store().sessions.delete(room.id)).toBe(true);
      expect(await store().sessions.delete(room.id)).toBe(false);
      expect(await store().sessions.byId(room.id)).toBeUndefined();
      expect(await store().players.byId(player.ok ? player.value.id : "")).toBeUndefined();
      expect(await store().players.everInSession(room.id)).toEqual([]);
      expect(await store().rounds.byId(round.id)).toBeUndefined();
      expect(await store().rounds.log(round.id)).toBeUndefined();
      expect(await store().rounds.byShareToken("e".repeat(64))).toBeUndefined();
      expect(await store().rounds.bySession(room.id)).toEqual([]);
      expect(await store().sessions.byId(kept.id)).toEqual(kept);
      expect(await store().rounds.byId(keptRound.id)).toEqual(keptRound);
    });
  });
}
