import type { Rejection } from "../../engine/contract.ts";
import type { NodeId } from "../../net/topology.ts";
import type { ElectionCtx, ElectionHostAction, ElectionRound } from "./actions.ts";
import { answerRoutineCards, engineAnswers } from "./arrive.ts";
import { appendCommand } from "./replication.ts";

type Command = Extract<ElectionHostAction, { type: "command" }>;

/**
 * E6: the leader a client command goes to — the one named, or the cluster's running leader of the
 * highest term (a stale leader cut off by a partition may still think it leads).
 */
export function commandLeader(round: ElectionRound, command: Command): NodeId | Rejection {
  const cluster = round.game.clusters[command.cluster];
  // Clusters are numbered from 1 on every screen.
  const shown = command.cluster + 1;
  if (!cluster) return { rule: "E6", code: "election.no-such-cluster", params: { cluster: shown } };
  const leads = (node: NodeId) =>
    round.net.nodeUp[node] === true && round.game.nodes[node]!.role === "leader";
  if (command.node !== undefined) {
    if (cluster.members.includes(command.node) && leads(command.node)) return command.node;
    return { rule: "E6", code: "election.not-leader-node", params: { node: command.node } };
  }
  let best: NodeId | null = null;
  for (const node of cluster.members.filter(leads)) {
    if (best === null || round.game.nodes[node]!.term > round.game.nodes[best]!.term) best = node;
  }
  return best ?? { rule: "E6", code: "election.no-leader", params: { cluster: shown } };
}

export function validateHost(round: ElectionRound, action: ElectionHostAction): Rejection | null {
  if (action.type !== "command") return null;
  const leader = commandLeader(round, action);
  return typeof leader === "number" ? null : leader;
}

export function applyHost(round: ElectionRound, action: ElectionHostAction, ctx: ElectionCtx) {
  if (action.type === "command") {
    appendCommand(round, commandLeader(round, action) as NodeId, action.command, ctx);
    return;
  }
  const { type: _, ...settings } = action;
  Object.assign(
    round.config,
    Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)),
  );
  if (!engineAnswers(round)) return;
  round.net.nodeUp.forEach((up, node) => {
    if (up) answerRoutineCards(round, node, ctx);
  });
}
