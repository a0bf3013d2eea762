import { describe, expect, it } from "vitest";
import { clockOf, type Playback, playbackReducer, startPlayback } from "./playback.ts";

const at = (tick: number, changes: Partial<Playback> = {}): Playback => ({
  ...startPlayback(1000),
  tick,
  ...changes,
});

describe("the replay's transport", () => {
  it("D7: at 1× a tick plays every 100 ms; fractions carry over to the next frame", () => {
    let state = playbackReducer(at(0), { type: "toggle" });
    expect(state.playing).toBe(true);
    state = playbackReducer(state, { type: "elapsed", ms: 60 });
    expect(state.tick).toBe(0);
    state = playbackReducer(state, { type: "elapsed", ms: 60 });
    expect(state.tick).toBe(1);
    expect(state.carry).toBeCloseTo(0.2);
  });

  it("0.25× plays a tick every 400 ms, 8× eighty ticks a second", () => {
    const slow = playbackReducer(at(10, { playing: true, speed: 0.25 }), {
      type: "elapsed",
      ms: 1000,
    });
    expect(slow.tick).toBe(12);
    const fast = playbackReducer(at(10, { playing: true, speed: 8 }), {
      type: "elapsed",
      ms: 1000,
    });
    expect(fast.tick).toBe(90);
  });

  it("stops at the last tick, and play from there starts over", () => {
    const ended = playbackReducer(at(995, { playing: true, speed: 8 }), {
      type: "elapsed",
      ms: 500,
    });
    expect(ended).toMatchObject({ tick: 1000, playing: false, carry: 0 });
    expect(playbackReducer(ended, { type: "toggle" })).toMatchObject({ tick: 0, playing: true });
  });

  it("time passes for nothing while paused", () => {
    const paused = at(5);
    expect(playbackReducer(paused, { type: "elapsed", ms: 5000 })).toBe(paused);
  });

  it("a step goes one tick back or forth and pauses; it stays inside the round", () => {
    expect(playbackReducer(at(5, { playing: true }), { type: "step", by: 1 })).toMatchObject({
      tick: 6,
      playing: false,
    });
    expect(playbackReducer(at(0), { type: "step", by: -1 }).tick).toBe(0);
    expect(playbackReducer(at(1000), { type: "step", by: 1 }).tick).toBe(1000);
  });

  it("a seek lands on a whole tick inside the round and keeps playing if it played", () => {
    expect(playbackReducer(at(5), { type: "seek", tick: 420.4 }).tick).toBe(420);
    expect(playbackReducer(at(5), { type: "seek", tick: 5000 }).tick).toBe(1000);
    expect(playbackReducer(at(5), { type: "seek", tick: -3 }).tick).toBe(0);
    expect(playbackReducer(at(5, { playing: true }), { type: "seek", tick: 9 }).playing).toBe(true);
  });

  it("speed changes keep the tick; pause only pauses", () => {
    expect(playbackReducer(at(7), { type: "speed", speed: 4 })).toMatchObject({
      tick: 7,
      speed: 4,
    });
    expect(playbackReducer(at(7, { playing: true }), { type: "pause" }).playing).toBe(false);
  });

  it("D7: the round's time reads as minutes and seconds", () => {
    expect(clockOf(0)).toBe("0:00");
    expect(clockOf(95)).toBe("0:09");
    expect(clockOf(6000)).toBe("10:00");
    expect(clockOf(6125)).toBe("10:12");
  });
});
