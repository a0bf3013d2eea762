import { describe, expect, it } from "vitest";
import { readDebrief } from "../screen.ts";

const cluster = (index: number, members: number[], unavailability: number) => ({
  cluster: index,
  members,
  terms: 4,
  elections: 2,
  splitVotes: 1,
  failedElections: 2,
  unavailableTicks: 120,
  unavailability,
  leaderCrashes: 1,
  electionTimes: [40],
  committed: [
    { index: 1, term: 2, command: "x=1" },
    { index: 2, term: 2, command: "y=2" },
  ],
  timeline: [],
});

describe("the election debrief on a phone", () => {
  it("E9: the student's own cluster in figures, next to the Raft bots' on the same faults", () => {
    const message = {
      mode: "election",
      endTick: 600,
      summary: {
        class: { clusters: [cluster(0, [0, 1, 2], 0.5), cluster(1, [3, 4, 5], 0.25)] },
        baseline: { clusters: [cluster(0, [0, 1, 2], 0.1), cluster(1, [3, 4, 5], 0.05)] },
      },
      node: 4,
      score: 7,
    };
    expect(readDebrief(message)).toEqual({
      mode: "election",
      score: 7,
      cluster: 1,
      terms: 4,
      elections: 2,
      splitVotes: 1,
      committed: 2,
      unavailability: 0.25,
      baselineUnavailability: 0.05,
    });
  });

  it("E9: without a node or a baseline the figures that exist are still read", () => {
    const message = {
      mode: "election",
      summary: { class: { clusters: [cluster(0, [0, 1, 2], 0.5)] } },
    };
    expect(readDebrief(message)).toMatchObject({
      mode: "election",
      score: null,
      cluster: null,
      baselineUnavailability: null,
    });
    expect(readDebrief({ mode: "election", summary: {} })).toBeNull();
  });
});
