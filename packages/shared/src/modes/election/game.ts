import type { NodeId } from "../../net/topology.ts";
import type { Entry, Role } from "./raft.ts";
import { createSafetyWatch, type SafetyWatch } from "./safety.ts";

/** E6: what a leader knows about one follower's log (volatile). */
export interface PeerProgress {
  node: NodeId;
  /** The next index to send it. */
  nextIndex: number;
  /** The highest index known to be replicated on it. */
  matchIndex: number;
  /** Tick from which it needs an AppendEntries: a heartbeat, new entries or a retry. */
  dueAt: number;
}

/** E1: one Raft server. */
export interface RaftNode {
  /** Persistent: survives a crash (N4). */
  term: number;
  votedFor: NodeId | null;
  log: Entry[];
  /** Volatile from here on: lost in a crash. */
  role: Role;
  commitIndex: number;
  /** E2: tick from which the node may start an election. */
  electionDeadline: number;
  /** E2: the timeout drawn for this node and term, in ticks (a phone draws its progress bar). */
  electionTimeout: number;
  /** The leader it heard from in its current term. */
  leader: NodeId | null;
  /** E5: as a candidate, who granted it a vote (itself included). */
  votes: NodeId[];
  /** E6: as a leader, one entry per peer; empty otherwise. */
  peers: PeerProgress[];
}

/** One term of a cluster's history, for the projector's timeline and the debrief (E9). */
export interface TermRecord {
  term: number;
  /** Who stood for election in this term. */
  candidates: NodeId[];
  /** Who won it: one at most under strict enforcement (E7). */
  leaders: NodeId[];
  startedAt: number;
  electedAt: number | null;
  /** When its (last) leader stopped leading; null while it leads or if nobody won. */
  endedAt: number | null;
}

export interface ClusterState {
  members: NodeId[];
  terms: TermRecord[];
  /** E9: ticks without a leader that reaches a majority of the cluster. */
  unavailableTicks: number;
  /** E9: a leader crash waiting for the next election, and the times those elections took. */
  leaderCrashedAt: number | null;
  leaderCrashes: number;
  electionTimes: number[];
}

/** E9: one side of a partitioned cluster. */
export interface PartitionSide {
  cluster: number;
  /** N5: the partition group; 0 is everyone the teacher did not put in a group. */
  group: number;
  members: NodeId[];
  /** Does this side hold a majority of the cluster? Only such a side can elect or commit (CAP). */
  majority: boolean;
  /** Who led on this side while the partition lasted, in which term. */
  leaders: { node: NodeId; term: number }[];
  elected: number;
  committed: number;
}

/** E9: from the teacher's partition to the heal, what happened on each side of each cluster. */
export interface PartitionRecord {
  from: number;
  to: number | null;
  sides: PartitionSide[];
}

/** The election mode's part of the round state (D1: plain data). */
export interface ElectionGame {
  /** E2: the seed of every node's per-term timeout. */
  timerSeed: number;
  clusterOf: number[];
  clusters: ClusterState[];
  nodes: RaftNode[];
  nextEntryId: number;
  partitions: PartitionRecord[];
  /** The network's `version` when partitions were last looked at. */
  netVersion: number;
  safety: SafetyWatch;
}

export function createElectionGame(members: NodeId[][], timerSeed: number): ElectionGame {
  const clusterOf: number[] = [];
  members.forEach((cluster, index) => {
    for (const node of cluster) clusterOf[node] = index;
  });
  return {
    timerSeed,
    clusterOf,
    clusters: members.map((cluster) => ({
      members: [...cluster],
      terms: [],
      unavailableTicks: 0,
      leaderCrashedAt: null,
      leaderCrashes: 0,
      electionTimes: [],
    })),
    nodes: clusterOf.map(() => ({
      term: 0,
      votedFor: null,
      log: [],
      role: "follower",
      commitIndex: 0,
      electionDeadline: 0,
      electionTimeout: 0,
      leader: null,
      votes: [],
      peers: [],
    })),
    nextEntryId: 1,
    partitions: [],
    netVersion: 0,
    safety: createSafetyWatch(members.length),
  };
}

/** The record of `term` in a cluster's history, created in term order when it is new. */
export function termRecord(cluster: ClusterState, term: number, tick: number): TermRecord {
  const at = cluster.terms.findIndex((record) => record.term >= term);
  if (at >= 0 && cluster.terms[at]!.term === term) return cluster.terms[at]!;
  const record: TermRecord = {
    term,
    candidates: [],
    leaders: [],
    startedAt: tick,
    electedAt: null,
    endedAt: null,
  };
  cluster.terms.splice(at < 0 ? cluster.terms.length : at, 0, record);
  return record;
}
