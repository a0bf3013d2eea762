import { TICK_MS } from "@quorum/shared/engine/time";

/**
 * The replay's transport: which tick is shown, whether it plays and how fast. A pure reducer;
 * the viewer feeds it the time that passed between two animation frames.
 */

/** D7 goes to 4× live; a replay may go faster, to skim a long round. */
export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface Playback {
  tick: number;
  endTick: number;
  playing: boolean;
  speed: ReplaySpeed;
  /** The fraction of a tick that has played but not yet been shown. */
  carry: number;
}

export type PlaybackCommand =
  | { type: "toggle" }
  | { type: "pause" }
  | { type: "seek"; tick: number }
  | { type: "step"; by: number }
  | { type: "speed"; speed: ReplaySpeed }
  /** `ms` of wall-clock time passed while playing. */
  | { type: "elapsed"; ms: number };

export function startPlayback(endTick: number): Playback {
  return { tick: 0, endTick, playing: false, speed: 1, carry: 0 };
}

const clamp = (tick: number, endTick: number) => Math.max(0, Math.min(endTick, Math.round(tick)));

export function playbackReducer(state: Playback, command: PlaybackCommand): Playback {
  switch (command.type) {
    case "toggle": {
      if (state.playing) return { ...state, playing: false, carry: 0 };
      // Play at the end starts over.
      const tick = state.tick >= state.endTick ? 0 : state.tick;
      return { ...state, tick, playing: state.endTick > 0, carry: 0 };
    }
    case "pause":
      return state.playing ? { ...state, playing: false, carry: 0 } : state;
    case "seek": {
      const tick = clamp(command.tick, state.endTick);
      return tick === state.tick ? state : { ...state, tick, carry: 0 };
    }
    // Stepping is for looking closely: it stops the playing.
    case "step":
      return {
        ...state,
        tick: clamp(state.tick + command.by, state.endTick),
        playing: false,
        carry: 0,
      };
    case "speed":
      return { ...state, speed: command.speed };
    case "elapsed": {
      if (!state.playing || command.ms <= 0) return state;
      const due = state.carry + (command.ms * state.speed) / TICK_MS;
      const whole = Math.floor(due);
      const tick = Math.min(state.endTick, state.tick + whole);
      const playing = tick < state.endTick;
      return { ...state, tick, playing, carry: playing ? due - whole : 0 };
    }
  }
}

/** A tick as the time of the round, "m:ss" (D7: 10 ticks a second). */
export function clockOf(tick: number): string {
  const seconds = Math.floor((tick * TICK_MS) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
