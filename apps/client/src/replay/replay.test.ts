import type { RoutingHostView } from "@quorum/shared";
import type { Input } from "@quorum/shared/engine/round";
import { stateHash } from "@quorum/shared/hash";
import { MODES } from "@quorum/shared/modes/index";
import { encodeReplay } from "@quorum/shared/replay/codec";
import {
  finishRecording,
  type ReplayLog,
  recordTick,
  startRecording,
} from "@quorum/shared/replay/log";
import { SNAPSHOT_EVERY } from "@quorum/shared/replay/replayer";
import { nextInt, seedRng } from "@quorum/shared/rng";
import { seatsOf } from "@quorum/shared/testing";
import { describe, expect, it } from "vitest";
import { frameOf, ReplayCursor } from "./frame.ts";
import { openReplayFile, prepareReplay, VIEWER_SNAPSHOT_EVERY } from "./load.ts";

const routing = MODES.routing!;
const TICKS = 700;
/** The teacher's lesson, by tick (N7). */
const LESSON = new Map<number, object>([
  [100, { type: "crash", node: 3 }],
  [180, { type: "restart", node: 3 }],
  [260, { type: "set-loss", link: null, loss: 0.4 }],
  [400, { type: "heal-all" }],
  [520, { type: "burst", count: 30 }],
]);

/** A routing round with bots everywhere and the lesson's faults, recorded as the server does. */
function recordRound(): ReplayLog {
  const config = { preset: "small-world", latency: [1, 6], trafficRate: 4, botThinkTicks: 2 };
  const recording = startRecording(routing, config, seatsOf(10, Array(10).fill("random")), 7);
  let seq = 0;
  for (let t = 1; t <= TICKS; t++) {
    const fault = LESSON.get(t);
    const inputs: Input[] = fault ? [{ t, seq: seq++, actor: "host", action: fault }] : [];
    recordTick(recording, inputs);
  }
  return finishRecording(recording);
}

const log = recordRound();
const bytes = encodeReplay(log);

function opened() {
  const result = openReplayFile(bytes);
  if (!result.ok) throw new Error(`refused: ${result.problem.code}`);
  return result.replay;
}

function prepared() {
  const replay = opened();
  const steps = prepareReplay(replay);
  const progress: number[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { replay, markers: next.value, progress };
    progress.push(next.value);
  }
}

/** The file of the same log with `change` made to it. */
function edited(change: (log: ReplayLog) => void): Uint8Array {
  const copy = structuredClone(log);
  change(copy);
  return encodeReplay(copy);
}

describe("opening a .quorum-replay file in the browser", () => {
  it("§1.2, D6: a recorded round opens and verifies", () => {
    expect(openReplayFile(bytes)).toMatchObject({ ok: true });
  });

  it("§1.2: a file of an unknown format version is refused, naming the version", () => {
    const future = edited((copy) => {
      copy.version = 99;
    });
    expect(openReplayFile(future)).toEqual({
      ok: false,
      problem: { code: "replay.unknown-version", version: 99 },
    });
  });

  it("§1.2: a cut-off download is refused as incomplete", () => {
    for (const keep of [0.5, 0.9, 0.999]) {
      const cut = bytes.slice(0, Math.floor(bytes.length * keep));
      expect(openReplayFile(cut)).toEqual({
        ok: false,
        problem: { code: "replay.file.truncated" },
      });
    }
  });

  it("D6: a tampered file is refused at the first checkpoint that no longer matches", () => {
    const tampered = edited((copy) => {
      const burst = copy.inputs.find((input) => input.t === 520)!;
      burst.action = { type: "burst", count: 31 };
    });
    expect(openReplayFile(tampered)).toMatchObject({
      ok: false,
      problem: { code: "replay.diverged", tick: 550 },
    });
  });

  it("§1.2: a file that is not a replay at all says so", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(openReplayFile(png)).toEqual({ ok: false, problem: { code: "replay.not-a-replay" } });
    expect(openReplayFile(new Uint8Array())).toEqual({
      ok: false,
      problem: { code: "replay.not-a-replay" },
    });
  });
});

describe("preparing and seeking a replay", () => {
  it("§1.2: one pass fills a snapshot every VIEWER_SNAPSHOT_EVERY ticks and reports its progress", () => {
    const { replay, progress } = prepared();
    const ticks = [...replay.snapshots.keys()].sort((p, q) => p - q);
    expect(ticks).toEqual([0, 100, 200, 250, 300, 400, 500, 600, 700]);
    expect(VIEWER_SNAPSHOT_EVERY).toBeLessThan(SNAPSHOT_EVERY);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((p, q) => p - q));
    expect(progress.every((share) => share > 0 && share < 1)).toBe(true);
  });

  it("N6, N7: the pass marks the lesson's faults and the losses they caused", () => {
    const { markers } = prepared();
    const hosts = markers.filter((marker) => marker.event.kind !== "drops");
    expect(hosts.map((marker) => [marker.tick, marker.event.kind])).toEqual([
      [100, "crash"],
      [180, "restart"],
      [260, "loss"],
      [400, "heal-all"],
      [520, "burst"],
    ]);
    const drops = markers.filter((marker) => marker.event.kind === "drops");
    expect(drops.length).toBeGreaterThan(0);
    // 40 % loss on every link from tick 260: losses on the link start with it.
    const onLinks = drops.find(
      (marker) => marker.event.kind === "drops" && marker.event.cause === "loss",
    );
    expect(onLinks?.tick).toBeGreaterThanOrEqual(260);
    expect(onLinks?.tick).toBeLessThan(280);
  });

  it("D1, D6: seeking anywhere, forwards and back, gives the recorded state hash", () => {
    const { replay } = prepared();
    const cursor = new ReplayCursor(replay);
    const rng = seedRng(3);
    const checkpoints = [...log.checkpoints];
    for (let i = 0; i < 40; i++) {
      const { t, hash } = checkpoints[nextInt(rng, checkpoints.length)]!;
      expect(stateHash(cursor.goTo(t).round), `tick ${t}`).toBe(hash);
    }
    // Playing on, a tick at a time, passes the same checkpoints.
    cursor.goTo(0);
    for (let t = 1; t <= 300; t++) {
      const { round } = cursor.goTo(t);
      const checkpoint = log.checkpoints.find((entry) => entry.t === t);
      if (checkpoint) expect(stateHash(round)).toBe(checkpoint.hash);
    }
  });

  it("D4, N6: a frame shows the engine's host view, the followed node's own view and the losses", () => {
    const { replay } = prepared();
    const cursor = new ReplayCursor(replay);
    const options = { follow: 3, previous: null, away: (name: string) => `${name} (bot)` };
    let lossy = null;
    for (let t = 261; t < 400 && !lossy; t++) {
      const { round, events } = cursor.goTo(t);
      const frame = frameOf(replay, round, events, options);
      if (frame.drops.length > 0) lossy = { frame, round };
    }
    expect(lossy).not.toBeNull();
    const { frame, round } = lossy!;
    expect(frame.host).toEqual(routing.hostView(round) as RoutingHostView);
    expect(frame.phone).toEqual(routing.view(round, 3));
    expect(frame.hash).toBe(stateHash(round));
    expect(frame.network.nodes).toHaveLength(10);
    expect(frame.packets).toHaveLength(frame.host!.packets.length);
    expect(frame.drops.every((drop) => drop.type === "drop" && drop.node >= 0)).toBe(true);
    expect(frame.drops.some((drop) => drop.cause === "loss")).toBe(true);
    // Nothing followed: no phone.
    expect(frameOf(replay, round, [], { ...options, follow: null }).phone).toBeNull();
  });

  it("a frame keeps the network object while nothing it draws changed", () => {
    const { replay } = prepared();
    const cursor = new ReplayCursor(replay);
    const options = { follow: null, previous: null, away: (name: string) => name };
    const first = cursor.goTo(20);
    const a = frameOf(replay, first.round, first.events, options);
    const second = cursor.goTo(21);
    const b = frameOf(replay, second.round, second.events, { ...options, previous: a.network });
    expect(b.network).toBe(a.network);
    const crashed = cursor.goTo(101);
    const c = frameOf(replay, crashed.round, crashed.events, { ...options, previous: b.network });
    expect(c.network).not.toBe(b.network);
    expect(c.network.nodes[3]!.up).toBe(false);
  });

  it("E-rules: an election round replays with the network only (no view of its own yet) and marks its leaders", () => {
    const election = MODES.election!;
    const recording = startRecording(election, {}, seatsOf(5, Array(5).fill("raft")), 5);
    for (let t = 1; t <= 400; t++) {
      const crash: Input[] =
        t === 250 ? [{ t, seq: 1, actor: "host", action: { type: "crash", node: 0 } }] : [];
      recordTick(recording, crash);
    }
    const file = openReplayFile(encodeReplay(finishRecording(recording)));
    if (!file.ok) throw new Error(file.problem.code);
    const steps = prepareReplay(file.replay);
    let next = steps.next();
    while (!next.done) next = steps.next();
    const kinds = next.value.map((marker) => marker.event.kind);
    expect(kinds).toContain("elected");
    expect(kinds).toContain("crash");
    const { round, events } = new ReplayCursor(file.replay).goTo(300);
    const options = { follow: 1, previous: null, away: (name: string) => name };
    const frame = frameOf(file.replay, round, events, options);
    expect(frame.host).toBeNull();
    expect(frame.phone).toBeNull();
    expect(frame.network.nodes).toHaveLength(5);
    expect(frame.network.nodes[0]!.up).toBe(false);
    expect(frame.packets).toHaveLength(round.net.inFlight.length);
    expect(frame.hash).toBe(stateHash(round));
  });
});
