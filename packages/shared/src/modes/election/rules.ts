import type { Rejection } from "../../engine/contract.ts";
import { TICKS_PER_SECOND } from "../../engine/time.ts";
import type { Message } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionAction, ElectionRound } from "./actions.ts";
import type { RaftNode } from "./game.ts";
import { lastTerm, type RaftMessage, termAt, upToDate } from "./raft.ts";

type Card<K extends RaftMessage["kind"]> = Message<Extract<RaftMessage, { kind: K }>>;

/**
 * E7: the refusals that keep Raft safe. Permissive enforcement lets these through, so that a
 * class can break the protocol and watch the safety checker find it; every other rule holds.
 */
const WAIVABLE = new Set<string>([
  "election.already-voted",
  "election.voted-for-self",
  "election.log-older-term",
  "election.log-shorter",
  "election.log-missing",
  "election.log-mismatch",
  "election.stale-leader",
]);

export function waivable(rejection: Rejection): boolean {
  return WAIVABLE.has(rejection.code);
}

/** E2: why `node` may not start an election at `tick`, or null. */
export function startVerdict(raft: RaftNode, tick: number): Rejection | null {
  if (raft.role === "leader") return { rule: "E2", code: "election.already-leader" };
  if (tick < raft.electionDeadline) {
    const seconds = Math.ceil((raft.electionDeadline - tick) / TICKS_PER_SECOND);
    return { rule: "E2", code: "election.timer-running", params: { seconds } };
  }
  return null;
}

/** The part of a server the vote rules read: its term, its vote and the end of its log. */
export interface Voter {
  node: NodeId;
  term: number;
  votedFor: NodeId | null;
  lastLogIndex: number;
  lastLogTerm: number;
}

export function voterOf(node: NodeId, raft: RaftNode): Voter {
  const { term, votedFor, log } = raft;
  return { node, term, votedFor, lastLogIndex: log.length, lastLogTerm: lastTerm(log) };
}

/** E3, E4: why granting `candidate`'s RequestVote would break Raft, or null when it may be granted. */
export function voteVerdict(
  voter: Voter,
  candidate: NodeId,
  request: { term: number; lastLogIndex: number; lastLogTerm: number },
): Rejection | null {
  const { term } = voter;
  if (request.term < term) {
    return {
      rule: "E4",
      code: "election.stale-request",
      params: { node: candidate, term: request.term, current: term },
    };
  }
  if (voter.votedFor === voter.node) {
    return { rule: "E3", code: "election.voted-for-self", params: { term } };
  }
  if (voter.votedFor !== null && voter.votedFor !== candidate) {
    return { rule: "E3", code: "election.already-voted", params: { node: voter.votedFor, term } };
  }
  if (upToDate(request.lastLogTerm, request.lastLogIndex, voter.lastLogTerm, voter.lastLogIndex)) {
    return null;
  }
  return request.lastLogTerm !== voter.lastLogTerm
    ? {
        rule: "E3",
        code: "election.log-older-term",
        params: { node: candidate, theirs: request.lastLogTerm, mine: voter.lastLogTerm },
      }
    : {
        rule: "E3",
        code: "election.log-shorter",
        params: { node: candidate, theirs: request.lastLogIndex, mine: voter.lastLogIndex },
      };
}

/** E4, E6: why accepting `leader`'s AppendEntries would break Raft, or null when it may be. */
export function appendVerdict(
  raft: RaftNode,
  leader: NodeId,
  append: { term: number; prevLogIndex: number; prevLogTerm: number },
): Rejection | null {
  // First, so that permissive enforcement (which waives a stale term) never lets a leader or
  // candidate take entries.
  if (raft.role !== "follower") return { rule: "E6", code: "election.not-follower" };
  if (append.term < raft.term) {
    return {
      rule: "E4",
      code: "election.stale-leader",
      params: { node: leader, term: append.term, current: raft.term },
    };
  }
  const index = append.prevLogIndex;
  const mine = termAt(raft.log, index);
  if (mine === undefined) {
    return { rule: "E6", code: "election.log-missing", params: { index, length: raft.log.length } };
  }
  if (mine !== append.prevLogTerm) {
    return {
      rule: "E6",
      code: "election.log-mismatch",
      params: { index, term: append.prevLogTerm, mine },
    };
  }
  return null;
}

/** The RequestVote or AppendEntries card `id` in `node`'s inbox. */
export function cardOf<K extends "request-vote" | "append">(
  round: ElectionRound,
  node: NodeId,
  id: number,
  kind: K,
): Card<K> | undefined {
  const message = round.net.inbox[node]!.find((entry) => entry.id === id);
  return message?.payload.kind === kind ? (message as Card<K>) : undefined;
}

/** E2–E8 for one action; under permissive enforcement (E7) the safety rules are waived. */
export function validate(
  round: ElectionRound,
  node: NodeId,
  action: ElectionAction,
): Rejection | null {
  const rejection = rulesFor(round, node, action);
  if (rejection && round.config.enforcement === "permissive" && waivable(rejection)) return null;
  return rejection;
}

function rulesFor(round: ElectionRound, node: NodeId, action: ElectionAction): Rejection | null {
  const raft = round.game.nodes[node]!;
  switch (action.type) {
    case "start-election":
      return startVerdict(raft, round.tick);
    case "answer-vote": {
      const card = cardOf(round, node, action.card, "request-vote");
      if (!card) return { rule: "E3", code: "election.no-such-card" };
      return action.grant ? voteVerdict(voterOf(node, raft), card.from, card.payload) : null;
    }
    case "answer-append": {
      const card = cardOf(round, node, action.card, "append");
      if (!card) return { rule: "E6", code: "election.no-such-card" };
      return action.accept ? appendVerdict(raft, card.from, card.payload) : null;
    }
    case "heartbeat":
      if (raft.role !== "leader") return { rule: "E6", code: "election.not-leader" };
      if (action.to !== undefined && !raft.peers.some((peer) => peer.node === action.to)) {
        return { rule: "E6", code: "election.not-a-peer", params: { to: action.to } };
      }
      return null;
    case "crash":
    case "restart":
      if (round.config.assist !== "watch") return { rule: "E8", code: "election.crash-in-watch" };
      // A crashed node's own "crash" never gets here (N4); a running node cannot restart.
      return action.type === "restart" && round.net.nodeUp[node]
        ? { rule: "E8", code: "election.already-up" }
        : null;
  }
}
