import type { NodeId } from "../../net/topology.ts";
import type { ElectionRound } from "./actions.ts";
import type { AssistLevel, Enforcement } from "./config.ts";
import type { PartitionRecord, TermRecord } from "./game.ts";
import type { Violation } from "./safety.ts";

/** E9: one cluster's round in figures. */
export interface ClusterDebrief {
  cluster: number;
  members: NodeId[];
  /** The highest term reached. */
  terms: number;
  /** Terms that elected a leader. */
  elections: number;
  /** E5: terms with several candidates and no winner — a split vote. */
  splitVotes: number;
  /** Terms with a candidate and no winner, split or not (lost votes, a partition). */
  failedElections: number;
  /** Ticks without a leader that reaches a majority, and their share of the round. */
  unavailableTicks: number;
  unavailability: number;
  leaderCrashes: number;
  /** Ticks from each leader crash to the next leader. */
  electionTimes: number[];
  committed: { index: number; term: number; command: string }[];
  timeline: TermRecord[];
}

export interface ElectionDebrief {
  ticks: number;
  assist: AssistLevel;
  enforcement: Enforcement;
  clusters: ClusterDebrief[];
  /** E9: what each side of each partitioned cluster managed (CAP). */
  partitions: PartitionRecord[];
  /** E7: broken guarantees, pinpointed; empty under strict enforcement. */
  violations: Violation[];
}

export function debrief(round: ElectionRound): ElectionDebrief {
  const { game, tick } = round;
  return structuredClone({
    ticks: tick,
    assist: round.config.assist,
    enforcement: round.config.enforcement,
    clusters: game.clusters.map((cluster, index): ClusterDebrief => {
      const latest = Math.max(0, ...cluster.members.map((node) => game.nodes[node]!.term));
      // A term still under way at the end is not (yet) a failed election.
      const over = cluster.terms.filter((record) => record.term < latest);
      const failed = over.filter((record) => record.leaders.length === 0);
      return {
        cluster: index,
        members: cluster.members,
        terms: latest,
        elections: cluster.terms.filter((record) => record.leaders.length > 0).length,
        splitVotes: failed.filter((record) => record.candidates.length > 1).length,
        failedElections: failed.length,
        unavailableTicks: cluster.unavailableTicks,
        unavailability: tick === 0 ? 0 : cluster.unavailableTicks / tick,
        leaderCrashes: cluster.leaderCrashes,
        electionTimes: cluster.electionTimes,
        committed: game.safety.committed[index]!.map((entry, at) => ({
          index: at + 1,
          term: entry.term,
          command: entry.command,
        })),
        timeline: cluster.terms,
      };
    }),
    partitions: game.partitions,
    violations: game.safety.violations,
  });
}

/** Points per node: 5 per term it won, 1 per committed entry its log holds. */
export function score(round: ElectionRound): number[] {
  const { game } = round;
  const points = game.nodes.map(() => 0);
  game.clusters.forEach((cluster, index) => {
    for (const record of cluster.terms) for (const node of record.leaders) points[node]! += 5;
    const committed = game.safety.committed[index]!;
    for (const node of cluster.members) {
      const log = game.nodes[node]!.log;
      points[node]! += committed.filter((entry, at) => log[at]?.id === entry.id).length;
    }
  });
  return points;
}
