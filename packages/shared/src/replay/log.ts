import type { AnyMode, Rejection, Round, RoundEvent, Seat, TickCtx } from "../engine/contract.ts";
import {
  applyInput,
  closeTick,
  createRound,
  type Input,
  type InputRejection,
  openTick,
  step,
} from "../engine/round.ts";
import { stateHash } from "../hash.ts";
import { ENGINE_VERSION } from "../version.ts";
import { playBaseline } from "./baseline.ts";

export const REPLAY_FORMAT = "quorum-replay";
/** Version of the file layout (not of the engine). */
export const REPLAY_VERSION = 1;
/** D6: a state hash every this many ticks. */
export const CHECKPOINT_EVERY = 50;

export interface Checkpoint {
  t: number;
  hash: string;
}

/** §1.2: everything needed to re-simulate a round, bit for bit. */
export interface ReplayLog {
  format: typeof REPLAY_FORMAT;
  version: number;
  engineVersion: number;
  mode: string;
  config: unknown;
  seed: number;
  roster: Seat[];
  inputs: Input[];
  checkpoints: Checkpoint[];
  endTick: number;
  /** The figures at `endTick`, so a list of rounds needs no re-simulation. */
  summary: RoundSummary | null;
}

/** R9: the class's debrief, and the mode's baseline bot's on the same traffic and faults. */
export interface RoundSummary {
  class: unknown;
  baseline: unknown;
}

/** A round being played and written down as it goes. */
export interface Recording {
  mode: AnyMode;
  round: Round;
  log: ReplayLog;
}

export function startRecording(
  mode: AnyMode,
  config: unknown,
  roster: Seat[],
  seed: number,
): Recording {
  const round = createRound(mode, config, roster, seed);
  return {
    mode,
    round,
    log: {
      format: REPLAY_FORMAT,
      version: REPLAY_VERSION,
      engineVersion: ENGINE_VERSION,
      mode: mode.id,
      // The validated config, defaults filled in: a later change of defaults can't alter a replay.
      config: structuredClone(round.config),
      seed,
      roster: structuredClone(roster),
      inputs: [],
      checkpoints: [{ t: 0, hash: stateHash(round) }],
      endTick: 0,
      summary: null,
    },
  };
}

/** Plays one tick with `inputs` (already stamped with this tick and receipt order) and logs it. */
export function recordTick(
  recording: Recording,
  inputs: readonly Input[],
  emit?: (event: RoundEvent) => void,
): InputRejection[] {
  const { mode, round } = recording;
  for (const input of inputs) {
    // A programming error in the caller, not bad user input: a mis-stamped input would replay
    // at another tick than it was played.
    if (input.t !== round.tick + 1)
      throw new RangeError(
        `input ${input.seq} is stamped for tick ${input.t}, not ${round.tick + 1}`,
      );
  }
  const rejections = step(mode, round, inputs, emit);
  logTick(recording, inputs);
  return rejections;
}

/**
 * A tick the server plays as its inputs arrive (D2: each applied at once, in receipt order),
 * so a player hears the engine's verdict on an action without waiting for the beat. Replaying
 * its log with `step` gives the same state: nothing else touches the round while it is open.
 */
export interface LiveTick {
  /** The tick this is; every input recorded into it is stamped with it. */
  readonly t: number;
  readonly ctx: TickCtx;
  readonly inputs: Input[];
}

export function openLiveTick(recording: Recording, emit?: (event: RoundEvent) => void): LiveTick {
  const ctx = openTick(recording.mode, recording.round, emit);
  return { t: ctx.tick, ctx, inputs: [] };
}

/** Applies `input` in the open tick at once; it is logged when the tick closes. */
export function recordInput(recording: Recording, live: LiveTick, input: Input): Rejection | null {
  const last = live.inputs[live.inputs.length - 1];
  if (input.t !== live.t || (last !== undefined && input.seq <= last.seq)) {
    throw new RangeError(`input ${input.seq} is out of order for tick ${live.t}`);
  }
  live.inputs.push(input);
  return applyInput(recording.mode, recording.round, input, live.ctx);
}

export function closeLiveTick(recording: Recording, live: LiveTick): void {
  closeTick(recording.mode, recording.round, live.ctx);
  logTick(recording, live.inputs);
}

/** The tick's inputs go into the log, refused ones too (D3: they replay the same way). */
function logTick(recording: Recording, inputs: readonly Input[]): void {
  const { round, log } = recording;
  for (const input of inputs) log.inputs.push(input);
  log.endTick = round.tick;
  if (round.tick % CHECKPOINT_EVERY === 0)
    log.checkpoints.push({ t: round.tick, hash: stateHash(round) });
}

/** Closes the log: the final checkpoint and the summary. */
export function finishRecording(recording: Recording): ReplayLog {
  const { mode, round, log } = recording;
  const last = log.checkpoints[log.checkpoints.length - 1];
  if (last?.t !== round.tick) log.checkpoints.push({ t: round.tick, hash: stateHash(round) });
  log.endTick = round.tick;
  const baseline =
    mode.baselineBot === null ? null : mode.debrief(playBaseline(log, mode, mode.baselineBot));
  log.summary = { class: mode.debrief(round), baseline };
  return log;
}
