import type { ElectionView } from "@quorum/shared/modes/election/index";
import { describe, expect, it } from "vitest";
import { dockOf } from "./dock.ts";

const base = {
  tick: 100,
  up: true,
  role: "follower",
  assist: "assisted",
  startElection: { rule: "E2", code: "election.timer-running", params: { seconds: 6 } },
  replication: null,
  heartbeatDue: false,
} as unknown as ElectionView;

const leader = {
  ...base,
  role: "leader",
  startElection: { rule: "E2", code: "election.already-leader" },
  replication: [
    { node: 1, nextIndex: 1, matchIndex: 0, dueAt: 115 },
    { node: 2, nextIndex: 1, matchIndex: 0, dueAt: 112 },
  ],
} as ElectionView;

describe("the dock's one action", () => {
  it("E2: 'start an election' is disabled while the timer runs, and says why with the rule", () => {
    expect(dockOf(base)).toEqual({
      action: { type: "start-election", enabled: false },
      prompt: { kind: "wait", rule: "E2", seconds: 6 },
    });
  });

  it("E2: once the timer expired it is enabled, and the dock says so", () => {
    expect(dockOf({ ...base, startElection: null })).toEqual({
      action: { type: "start-election", enabled: true },
      prompt: { kind: "may-start" },
    });
    // A candidate whose vote split stands again the same way (E5).
    expect(dockOf({ ...base, role: "candidate", startElection: null }).action).toEqual({
      type: "start-election",
      enabled: true,
    });
  });

  it("E6: a leader's action is the heartbeat, urgent when a follower is due", () => {
    expect(dockOf(leader)).toEqual({
      action: { type: "heartbeat", urgent: false },
      prompt: { kind: "heartbeat-in", ticks: 12 },
    });
    expect(dockOf({ ...leader, heartbeatDue: true })).toEqual({
      action: { type: "heartbeat", urgent: true },
      prompt: { kind: "heartbeat-due" },
    });
  });

  it("E8: in the watch level a student may only crash its node, and restart it once down", () => {
    expect(dockOf({ ...base, assist: "watch" })).toEqual({
      action: { type: "crash" },
      prompt: { kind: "watch" },
    });
    expect(dockOf({ ...leader, assist: "watch", up: false })).toEqual({
      action: { type: "restart" },
      prompt: { kind: "watch-down" },
    });
  });

  it("N4: a crashed node outside the watch level has nothing to do", () => {
    expect(dockOf({ ...base, up: false })).toEqual({ action: null, prompt: { kind: "down" } });
  });

  it("D3: another refusal keeps the engine's rejection to explain", () => {
    const other = { rule: "E2", code: "election.already-leader" as const };
    expect(dockOf({ ...base, role: "candidate", startElection: other }).prompt).toEqual({
      kind: "refused",
      rejection: other,
    });
  });
});
