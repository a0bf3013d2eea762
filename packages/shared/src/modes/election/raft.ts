/** E6: one command in a replicated log. `id` is unique in the round, so entries compare exactly. */
export interface Entry {
  term: number;
  command: string;
  id: number;
}

/**
 * E3–E6: what travels between the servers of a cluster. Indexes are Raft's, 1-based; index 0 is
 * the empty log's "previous entry", with term 0.
 */
export type RaftMessage =
  | { kind: "request-vote"; term: number; lastLogIndex: number; lastLogTerm: number }
  | { kind: "vote"; term: number; granted: boolean }
  | {
      kind: "append";
      term: number;
      prevLogIndex: number;
      prevLogTerm: number;
      entries: Entry[];
      leaderCommit: number;
    }
  /** `matchIndex`: the last index now known to match on success, the follower's last index otherwise. */
  | { kind: "append-reply"; term: number; success: boolean; matchIndex: number };

export type RaftMessageKind = RaftMessage["kind"];

/** E1: the roles of a Raft server. */
export const ROLES = ["follower", "candidate", "leader"] as const;
export type Role = (typeof ROLES)[number];

/** The term of the entry at `index`; 0 for index 0, undefined past the end. */
export function termAt(log: readonly Entry[], index: number): number | undefined {
  return index === 0 ? 0 : log[index - 1]?.term;
}

export function lastTerm(log: readonly Entry[]): number {
  return log[log.length - 1]?.term ?? 0;
}

/** E5: votes (or copies) needed out of a cluster of `size`. */
export function majority(size: number): number {
  return Math.floor(size / 2) + 1;
}

/** E3: is a log ending at (`term`, `length`) at least as up to date as one ending at (`mine`…)? */
export function upToDate(term: number, length: number, mineTerm: number, mineLength: number) {
  return term !== mineTerm ? term > mineTerm : length >= mineLength;
}
