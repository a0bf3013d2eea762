import { TickClock } from "../../src/network/live.ts";

/**
 * The scene asks its clock for the tick once per update (LiveNetworkScene.update), and Phaser
 * renders after every update: each call to `at` is one frame the projector draws.
 */
export class MeteredClock extends TickClock {
  onFrame: () => void = () => {};

  override at(now: number): number {
    this.onFrame();
    return super.at(now);
  }
}

export interface FrameSamples {
  /** requestAnimationFrame timestamps: the browser's frames. */
  browserFrames: number[];
  /** performance.now() at each scene update: the frames Phaser drew. */
  drawnAt: number[];
  /** Main-thread ms of each drawn frame, from the scene's update to the end of Phaser's step. */
  drawMs: number[];
  /** Packets the scene drew, per drawn frame. */
  packetsDrawn: number[];
  /** Recent drops, per drawn frame (the scene flashes the last 24 of them). */
  flashes: number[];
}

/**
 * Records the browser's and Phaser's frames while `recording` is on. The work of a frame ends
 * with Phaser's requestAnimationFrame callback; a microtask queued in it runs right after.
 */
export function meterFrames(
  clock: MeteredClock,
  onScreen: () => { packets: number; flashes: number },
) {
  const samples: FrameSamples = {
    browserFrames: [],
    drawnAt: [],
    drawMs: [],
    packetsDrawn: [],
    flashes: [],
  };
  let recording = false;
  clock.onFrame = () => {
    if (!recording) return;
    const start = performance.now();
    samples.drawnAt.push(start);
    queueMicrotask(() => {
      samples.drawMs.push(performance.now() - start);
      const { packets, flashes } = onScreen();
      samples.packetsDrawn.push(packets);
      samples.flashes.push(flashes);
    });
  };
  const onBrowserFrame = (time: number) => {
    if (recording) samples.browserFrames.push(time);
    requestAnimationFrame(onBrowserFrame);
  };
  requestAnimationFrame(onBrowserFrame);
  return {
    samples,
    start() {
      recording = true;
    },
    stop() {
      recording = false;
    },
  };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The value at `share` (0–1) of the sorted samples, nearest rank. */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((p, q) => p - q);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0
  );
}

/** Gaps between successive timestamps. */
export function intervals(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - times[index]!);
}
