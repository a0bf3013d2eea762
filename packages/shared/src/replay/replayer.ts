import type { AnyMode, Round, RoundEvent } from "../engine/contract.ts";
import { createRound, type Input, step } from "../engine/round.ts";
import { stateHash } from "../hash.ts";
import { modeById } from "../modes/index.ts";
import { ENGINE_VERSION } from "../version.ts";
import { CHECKPOINT_EVERY, REPLAY_VERSION, type ReplayLog } from "./log.ts";

/** Why a log cannot be replayed — a message key and its parameters, never a wrong replay. */
export type ReplayProblem =
  | { code: "replay.not-a-replay" }
  | { code: "replay.corrupt"; detail: string }
  | { code: "replay.unknown-version"; version: number }
  | { code: "replay.engine-version"; recorded: number; supported: number }
  | { code: "replay.unknown-mode"; mode: string }
  | { code: "replay.bad-config"; detail: string }
  | { code: "replay.diverged"; tick: number; expected: string; actual: string };

export type Result<T> = { ok: true; value: T } | { ok: false; problem: ReplayProblem };

/** Seeking keeps a snapshot every this many ticks, so any tick is at most this far from one. */
export const SNAPSHOT_EVERY = 250;

export interface Replay {
  log: ReplayLog;
  mode: AnyMode;
  inputsByTick: Map<number, Input[]>;
  /** Round states at multiples of SNAPSHOT_EVERY, filled in as the replay is played. */
  snapshots: Map<number, Round>;
}

export function openReplay(log: ReplayLog): Result<Replay> {
  if (log.version !== REPLAY_VERSION) {
    return { ok: false, problem: { code: "replay.unknown-version", version: log.version } };
  }
  if (log.engineVersion !== ENGINE_VERSION) {
    const problem = {
      code: "replay.engine-version",
      recorded: log.engineVersion,
      supported: ENGINE_VERSION,
    } as const;
    return { ok: false, problem };
  }
  const mode = modeById(log.mode);
  if (!mode) return { ok: false, problem: { code: "replay.unknown-mode", mode: log.mode } };
  let start: Round;
  try {
    start = createRound(mode, log.config, log.roster, log.seed);
  } catch (error) {
    return { ok: false, problem: { code: "replay.bad-config", detail: String(error) } };
  }
  const inputsByTick = new Map<number, Input[]>();
  for (const input of log.inputs) {
    const list = inputsByTick.get(input.t);
    if (list) list.push(input);
    else inputsByTick.set(input.t, [input]);
  }
  return { ok: true, value: { log, mode, inputsByTick, snapshots: new Map([[0, start]]) } };
}

/** Plays `round` one tick further with the logged inputs of that tick. */
export function advance(replay: Replay, round: Round, emit?: (event: RoundEvent) => void): void {
  step(replay.mode, round, replay.inputsByTick.get(round.tick + 1) ?? [], emit);
  if (round.tick % SNAPSHOT_EVERY === 0 && !replay.snapshots.has(round.tick)) {
    replay.snapshots.set(round.tick, structuredClone(round));
  }
}

/** §1.2: the round as it was at `tick` — re-simulated from the nearest snapshot before it. */
export function seek(replay: Replay, tick: number): Round {
  const target = Math.max(0, Math.min(tick, replay.log.endTick));
  let from = 0;
  for (const at of replay.snapshots.keys()) if (at <= target && at > from) from = at;
  const round = structuredClone(replay.snapshots.get(from)!);
  while (round.tick < target) advance(replay, round);
  return round;
}

/** D6: a complete log has a checkpoint at tick 0, every CHECKPOINT_EVERY ticks and at its end. */
function missingCheckpoint(log: ReplayLog): number | null {
  const present = new Set(log.checkpoints.map((checkpoint) => checkpoint.t));
  for (let t = 0; t <= log.endTick; t += CHECKPOINT_EVERY) if (!present.has(t)) return t;
  return present.has(log.endTick) ? null : log.endTick;
}

/** D6: re-simulates the whole log and compares every checkpoint; names the first divergence. */
export function verify(log: ReplayLog): Result<{ ticks: number; checkpoints: number }> {
  const opened = openReplay(log);
  if (!opened.ok) return opened;
  const replay = opened.value;
  const missing = missingCheckpoint(log);
  if (missing !== null) {
    return {
      ok: false,
      problem: { code: "replay.corrupt", detail: `the checkpoint of tick ${missing} is missing` },
    };
  }
  const round = structuredClone(replay.snapshots.get(0)!);
  for (const checkpoint of [...log.checkpoints].sort((p, q) => p.t - q.t)) {
    if (checkpoint.t > log.endTick) break;
    while (round.tick < checkpoint.t) advance(replay, round);
    const actual = stateHash(round);
    if (actual !== checkpoint.hash) {
      return {
        ok: false,
        problem: { code: "replay.diverged", tick: checkpoint.t, expected: checkpoint.hash, actual },
      };
    }
  }
  return { ok: true, value: { ticks: log.endTick, checkpoints: log.checkpoints.length } };
}
