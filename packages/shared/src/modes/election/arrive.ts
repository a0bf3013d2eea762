import type { Message } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionCtx, ElectionRound } from "./actions.ts";
import { adoptTerm, answerVote, countVotes, raftOf, resetTimer, stepDown } from "./protocol.ts";
import type { RaftMessage } from "./raft.ts";
import { answerAppend, replicated } from "./replication.ts";
import { appendVerdict } from "./rules.ts";

/** E8: in the assisted and watch levels the engine answers routine messages itself. */
export function engineAnswers(round: ElectionRound): boolean {
  return round.config.assist !== "manual";
}

/**
 * A Raft message reached a live node; true when the engine handled it, false when it waits in
 * the inbox as a card for the node to decide on. Answers to the node's own requests (votes,
 * AppendEntries results) are always tallied by the engine: they ask for no decision.
 */
export function arrive(
  round: ElectionRound,
  message: Message<RaftMessage>,
  ctx: ElectionCtx,
): boolean {
  const node = message.to;
  const payload = message.payload;
  // N3: a card that a full inbox is about to drop never reached the node.
  const full = round.net.inbox[node]!.length >= round.net.inboxLimit;
  if (full && becomesCard(round, message)) return false;
  adoptTerm(round, node, payload.term, ctx);
  const raft = raftOf(round, node);
  switch (payload.kind) {
    case "request-vote":
      if (becomesCard(round, message)) return false;
      // A stale candidate's request has one possible answer (E4); the engine gives it.
      answerVote(round, node, message, false, ctx);
      return true;
    case "vote":
      if (raft.role === "candidate" && payload.term === raft.term && payload.granted) {
        if (!raft.votes.includes(message.from)) raft.votes.push(message.from);
        countVotes(round, node, ctx);
      }
      return true;
    case "append":
      if (payload.term === raft.term) heardFromLeader(round, node, message.from, ctx);
      if (!becomesCard(round, message)) {
        const accept = raft.role === "follower" && !appendVerdict(raft, message.from, payload);
        answerAppend(round, node, message, accept, ctx);
        return true;
      }
      return false;
    case "append-reply":
      if (raft.role === "leader" && payload.term === raft.term) {
        replicated(round, node, message.from, payload, ctx);
      }
      return true;
  }
}

/** Will this message wait in the inbox for a decision (E8 manual; votes at every level)? */
function becomesCard(round: ElectionRound, message: Message<RaftMessage>): boolean {
  const { payload } = message;
  const raft = raftOf(round, message.to);
  if (payload.kind === "request-vote") return payload.term >= raft.term || !engineAnswers(round);
  if (payload.kind !== "append") return false;
  // A leader never takes entries from another leader of its own term (possible only when
  // permissive enforcement let two be elected); it refuses at once.
  const rivalLeader = payload.term === raft.term && raft.role === "leader";
  return !engineAnswers(round) && !rivalLeader;
}

/** E6: an AppendEntries of the node's own term: there is a leader, and the timer starts again. */
function heardFromLeader(round: ElectionRound, node: NodeId, leader: NodeId, ctx: ElectionCtx) {
  const raft = raftOf(round, node);
  if (raft.role === "leader") return;
  if (raft.role === "candidate") stepDown(round, node, "other-leader", ctx);
  raft.leader = leader;
  resetTimer(round, node, ctx.tick);
}

/**
 * E8: when the teacher switches to an assisted level, the cards it would have answered are
 * answered now, oldest first.
 */
export function answerRoutineCards(round: ElectionRound, node: NodeId, ctx: ElectionCtx): void {
  const raft = raftOf(round, node);
  for (const card of [...round.net.inbox[node]!]) {
    const payload = card.payload;
    if (payload.kind === "append") {
      const accept = raft.role === "follower" && !appendVerdict(raft, card.from, payload);
      answerAppend(round, node, card, accept, ctx);
    } else if (payload.kind === "request-vote" && payload.term < raft.term) {
      answerVote(round, node, card, false, ctx);
    }
  }
}
