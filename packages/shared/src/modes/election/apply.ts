import { applyFault } from "../../engine/faults.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionAction, ElectionCtx, ElectionRound } from "./actions.ts";
import { answerVote, clusterOf, raftOf, resetTimer, startElection, stepDown } from "./protocol.ts";
import { answerAppend, sendAppend } from "./replication.ts";
import { cardOf } from "./rules.ts";

/** Applies a validated action (rules.ts). */
export function apply(
  round: ElectionRound,
  node: NodeId,
  action: ElectionAction,
  ctx: ElectionCtx,
): void {
  switch (action.type) {
    case "start-election":
      startElection(round, node, ctx);
      return;
    case "answer-vote":
      answerVote(round, node, cardOf(round, node, action.card, "request-vote")!, action.grant, ctx);
      return;
    case "answer-append":
      answerAppend(round, node, cardOf(round, node, action.card, "append")!, action.accept, ctx);
      return;
    case "heartbeat": {
      const targets = raftOf(round, node).peers.map((peer) => peer.node);
      for (const peer of targets) {
        if (action.to === undefined || action.to === peer) sendAppend(round, node, peer, ctx);
      }
      return;
    }
    case "crash":
    case "restart":
      // E8: the same fault the teacher injects (N4), on the student's own node.
      applyFault(round, { type: action.type, node }, ctx, { crashed, restarted });
      return;
  }
}

/** N4, E1: term, vote and log survive; role, commit index, timer and leader state do not. */
export function crashed(round: ElectionRound, node: NodeId, ctx: ElectionCtx): void {
  const raft = raftOf(round, node);
  if (raft.role === "leader") {
    const { state } = clusterOf(round, node);
    state.leaderCrashes++;
    state.leaderCrashedAt ??= ctx.tick;
  }
  if (raft.role !== "follower") stepDown(round, node, "crash", ctx);
  raft.commitIndex = 0;
  raft.leader = null;
}

/** N4: back as a follower with its persistent state and a fresh timer. */
export function restarted(round: ElectionRound, node: NodeId, ctx: ElectionCtx): void {
  resetTimer(round, node, ctx.tick);
}
