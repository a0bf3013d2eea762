import { linkBetween, linkBlock, type Message, send } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionCtx, ElectionRound } from "./actions.ts";
import { type RaftNode, termRecord } from "./game.ts";
import { sideOf } from "./partitions.ts";
import { lastTerm, majority, type RaftMessage } from "./raft.ts";
import { timeoutFor } from "./timers.ts";

export function raftOf(round: ElectionRound, node: NodeId): RaftNode {
  return round.game.nodes[node]!;
}

export function clusterOf(round: ElectionRound, node: NodeId) {
  const index = round.game.clusterOf[node]!;
  return { index, state: round.game.clusters[index]! };
}

export function peersOf(round: ElectionRound, node: NodeId): NodeId[] {
  return clusterOf(round, node).state.members.filter((member) => member !== node);
}

export function tell(
  round: ElectionRound,
  from: NodeId,
  to: NodeId,
  payload: RaftMessage,
  ctx: ElectionCtx,
) {
  // A blocked link drops the message at once, with its cause (N6): Raft servers don't know.
  send(round.net, ctx.net, from, to, payload, ctx.tick);
}

/** E2: a fresh timer, with the timeout drawn for this node and its current term. */
export function resetTimer(round: ElectionRound, node: NodeId, tick: number): void {
  const raft = raftOf(round, node);
  raft.electionTimeout = timeoutFor(
    round.game.timerSeed,
    node,
    raft.term,
    round.config.electionTimeout,
  );
  raft.electionDeadline = tick + raft.electionTimeout;
}

/** E4: a message with a higher term makes the receiver a follower of that term. */
export function adoptTerm(round: ElectionRound, node: NodeId, term: number, ctx: ElectionCtx) {
  const raft = raftOf(round, node);
  if (term <= raft.term) return;
  const stepping = raft.role !== "follower";
  if (stepping) stepDown(round, node, "higher-term", ctx);
  raft.term = term;
  raft.votedFor = null;
  raft.leader = null;
  // A follower keeps its running timer; one that just stepped down starts one for the new term.
  if (stepping) resetTimer(round, node, ctx.tick);
}

/** A leader or candidate becomes a follower, with a fresh timer. */
export function stepDown(
  round: ElectionRound,
  node: NodeId,
  cause: "higher-term" | "other-leader" | "crash",
  ctx: ElectionCtx,
): void {
  const raft = raftOf(round, node);
  const cluster = clusterOf(round, node);
  if (raft.role === "leader") termRecord(cluster.state, raft.term, ctx.tick).endedAt = ctx.tick;
  ctx.emit({ type: "stepped-down", node, cluster: cluster.index, term: raft.term, cause });
  raft.role = "follower";
  raft.votes = [];
  raft.peers = [];
  resetTimer(round, node, ctx.tick);
}

/** E2: become candidate, term + 1, vote for itself, ask every peer for its vote. */
export function startElection(round: ElectionRound, node: NodeId, ctx: ElectionCtx): void {
  const raft = raftOf(round, node);
  const cluster = clusterOf(round, node);
  raft.term++;
  raft.role = "candidate";
  raft.votedFor = node;
  raft.votes = [node];
  raft.leader = null;
  raft.peers = [];
  resetTimer(round, node, ctx.tick);
  termRecord(cluster.state, raft.term, ctx.tick).candidates.push(node);
  ctx.emit({ type: "election-started", node, cluster: cluster.index, term: raft.term });
  const request: RaftMessage = {
    kind: "request-vote",
    term: raft.term,
    lastLogIndex: raft.log.length,
    lastLogTerm: lastTerm(raft.log),
  };
  for (const peer of peersOf(round, node)) tell(round, node, peer, { ...request }, ctx);
  countVotes(round, node, ctx);
}

/** E5: a candidate with votes from a majority of its cluster becomes leader. */
export function countVotes(round: ElectionRound, node: NodeId, ctx: ElectionCtx): void {
  const raft = raftOf(round, node);
  const cluster = clusterOf(round, node);
  if (raft.votes.length < majority(cluster.state.members.length)) return;
  raft.role = "leader";
  raft.leader = node;
  raft.peers = peersOf(round, node).map((peer) => ({
    node: peer,
    nextIndex: raft.log.length + 1,
    matchIndex: 0,
    // A new leader's first heartbeat is due at once: the followers' timers are running.
    dueAt: ctx.tick,
  }));
  const record = termRecord(cluster.state, raft.term, ctx.tick);
  record.leaders.push(node);
  record.electedAt ??= ctx.tick;
  record.endedAt = null;
  if (cluster.state.leaderCrashedAt !== null) {
    cluster.state.electionTimes.push(ctx.tick - cluster.state.leaderCrashedAt);
    cluster.state.leaderCrashedAt = null;
  }
  const side = sideOf(round.game, node);
  if (side) {
    side.leaders.push({ node, term: raft.term });
    side.elected++;
  }
  ctx.emit({ type: "elected", node, cluster: cluster.index, term: raft.term });
}

/** E3: the answer to a RequestVote; granting records the vote and resets the timer. */
export function answerVote(
  round: ElectionRound,
  node: NodeId,
  card: Message<RaftMessage>,
  grant: boolean,
  ctx: ElectionCtx,
): void {
  const raft = raftOf(round, node);
  discard(round, node, card);
  if (grant) {
    raft.votedFor = card.from;
    resetTimer(round, node, ctx.tick);
  }
  tell(round, node, card.from, { kind: "vote", term: raft.term, granted: grant }, ctx);
  ctx.emit({ type: "voted", node, candidate: card.from, term: raft.term, granted: grant });
}

export function discard(round: ElectionRound, node: NodeId, card: Message<RaftMessage>): void {
  const inbox = round.net.inbox[node]!;
  const index = inbox.indexOf(card);
  if (index >= 0) inbox.splice(index, 1);
}

/** Peers a leader can reach right now: alive, over a link that carries (N2, N4, N5). */
export function reachable(round: ElectionRound, node: NodeId): NodeId[] {
  const net = round.net;
  return peersOf(round, node).filter((peer) => {
    const link = linkBetween(net, node, peer);
    return net.nodeUp[peer] === true && link !== undefined && linkBlock(net, link) === null;
  });
}
