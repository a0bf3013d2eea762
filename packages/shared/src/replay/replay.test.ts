import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { Round, RoundEvent } from "../engine/contract.ts";
import { createRound, type Input, step } from "../engine/round.ts";
import { stateHash } from "../hash.ts";
import { MODES } from "../modes/index.ts";
import type { RoutingRound } from "../modes/routing/actions.ts";
import { nextInt, seedRng } from "../rng.ts";
import { randomActs, seatsOf } from "../testing.ts";
import { ENGINE_VERSION } from "../version.ts";
import { playBaseline } from "./baseline.ts";
import { decodeReplay, encodeReplay } from "./codec.ts";
import {
  CHECKPOINT_EVERY,
  finishRecording,
  type ReplayLog,
  recordTick,
  startRecording,
} from "./log.ts";
import { advance, openReplay, type Replay, SNAPSHOT_EVERY, seek, verify } from "./replayer.ts";

const routing = MODES.routing!;
const CONFIG = { preset: "small-world", latency: [1, 6], trafficRate: 4, botThinkTicks: 2 };
const ROSTER = seatsOf(10, ["shortest-path", "random", null, "flooding", null, "shortest-path"]);
const TICKS = 620;

/** A round of random inputs from every kind of actor, recorded as the server would. */
function recordRound(seed: number, ticks = TICKS) {
  const recording = startRecording(routing, CONFIG, ROSTER, seed);
  const rng = seedRng(seed + 1000);
  const events: RoundEvent[] = [];
  const hashes: string[] = [];
  let seq = 1;
  for (let tick = 0; tick < ticks; tick++) {
    const acts = randomActs(recording.round as RoutingRound, rng, nextInt(rng, 3));
    const inputs = acts.map((act): Input => ({ t: recording.round.tick + 1, seq: seq++, ...act }));
    recordTick(recording, inputs, (event) => events.push(event));
    hashes.push(stateHash(recording.round));
  }
  return { log: finishRecording(recording), round: recording.round, events, hashes };
}

const recorded = recordRound(11);

/** The round at `tick`, by folding the log's inputs from tick 0 with no snapshots. */
function freshReplay(log: ReplayLog, tick: number): Round {
  const round = createRound(routing, log.config, log.roster, log.seed);
  while (round.tick < tick) {
    step(
      routing,
      round,
      log.inputs.filter((input) => input.t === round.tick + 1),
    );
  }
  return round;
}

function opened(log: ReplayLog): Replay {
  const result = openReplay(log);
  if (!result.ok) throw new Error(`replay refused: ${result.problem.code}`);
  return result.value;
}

describe("D1 determinism", () => {
  it("D1: the same config, seats, seed and inputs give the same state hash at every tick", () => {
    const again = recordRound(11);
    expect(again.hashes).toEqual(recorded.hashes);
    expect(again.log.checkpoints).toEqual(recorded.log.checkpoints);
    expect(again.log.inputs).toEqual(recorded.log.inputs);
    expect(JSON.stringify(again.round)).toBe(JSON.stringify(recorded.round));
  });

  it("D1: the recorded round is not a trivial one — traffic, faults and rejections all happened", () => {
    const { stats } = (recorded.round as RoutingRound).game;
    expect(stats.delivered).toBeGreaterThan(20);
    expect(Object.values(stats.ends).filter((count) => count > 0).length).toBeGreaterThan(4);
    expect(recorded.log.inputs.length).toBeGreaterThan(300);
    expect(new Set(recorded.hashes).size).toBe(TICKS);
  });

  it("D1: another seed gives another round", () => {
    const other = recordRound(12, 100);
    expect(other.hashes.slice(0, 100)).not.toEqual(recorded.hashes.slice(0, 100));
  });

  it("D1: a replay re-emits exactly the events of the original round", () => {
    const replay = opened(recorded.log);
    const round = structuredClone(replay.snapshots.get(0)!);
    const events: RoundEvent[] = [];
    while (round.tick < recorded.log.endTick) advance(replay, round, (event) => events.push(event));
    expect(JSON.stringify(events)).toBe(JSON.stringify(recorded.events));
  });
});

describe("D6 checkpoints and verification", () => {
  it("D6: a state hash is recorded every 50 ticks, and one at the end", () => {
    const ticks = recorded.log.checkpoints.map((checkpoint) => checkpoint.t);
    const every = Array.from({ length: 13 }, (_, i) => i * CHECKPOINT_EVERY);
    expect(ticks).toEqual([...every, TICKS]);
    for (const { t, hash } of recorded.log.checkpoints.slice(1)) {
      expect(hash).toBe(recorded.hashes[t - 1]);
    }
    expect(recorded.log).toMatchObject({
      format: "quorum-replay",
      version: 1,
      engineVersion: ENGINE_VERSION,
      mode: "routing",
      seed: 11,
      endTick: TICKS,
    });
    expect(recorded.log.summary?.class).toEqual(routing.debrief(recorded.round));
  });

  it("D6: verify re-simulates a log and accepts it", () => {
    expect(verify(recorded.log)).toEqual({ ok: true, value: { ticks: TICKS, checkpoints: 14 } });
  });

  // A burst leaves a lasting mark (the generated count); many inputs' effects wash out in a busy
  // round, and a divergence that heals itself before the next checkpoint cannot be seen by one.
  const isBurst = (action: unknown) => {
    const { type, count } = (action ?? {}) as { type?: string; count?: number };
    return type === "burst" && count !== undefined && count >= 1 && count < 500;
  };
  const burstAfter = (log: ReplayLog, tick: number) => {
    const index = log.inputs.findIndex((input) => input.t > tick && isBurst(input.action));
    expect(index).toBeGreaterThan(0);
    return index;
  };

  it("D6: one tampered input makes verify report replay.diverged at the first checkpoint after it", () => {
    const log = structuredClone(recorded.log);
    const index = burstAfter(log, 110);
    const input = log.inputs[index]!;
    input.action = { type: "burst", count: (input.action as { count: number }).count + 1 };
    const at = Math.ceil(input.t / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    const expected = recorded.log.checkpoints.find((checkpoint) => checkpoint.t === at)!.hash;
    const result = verify(log);
    expect(result).toMatchObject({
      ok: false,
      problem: { code: "replay.diverged", tick: at, expected },
    });
    if (!result.ok && result.problem.code === "replay.diverged") {
      expect(result.problem.actual).not.toBe(expected);
    }
  });

  it("D6: an input left out, or one input more, is caught too", () => {
    const shorter = structuredClone(recorded.log);
    const index = burstAfter(shorter, 300);
    const t = shorter.inputs[index]!.t;
    shorter.inputs.splice(index, 1);
    expect(verify(shorter)).toMatchObject({
      ok: false,
      problem: {
        code: "replay.diverged",
        tick: Math.ceil(t / CHECKPOINT_EVERY) * CHECKPOINT_EVERY,
      },
    });
    const added = structuredClone(recorded.log);
    added.inputs.push({ t: 555, seq: 99_999, actor: "host", action: { type: "burst", count: 1 } });
    expect(verify(added)).toMatchObject({
      ok: false,
      problem: { code: "replay.diverged", tick: 600 },
    });
  });

  it("D6: a tampered checkpoint is reported with the hash the replay really reached", () => {
    const log = structuredClone(recorded.log);
    log.checkpoints[4] = { t: 200, hash: "0123456789abcdef" };
    expect(verify(log)).toEqual({
      ok: false,
      problem: {
        code: "replay.diverged",
        tick: 200,
        expected: "0123456789abcdef",
        actual: recorded.log.checkpoints[4]!.hash,
      },
    });
  });

  it("D6: another seed in the log diverges at once, at tick 0", () => {
    const log = { ...structuredClone(recorded.log), seed: 12 };
    expect(verify(log)).toMatchObject({ ok: false, problem: { code: "replay.diverged", tick: 0 } });
  });
});

describe("D6 the .quorum-replay file (§1.2)", () => {
  it("D6: encodeReplay and decodeReplay round-trip a log, and it still verifies", () => {
    const bytes = encodeReplay(recorded.log);
    const decoded = decodeReplay(bytes);
    expect(decoded).toEqual({ ok: true, value: recorded.log });
    if (decoded.ok) expect(verify(decoded.value).ok).toBe(true);
    expect(bytes.length).toBeLessThan(JSON.stringify(recorded.log).length / 4);
  });

  it("D6: the same log always gives the same bytes", () => {
    expect(encodeReplay(recorded.log)).toEqual(encodeReplay(structuredClone(recorded.log)));
  });

  const fileOf = (json: unknown) => gzipSync(strToU8(JSON.stringify(json)));
  /** The file's JSON as encodeReplay writes it (inputs as [Δt, Δseq, actor, action]). */
  const tuples = (log: ReplayLog) => JSON.parse(strFromU8(gunzipSync(encodeReplay(log))));

  it("D6: truncated bytes are refused as replay.corrupt", () => {
    const bytes = encodeReplay(recorded.log);
    for (const length of [0, 5, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const result = decodeReplay(bytes.slice(0, length));
      expect(result, `${length} bytes`).toMatchObject({
        ok: false,
        problem: { code: "replay.corrupt" },
      });
    }
  });

  it("D6: bytes that are not gzip, and gzip that is not JSON, are refused as replay.corrupt", () => {
    expect(decodeReplay(strToU8('{"format":"quorum-replay"}'))).toMatchObject({
      ok: false,
      problem: { code: "replay.corrupt" },
    });
    expect(decodeReplay(gzipSync(strToU8("{ not json")))).toEqual({
      ok: false,
      problem: { code: "replay.corrupt", detail: "not JSON" },
    });
  });

  it("D6: JSON that is not a replay is refused as replay.not-a-replay", () => {
    for (const json of [
      { hello: "world" },
      [1, 2, 3],
      "quorum-replay",
      null,
      { format: "other" },
    ]) {
      expect(decodeReplay(fileOf(json))).toEqual({
        ok: false,
        problem: { code: "replay.not-a-replay" },
      });
    }
  });

  it("D6: a replay with a damaged field is refused as replay.corrupt, naming the field", () => {
    const broken = tuples(recorded.log);
    broken.inputs[3] = [-1, 1, "host", null]; // ticks only go forward
    const result = decodeReplay(fileOf(broken));
    expect(result).toMatchObject({ ok: false, problem: { code: "replay.corrupt" } });
    if (!result.ok && result.problem.code === "replay.corrupt") {
      expect(result.problem.detail).toMatch(/^inputs\.3\.0: /);
    }
    const noSeed = { ...tuples(recorded.log), seed: "eleven" };
    expect(decodeReplay(fileOf(noSeed))).toMatchObject({
      ok: false,
      problem: { code: "replay.corrupt", detail: expect.stringMatching(/^seed: /) },
    });
  });

  it("D6: a file of another layout version is refused (replay.unknown-version)", () => {
    const decoded = decodeReplay(fileOf({ ...tuples(recorded.log), version: 2 }));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(verify(decoded.value)).toEqual({
        ok: false,
        problem: { code: "replay.unknown-version", version: 2 },
      });
    }
  });

  it("D6: a log from another engine version is refused, never replayed (replay.engine-version)", () => {
    for (const engineVersion of [ENGINE_VERSION - 1, ENGINE_VERSION + 1]) {
      const decoded = decodeReplay(fileOf({ ...tuples(recorded.log), engineVersion }));
      expect(decoded.ok).toBe(true);
      if (decoded.ok) {
        expect(verify(decoded.value)).toEqual({
          ok: false,
          problem: {
            code: "replay.engine-version",
            recorded: engineVersion,
            supported: ENGINE_VERSION,
          },
        });
        expect(openReplay(decoded.value).ok).toBe(false);
      }
    }
  });

  it("D6: a log of an unknown mode or with an invalid config is refused", () => {
    expect(verify({ ...recorded.log, mode: "chess" })).toEqual({
      ok: false,
      problem: { code: "replay.unknown-mode", mode: "chess" },
    });
    expect(verify({ ...recorded.log, mode: "toString" })).toMatchObject({
      ok: false,
      problem: { code: "replay.unknown-mode" },
    });
    expect(verify({ ...recorded.log, config: { preset: "donut" } })).toMatchObject({
      ok: false,
      problem: { code: "replay.bad-config", detail: expect.stringMatching(/preset/) },
    });
  });
});

describe("D1 seeking (§1.2)", () => {
  it("D1: seek(t) gives the same round as a fresh replay to t", () => {
    const replay = opened(recorded.log);
    for (const t of [0, 1, 49, 250, 251, 499, 500, 613, TICKS]) {
      const sought = seek(replay, t);
      expect(sought.tick).toBe(t);
      expect(stateHash(sought), `tick ${t}`).toBe(stateHash(freshReplay(recorded.log, t)));
      if (t > 0) expect(stateHash(sought)).toBe(recorded.hashes[t - 1]);
    }
  });

  it("D1: seeking backwards and forwards again, through cached snapshots, gives the same rounds", () => {
    const replay = opened(recorded.log);
    seek(replay, TICKS);
    expect([...replay.snapshots.keys()]).toEqual([0, SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY]);
    for (const t of [600, 260, 20, 510, 250]) {
      expect(stateHash(seek(replay, t)), `tick ${t}`).toBe(recorded.hashes[t - 1]);
    }
  });

  it("D1: a round handed out by seek is a copy — changing it does not change the replay", () => {
    const replay = opened(recorded.log);
    const first = seek(replay, 300);
    step(routing, first, [{ t: 301, seq: 1, actor: "host", action: { type: "heal-all" } }]);
    first.seats[0]!.name = "changed";
    expect(stateHash(seek(replay, 300))).toBe(recorded.hashes[299]);
  });

  it("D1: seeking beyond either end stops at the end", () => {
    const replay = opened(recorded.log);
    expect(seek(replay, 10_000).tick).toBe(TICKS);
    expect(seek(replay, -5).tick).toBe(0);
  });
});

describe("R9 baseline", () => {
  it("R9: the baseline replays the same traffic and faults with shortest-path bots at every node", () => {
    const seats = Array.from({ length: 12 }, (_, node) => ({ name: `n${node}`, bot: null }));
    const recording = startRecording(routing, { trafficRate: 4 }, seats, 5);
    for (let t = 1; t <= 400; t++) {
      const faults =
        t === 100
          ? [{ t, seq: 1, actor: "host" as const, action: { type: "crash", node: 3 } }]
          : [];
      recordTick(recording, faults);
    }
    const log = finishRecording(recording);
    const baseline = playBaseline(log, routing, "shortest-path");
    // Nobody routed in the class, so nothing was delivered…
    const delivered = (figures: unknown) => (figures as { delivered: number }).delivered;
    expect(delivered(log.summary!.class)).toBe(0);
    // …while the bots routed the very same packets, and the crash happened to them too.
    const generated = (round: Round) => (round as RoutingRound).game.stats.generated;
    expect(generated(baseline)).toBe(generated(recording.round));
    expect(delivered(log.summary!.baseline)).toBeGreaterThan(0);
    expect(baseline.net.nodeUp[3]).toBe(false);
    expect(baseline.seats.every((seat) => seat.bot === "shortest-path")).toBe(true);
  });

  it("D6: a log with a checkpoint removed is refused as incomplete", () => {
    const seats = Array.from({ length: 4 }, (_, node) => ({ name: `n${node}`, bot: "random" }));
    const recording = startRecording(routing, {}, seats, 9);
    for (let t = 1; t <= 120; t++) recordTick(recording, []);
    const log = finishRecording(recording);
    log.checkpoints = log.checkpoints.filter((checkpoint) => checkpoint.t !== 100);
    expect(verify(log)).toEqual({
      ok: false,
      problem: { code: "replay.corrupt", detail: "the checkpoint of tick 100 is missing" },
    });
  });
});
