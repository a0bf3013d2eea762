import type { GameMode } from "../../engine/contract.ts";
import { nextUint32 } from "../../rng.ts";
import { type ElectionTypes, electionActionSchema, electionHostActionSchema } from "./actions.ts";
import { apply, crashed, restarted } from "./apply.ts";
import { arrive } from "./arrive.ts";
import { bot } from "./bot.ts";
import { clusterMembers, clusterTopology } from "./clusters.ts";
import { electionConfigSchema } from "./config.ts";
import { debrief, score } from "./debrief.ts";
import { createElectionGame } from "./game.ts";
import { applyHost, validateHost } from "./host.ts";
import { hostView } from "./hostView.ts";
import { validate } from "./rules.ts";
import { tick } from "./tick.ts";
import { timeoutFor } from "./timers.ts";
import { botView, view } from "./view.ts";

/** §3.2 "be a Raft server". */
export const election: GameMode<ElectionTypes> = {
  id: "election",
  configSchema: electionConfigSchema,
  actionSchema: electionActionSchema,
  hostActionSchema: electionHostActionSchema,
  setup(config, nodes, rng) {
    const members = clusterMembers(nodes, config.clusterSize);
    const topology = clusterTopology(members, config, rng);
    const game = createElectionGame(members, nextUint32(rng));
    // E1, E2: every server starts as a follower of term 0, its timer running.
    game.nodes.forEach((raft, node) => {
      raft.electionTimeout = timeoutFor(game.timerSeed, node, 0, config.electionTimeout);
      raft.electionDeadline = raft.electionTimeout;
    });
    return { topology, net: { inboxLimit: config.inboxLimit }, game };
  },
  validate,
  apply,
  validateHost,
  applyHost,
  arrive,
  dropped: () => {},
  crashed,
  restarted,
  actsWhileDown: (action) => action.type === "restart",
  tick,
  view,
  botView,
  hostView,
  bot,
  botInterval: (round) => round.config.botThinkTicks,
  score,
  debrief,
  baselineBot: "raft",
};

export type {
  ElectionAction,
  ElectionEvent,
  ElectionHostAction,
  ElectionRound,
  ElectionTypes,
} from "./actions.ts";
export { ELECTION_BOTS } from "./bot.ts";
export type { AssistLevel, ElectionConfig, Enforcement } from "./config.ts";
export { ASSIST_LEVELS, ENFORCEMENTS } from "./config.ts";
export type { ClusterDebrief, ElectionDebrief } from "./debrief.ts";
export type { ElectionHostView } from "./hostView.ts";
export type { Entry as RaftEntry, RaftMessage, Role as RaftRole } from "./raft.ts";
export { ROLES as RAFT_ROLES } from "./raft.ts";
export {
  SAFETY_PROPERTIES,
  type SafetyProperty,
  type Violation as SafetyViolation,
} from "./safety.ts";
export type { Card as ElectionCard, ElectionBotView, ElectionView } from "./view.ts";
