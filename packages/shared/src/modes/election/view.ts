import type { Rejection } from "../../engine/contract.ts";
import { isUp, linkBetween, linkBlock, type Message } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionRound } from "./actions.ts";
import type { AssistLevel, Enforcement } from "./config.ts";
import type { PeerProgress, RaftNode } from "./game.ts";
import { peersOf, raftOf } from "./protocol.ts";
import { type Entry, majority, type RaftMessage, type Role } from "./raft.ts";
import { appendVerdict, startVerdict, voterOf, voteVerdict } from "./rules.ts";

/** E3: a RequestVote waiting for the node's decision. */
export interface VoteCard {
  kind: "request-vote";
  /** The inbox entry an action names. */
  card: number;
  from: NodeId;
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
  /** Ticks since it arrived. */
  age: number;
  /** What the engine says to granting it (D3, shown before the tap); null when it may. */
  verdict: Rejection | null;
}

/** E6: an AppendEntries waiting for the node's decision (manual level). */
export interface AppendCard {
  kind: "append";
  card: number;
  from: NodeId;
  term: number;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: Entry[];
  leaderCommit: number;
  age: number;
  /** What the engine says to accepting it; null when it may. */
  verdict: Rejection | null;
}

export type Card = VoteCard | AppendCard;

export interface LogLine extends Entry {
  index: number;
  committed: boolean;
}

/** E2: the election timer as the phone shows it; null for a leader, which has none. */
export interface TimerView {
  deadline: number;
  timeout: number;
  remaining: number;
  expired: boolean;
}

/** D4: everything one Raft server may know — and nothing more. */
export interface ElectionView {
  node: NodeId;
  tick: number;
  up: boolean;
  cluster: number;
  /** Its peers, and whether its own link to each carries (N2, N5). */
  peers: { node: NodeId; up: boolean }[];
  majority: number;
  role: Role;
  term: number;
  votedFor: NodeId | null;
  /** The leader it heard from in this term. */
  leader: NodeId | null;
  /** As a candidate: who voted for it. */
  votes: NodeId[];
  timer: TimerView | null;
  /** E2: why it may not start an election now; null when it may. */
  startElection: Rejection | null;
  log: LogLine[];
  commitIndex: number;
  cards: Card[];
  inboxLimit: number;
  /** E6: as a leader, what it knows of each follower's log; null otherwise. */
  replication: PeerProgress[] | null;
  /** E6: as a leader, some follower is due an AppendEntries. */
  heartbeatDue: boolean;
  assist: AssistLevel;
  enforcement: Enforcement;
}

/** D5: what a Raft bot reads — a part of ElectionView, so a full view works for a bot too. */
export type ElectionBotView = Pick<
  ElectionView,
  "node" | "tick" | "role" | "startElection" | "heartbeatDue" | "enforcement"
> & {
  /** Only the oldest card: a bot answers them in order. */
  cards: Card[];
};

function toCard(round: ElectionRound, node: NodeId, message: Message<RaftMessage>): Card | null {
  const raft = raftOf(round, node);
  const { payload, id: card, from } = message;
  const age = round.tick - message.arriveAt;
  if (payload.kind === "request-vote") {
    const verdict = voteVerdict(voterOf(node, raft), from, payload);
    return { kind: "request-vote", card, from, ...withoutKind(payload), age, verdict };
  }
  if (payload.kind === "append") {
    const verdict = appendVerdict(raft, from, payload);
    const entries = payload.entries.map((entry) => ({ ...entry }));
    return { kind: "append", card, from, ...withoutKind(payload), entries, age, verdict };
  }
  return null;
}

function withoutKind<P extends { kind: string }>(payload: P): Omit<P, "kind"> {
  const { kind: _, ...rest } = payload;
  return rest;
}

function heartbeatDue(raft: RaftNode, tick: number): boolean {
  return raft.role === "leader" && raft.peers.some((peer) => peer.dueAt <= tick);
}

export function botView(round: ElectionRound, node: NodeId): ElectionBotView | null {
  const raft = raftOf(round, node);
  // Replies are always tallied on arrival, so everything in an inbox is a card.
  const head = round.net.inbox[node]![0];
  const due = heartbeatDue(raft, round.tick);
  const startElection = startVerdict(raft, round.tick);
  if (!head && !due && startElection) return null;
  return {
    node,
    tick: round.tick,
    role: raft.role,
    startElection,
    heartbeatDue: due,
    enforcement: round.config.enforcement,
    cards: head ? [toCard(round, node, head)!] : [],
  };
}

export function view(round: ElectionRound, node: NodeId): ElectionView {
  const { net, game, tick } = round;
  const raft = raftOf(round, node);
  const cluster = game.clusterOf[node]!;
  const peers = peersOf(round, node);
  return {
    node,
    tick,
    up: isUp(net, node),
    cluster,
    peers: peers.map((peer) => ({
      node: peer,
      up: linkBlock(net, linkBetween(net, node, peer)!) === null,
    })),
    majority: majority(peers.length + 1),
    role: raft.role,
    term: raft.term,
    votedFor: raft.votedFor,
    leader: raft.leader,
    votes: [...raft.votes],
    timer:
      raft.role === "leader"
        ? null
        : {
            deadline: raft.electionDeadline,
            timeout: raft.electionTimeout,
            remaining: Math.max(0, raft.electionDeadline - tick),
            expired: tick >= raft.electionDeadline,
          },
    startElection: startVerdict(raft, tick),
    log: raft.log.map((entry, at) => ({
      index: at + 1,
      ...entry,
      committed: at < raft.commitIndex,
    })),
    commitIndex: raft.commitIndex,
    cards: net.inbox[node]!.flatMap((message) => toCard(round, node, message) ?? []),
    inboxLimit: net.inboxLimit,
    replication: raft.role === "leader" ? raft.peers.map((peer) => ({ ...peer })) : null,
    heartbeatDue: heartbeatDue(raft, tick),
    assist: round.config.assist,
    enforcement: round.config.enforcement,
  };
}
