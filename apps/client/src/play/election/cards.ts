import type { Rejection } from "@quorum/shared/engine/contract";
import type { ElectionView } from "@quorum/shared/modes/election/index";
import { upToDate } from "@quorum/shared/modes/election/raft";
import { waivable } from "@quorum/shared/modes/election/rules";

/** The end of a log as a RequestVote compares it (E3): its last entry's term, and its length. */
export interface LogEnd {
  lastLogTerm: number;
  lastLogIndex: number;
}

/** E3: this server's own log end, from its view. */
export function logEnd(log: ElectionView["log"]): LogEnd {
  const last = log[log.length - 1];
  return { lastLogTerm: last?.term ?? 0, lastLogIndex: log.length };
}

/** E3: is the candidate's log at least as up to date as mine (last term first, then length)? */
export function candidateUpToDate(candidate: LogEnd, mine: LogEnd): boolean {
  return upToDate(
    candidate.lastLogTerm,
    candidate.lastLogIndex,
    mine.lastLogTerm,
    mine.lastLogIndex,
  );
}

/**
 * D3, E7: what a "yes" to a card would meet — allowed, refused (the engine's rejection, with its
 * rule), or against the rules yet let through because enforcement is permissive.
 */
export type YesVerdict =
  | { kind: "allowed" }
  | { kind: "refused"; rejection: Rejection }
  | { kind: "waived"; rejection: Rejection };

export function yesVerdict(
  verdict: Rejection | null,
  enforcement: ElectionView["enforcement"],
): YesVerdict {
  if (!verdict) return { kind: "allowed" };
  return enforcement === "permissive" && waivable(verdict)
    ? { kind: "waived", rejection: verdict }
    : { kind: "refused", rejection: verdict };
}
