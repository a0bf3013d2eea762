import { describe, expect, it } from "vitest";
import type { Input } from "../../engine/round.ts";
import { stateHash } from "../../hash.ts";
import { decodeReplay, encodeReplay } from "../../replay/codec.ts";
import { finishRecording, recordTick, startRecording } from "../../replay/log.ts";
import { openReplay, seek, verify } from "../../replay/replayer.ts";
import { nextInt, seedRng } from "../../rng.ts";
import { MODES, modeById } from "../index.ts";
import type { ElectionRound } from "./actions.ts";
import { checkSafety } from "./audit.ts";
import type { ElectionDebrief } from "./debrief.ts";
import { election } from "./index.ts";
import { randomActs } from "./randomActs.ts";
import { type Act, seatsOf } from "./testing.ts";

const mode = MODES.election!;
const CONFIG = { latency: [2, 6], electionTimeout: [30, 60], assist: "assisted" };
const ROSTER = seatsOf(9, ["raft", null, "raft", "raft", null, "careless", "raft", null, "raft"]);

/** An election round of random inputs from every kind of actor, recorded as the server would. */
function recordRound(seed: number, ticks: number, script?: (tick: number) => Act[]) {
  const recording = startRecording(mode, CONFIG, ROSTER, seed);
  const rng = seedRng(seed + 1000);
  const hashes: string[] = [];
  let seq = 1;
  for (let tick = 0; tick < ticks; tick++) {
    const round = recording.round as ElectionRound;
    const acts = script ? script(round.tick + 1) : randomActs(round, rng, nextInt(rng, 3));
    const inputs = acts.map((act): Input => ({ t: round.tick + 1, seq: seq++, ...act }));
    recordTick(recording, inputs);
    hashes.push(stateHash(recording.round));
  }
  return { log: finishRecording(recording), round: recording.round as ElectionRound, hashes };
}

describe("D1, D6 election replays", () => {
  const recorded = recordRound(21, 700);

  it("D1: the mode is registered, and the same seed and inputs give the same state every tick", () => {
    expect(modeById("election")).toBe(mode);
    expect(mode).toBe(election as unknown);
    const again = recordRound(21, 700);
    expect(again.hashes).toEqual(recorded.hashes);
    expect(JSON.stringify(again.round)).toBe(JSON.stringify(recorded.round));
  });

  it("D1: the recorded round is not a trivial one — elections, commits and rejections happened", () => {
    const summary = recorded.log.summary!.class as ElectionDebrief;
    expect(summary.clusters.reduce((sum, cluster) => sum + cluster.elections, 0)).toBeGreaterThan(
      2,
    );
    expect(recorded.log.inputs.length).toBeGreaterThan(300);
  });

  it("D6: record → file → verify replays every checkpoint; a changed input diverges", () => {
    const decoded = decodeReplay(encodeReplay(recorded.log));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(verify(decoded.value)).toEqual({
      ok: true,
      value: { ticks: 700, checkpoints: recorded.log.checkpoints.length },
    });
    const tampered = structuredClone(decoded.value);
    const command = tampered.inputs.find(
      (input) => (input.action as { type?: string }).type === "command",
    );
    (command!.action as { command: string }).command = "x=tampered";
    tampered.inputs.push({ t: 1, seq: 0, actor: "host", action: { type: "crash", node: 0 } });
    expect(verify(tampered)).toMatchObject({ ok: false, problem: { code: "replay.diverged" } });
  });

  it("D6: seeking an election replay gives the state of that tick", () => {
    const opened = openReplay(recorded.log);
    if (!opened.ok) throw new Error(opened.problem.code);
    expect(stateHash(seek(opened.value, 333))).toBe(recorded.hashes[332]);
    expect(stateHash(seek(opened.value, 120))).toBe(recorded.hashes[119]);
  });

  it("E7: the summary holds the class's debrief and the Raft bots' baseline on the same faults", () => {
    const { baseline } = recorded.log.summary! as { baseline: ElectionDebrief };
    expect(baseline.clusters.length).toBe(2);
    expect(baseline.violations).toEqual([]);
  });

  it("E7: the checker run over a replay log finds what the round found: a permissive double vote", () => {
    const script = (tick: number): Act[] => {
      if (tick === 1) {
        return [
          { actor: "host", action: { type: "configure", enforcement: "permissive" } },
          ...[0, 1, 2, 3].map((node) => ({
            actor: "host" as const,
            action: { type: "seat", node, name: `n${node}`, bot: "careless" },
          })),
        ];
      }
      return [];
    };
    const { log, round } = recordRound(5, 900, script);
    const audit = checkSafety(log);
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.value).toEqual(round.game.safety.violations);
    expect(audit.value).toEqual([
      expect.objectContaining({ property: "election-safety", cluster: 0, term: 1, index: null }),
    ]);
    expect(audit.value[0]!.tick).toBeGreaterThan(0);
    expect(audit.value[0]!.nodes).toHaveLength(2);
  });

  it("E7: the checker is for election logs only", () => {
    const routing = startRecording(MODES.routing!, {}, seatsOf(3), 1);
    expect(() => checkSafety(finishRecording(routing))).toThrow(RangeError);
  });
});
