import type { ElectionView } from "@quorum/shared/modes/election/index";
import { describe, expect, it } from "vitest";
import { DEFAULT_TICK_MS, nextTickMs, ringCount, ringShare } from "./timer.ts";

const follower = {
  tick: 100,
  role: "follower",
  timer: { deadline: 160, timeout: 120, remaining: 60, expired: false },
  replication: null,
} as unknown as ElectionView;

const leader = {
  tick: 100,
  role: "leader",
  timer: null,
  replication: [
    { node: 1, nextIndex: 1, matchIndex: 0, dueAt: 110 },
    { node: 2, nextIndex: 1, matchIndex: 0, dueAt: 104 },
  ],
} as unknown as ElectionView;

describe("the timer ring", () => {
  it("E2: a follower's ring is its election timer, full at the reset and empty at the deadline", () => {
    const count = ringCount(follower, 20);
    expect(count).toEqual({ kind: "election", until: 160, span: 120 });
    expect(ringShare(count!, 40)).toBe(1);
    expect(ringShare(count!, 100)).toBe(0.5);
    expect(ringShare(count!, 100.5)).toBeCloseTo(59.5 / 120);
    expect(ringShare(count!, 160)).toBe(0);
    expect(ringShare(count!, 400)).toBe(0);
  });

  it("E6: a leader has no timer; its ring counts to the first heartbeat a follower is due", () => {
    expect(ringCount(leader, 20)).toEqual({ kind: "heartbeat", until: 104, span: 20 });
    expect(ringShare(ringCount(leader, 20)!, 100)).toBe(0.2);
    // A follower due later than one interval away (a changed setting) still fits the ring.
    expect(ringCount(leader, 2)).toEqual({ kind: "heartbeat", until: 104, span: 4 });
    expect(ringCount({ ...leader, replication: [] }, 20)).toBeNull();
  });

  it("D7: the ring learns the room's tick length, and a pause teaches it nothing", () => {
    expect(DEFAULT_TICK_MS).toBe(100);
    // Speed 0.5: ticks 200 ms apart pull the estimate towards 200.
    let ms = DEFAULT_TICK_MS;
    for (let i = 0; i < 20; i++) ms = nextTickMs(ms, 200, 1);
    expect(ms).toBeGreaterThan(190);
    expect(ms).toBeLessThanOrEqual(200);
    // Two ticks in one patch are two ticks' time.
    expect(nextTickMs(100, 200, 2)).toBe(100);
    // A pause of 5 s, a repeated or backward tick: unchanged.
    expect(nextTickMs(100, 5000, 1)).toBe(100);
    expect(nextTickMs(100, 90, 0)).toBe(100);
    expect(nextTickMs(100, 90, -3)).toBe(100);
  });
});
