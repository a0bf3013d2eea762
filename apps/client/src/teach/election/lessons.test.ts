import type { ClusterDebrief, ElectionDebrief } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import { english } from "../debrief/testing.ts";
import type { ElectionSummaryView } from "./board.ts";
import {
  committedLesson,
  electionTimes,
  electLesson,
  mean,
  partitionLesson,
  safetyLesson,
  termsLesson,
  unavailableLesson,
} from "./lessons.ts";

const cluster = (fields: Partial<ClusterDebrief> = {}): ClusterDebrief => ({
  cluster: 0,
  members: [0, 1, 2, 3, 4],
  terms: 1,
  elections: 1,
  splitVotes: 0,
  failedElections: 0,
  unavailableTicks: 0,
  unavailability: 0,
  leaderCrashes: 0,
  electionTimes: [],
  committed: [],
  timeline: [],
  ...fields,
});

const debrief = (fields: Partial<ElectionDebrief> = {}): ElectionDebrief => ({
  ticks: 1000,
  assist: "assisted",
  enforcement: "strict",
  clusters: [cluster(), cluster({ cluster: 1, members: [5, 6, 7, 8, 9] })],
  partitions: [],
  violations: [],
  ...fields,
});

const summary = (mine: Partial<ElectionDebrief>, bot?: Partial<ElectionDebrief>) =>
  ({ class: debrief(mine), baseline: bot ? debrief(bot) : null }) satisfies ElectionSummaryView;

describe("§6, E9: one sentence per figure of the election debrief", () => {
  it("E9: unavailability — the cluster that waited longest for a leader, beside the bots", () => {
    const slow = [cluster(), cluster({ cluster: 1, unavailableTicks: 150, unavailability: 0.15 })];
    expect(unavailableLesson(summary({ clusters: slow }), english)).toBe(
      "Without a leader nothing commits: cluster 2 went 15 s without one (15 % of the round).",
    );
    const bots = [cluster(), cluster({ cluster: 1, unavailableTicks: 90 })];
    expect(unavailableLesson(summary({ clusters: slow }, { clusters: bots }), english)).toBe(
      "Without a leader nothing commits: cluster 2 went 15 s without one (15 % of the round), the Raft bots 9 s.",
    );
    expect(unavailableLesson(summary({}), english)).toBe(
      "Every cluster had a leader in office all round long.",
    );
  });

  it("E5: split votes and the randomised timeouts that resolve them; else how terms order leaders", () => {
    const split = [cluster({ terms: 4, splitVotes: 2 }), cluster({ cluster: 1, splitVotes: 1 })];
    expect(termsLesson(summary({ clusters: split }), english)).toBe(
      "Split votes: 3. Randomised timeouts make a tie unlikely to happen twice, so a later term elects a leader.",
    );
    expect(termsLesson(summary({}), english)).toBe(
      "No split vote in 2 terms: randomised timeouts let one candidate start first and win.",
    );
  });

  it("E9: time to elect after a leader crash, its mean over every cluster", () => {
    const crashed = [
      cluster({ leaderCrashes: 1, electionTimes: [90] }),
      cluster({ cluster: 1, leaderCrashes: 2, electionTimes: [100, 125] }),
    ];
    expect(electionTimes(debrief({ clusters: crashed }))).toEqual([90, 100, 125]);
    expect(mean([90, 100, 125])).toBeCloseTo(105);
    expect(mean([])).toBeNull();
    expect(electLesson(summary({ clusters: crashed }), english)).toBe(
      "After a leader crashed, the next one took 10.5 s on average: the followers first wait for their timeouts to run out.",
    );
    expect(electLesson(summary({}), english)).toBe(
      "No leader crashed: crash one to see how long the followers need to elect the next.",
    );
    expect(electLesson(summary({ clusters: [cluster({ leaderCrashes: 1 })] }), english)).toBe(
      "A leader crashed and no new one was elected before the round ended.",
    );
  });

  it("E6: committed commands", () => {
    const entries = [{ index: 1, term: 2, command: "x=1" }];
    expect(committedLesson(summary({ clusters: [cluster({ committed: entries })] }), english)).toBe(
      "An entry commits once a majority stores it: 1 committed, and a committed entry is never lost.",
    );
    expect(committedLesson(summary({}), english)).toMatch(/^No command committed/);
  });

  it("E9, CAP: the minority side of a partition could neither elect nor commit", () => {
    const side = (majority: boolean, elected: number, committed: number) => ({
      cluster: 0,
      group: majority ? 1 : 2,
      members: majority ? [0, 1, 2] : [3, 4],
      majority,
      leaders: [],
      elected,
      committed,
    });
    const split = (minority: ReturnType<typeof side>) => ({
      partitions: [{ from: 100, to: 400, sides: [side(true, 1, 2), minority] }],
    });
    expect(partitionLesson(summary(split(side(false, 0, 0))), english)).toBe(
      "The minority side could neither elect a leader nor commit: Raft keeps the data consistent and gives up availability there (CAP).",
    );
    expect(partitionLesson(summary(split(side(false, 1, 0))), english)).toMatch(
      /^A minority side made progress/,
    );
    expect(partitionLesson(summary({}), english)).toMatch(/^No partition this round/);
  });

  it("E7: safety — enforced, kept without enforcement, or broken and pinpointed", () => {
    expect(safetyLesson(summary({}), english)).toMatch(/^The rules were enforced/);
    expect(safetyLesson(summary({ enforcement: "permissive" }), english)).toMatch(
      /^The rules were off, and still nothing broke/,
    );
    const violation = {
      property: "election-safety" as const,
      tick: 120,
      cluster: 0,
      term: 3,
      nodes: [1, 2],
      index: null,
    };
    expect(
      safetyLesson(summary({ enforcement: "permissive", violations: [violation] }), english),
    ).toMatch(/^Broken guarantees: 1\. Without the rules/);
  });
});
