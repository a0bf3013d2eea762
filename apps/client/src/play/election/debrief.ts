import type { ClusterDebrief } from "@quorum/shared/modes/election/index";

/** E9 for one student: its own cluster's round in figures, next to Raft bots' on the same faults. */
export interface ElectionDebriefFigures {
  mode: "election";
  score: number | null;
  /** The student's cluster, 0-based (screens number clusters from 1); null without a node. */
  cluster: number | null;
  /** The highest term its cluster reached. */
  terms: number;
  /** Terms that elected a leader, and terms lost to a split vote (E5). */
  elections: number;
  splitVotes: number;
  /** Entries its cluster committed (E6). */
  committed: number;
  /** Share of the round its cluster had no leader reaching a majority (E9). */
  unavailability: number;
  /** The same share with Raft bots at every node; null when the baseline did not run. */
  baselineUnavailability: number | null;
}

type Plain = Record<string, unknown>;

/**
 * SERVER_MESSAGE.debrief of an election round: `summary.class` and `summary.baseline` are
 * ElectionDebriefs (docs/protocol.md); `node` and `score` are the student's own. Null when the
 * class's figures are missing.
 */
export function readElectionDebrief(body: Plain): ElectionDebriefFigures | null {
  const summary = record(body.summary);
  const clusters = clustersOf(summary.class);
  if (!clusters) return null;
  const node = typeof body.node === "number" ? body.node : null;
  const index = clusters.findIndex((cluster) => node !== null && cluster.members.includes(node));
  const own = clusters[index];
  const baseline = clustersOf(summary.baseline)?.[index];
  return {
    mode: "election",
    score: typeof body.score === "number" ? body.score : null,
    cluster: own ? index : null,
    terms: own?.terms ?? 0,
    elections: own?.elections ?? 0,
    splitVotes: own?.splitVotes ?? 0,
    committed: own?.committed.length ?? 0,
    unavailability: own?.unavailability ?? 0,
    baselineUnavailability: baseline?.unavailability ?? null,
  };
}

function clustersOf(debrief: unknown): ClusterDebrief[] | null {
  const clusters = record(debrief).clusters;
  if (!Array.isArray(clusters)) return null;
  return clusters.map((value) => {
    const cluster = record(value) as Partial<ClusterDebrief>;
    return {
      ...(cluster as ClusterDebrief),
      members: Array.isArray(cluster.members) ? cluster.members : [],
      committed: Array.isArray(cluster.committed) ? cluster.committed : [],
    };
  });
}

function record(value: unknown): Plain {
  return value && typeof value === "object" ? (value as Plain) : {};
}
