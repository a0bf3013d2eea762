import type { RaftRole } from "@quorum/shared";

/**
 * What the election drawing paints (E1–E7 as the projector shows them): plain data with every
 * word already in the reader's language, so the Phaser scene only draws. Built from the host
 * view by teach/election/drawing.ts; the same object while nothing on it changed.
 */

export interface RaftNodePicture {
  /** "3 · Ada", or the number alone for a bot's node. */
  name: string;
  up: boolean;
  role: RaftRole;
  term: number;
  cluster: number;
  /** N5: partition group, 0 while the network is whole. */
  group: number;
  /** E2: the tick its timer expires, null for a leader; the arc around it counts down to it. */
  deadline: number | null;
  /** E2: this term's timeout in ticks: the arc's full circle. */
  timeout: number;
  /**
   * N5: a leader of an older term than its cluster's leader — cut off by a partition, it still
   * thinks it leads but can commit nothing (drawn with a hollow crown).
   */
  stale: boolean;
  /** What it is doing, in words ("Leader", "Candidate · 2 of 3 votes"); "" for a follower. */
  tag: string;
}

export interface ClusterPicture {
  members: number[];
  leader: number | null;
  /** E9: a leader reaching a majority is in office (the ring is drawn solid, else dashed). */
  available: boolean;
  /** "Cluster 1". */
  title: string;
  /** "Term 4", then who leads or that nobody does. */
  lines: string[];
}

export interface RaftLinkPicture {
  a: number;
  b: number;
  blocked: "link-down" | "partition" | null;
}

export interface RingsPicture {
  nodes: RaftNodePicture[];
  clusters: ClusterPicture[];
  links: RaftLinkPicture[];
}

/** The teacher's marks on the drawing: the chosen node and a partition being drawn (N7). */
export interface RingMarks {
  selectedNode: number | null;
  /** Node → group (1 = A, 2 = B) of a partition not yet applied. */
  draftGroups: ReadonlyMap<number, number>;
}

export const NO_RING_MARKS: RingMarks = { selectedNode: null, draftGroups: new Map() };
