import * as v from "valibot";
import type { Round, TickCtx } from "../../engine/contract.ts";
import type { NodeId } from "../../net/topology.ts";
import {
  ASSIST_LEVELS,
  type ElectionConfig,
  ENFORCEMENTS,
  electionTimeoutSchema,
} from "./config.ts";
import type { ElectionDebrief } from "./debrief.ts";
import type { ElectionGame } from "./game.ts";
import type { ElectionHostView } from "./hostView.ts";
import type { RaftMessage } from "./raft.ts";
import type { Violation } from "./safety.ts";
import type { ElectionBotView, ElectionView } from "./view.ts";

export interface ElectionTypes {
  config: ElectionConfig;
  game: ElectionGame;
  action: ElectionAction;
  hostAction: ElectionHostAction;
  view: ElectionView;
  botView: ElectionBotView;
  hostView: ElectionHostView;
  payload: RaftMessage;
  event: ElectionEvent;
  debrief: ElectionDebrief;
}

export type ElectionRound = Round<ElectionTypes>;
export type ElectionCtx = TickCtx<ElectionTypes>;

/** Emitted for the projector and the phones to animate; never part of the state. */
export type ElectionEvent =
  | { type: "election-started"; node: NodeId; cluster: number; term: number }
  | { type: "voted"; node: NodeId; candidate: NodeId; term: number; granted: boolean }
  | { type: "elected"; node: NodeId; cluster: number; term: number }
  /** The node stopped leading or standing in `term`: a higher term, its term's leader, a crash. */
  | {
      type: "stepped-down";
      node: NodeId;
      cluster: number;
      term: number;
      cause: "higher-term" | "other-leader" | "crash";
    }
  /** A leader took a client command into its log. */
  | {
      type: "appended";
      node: NodeId;
      cluster: number;
      index: number;
      term: number;
      command: string;
    }
  /** A leader saw the entry stored on a majority (E6). */
  | {
      type: "committed";
      node: NodeId;
      cluster: number;
      index: number;
      term: number;
      command: string;
    }
  | ({ type: "violation" } & Violation);

const id = v.pipe(v.number(), v.integer(), v.minValue(0));

/** E2–E8: what a Raft server can do. `card` is the id of a RequestVote or AppendEntries in its inbox. */
export const electionActionSchema = v.variant("type", [
  v.object({ type: v.literal("start-election") }),
  v.object({ type: v.literal("answer-vote"), card: id, grant: v.boolean() }),
  v.object({ type: v.literal("answer-append"), card: id, accept: v.boolean() }),
  /** E6: AppendEntries to every peer, or to `to` only. */
  v.object({ type: v.literal("heartbeat"), to: v.optional(id) }),
  /** E8: in the watch level a student crashes and restarts its own node. */
  v.object({ type: v.literal("crash") }),
  v.object({ type: v.literal("restart") }),
]);
export type ElectionAction = v.InferOutput<typeof electionActionSchema>;

/** E6: the teacher is the client; E7, E8 and the timings can change mid-round. */
export const electionHostActionSchema = v.variant("type", [
  v.object({
    type: v.literal("command"),
    cluster: id,
    command: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
    /** A leader to hand it to; by default the cluster's leader of the highest term. */
    node: v.optional(id),
  }),
  v.object({
    type: v.literal("configure"),
    assist: v.optional(v.picklist(ASSIST_LEVELS)),
    enforcement: v.optional(v.picklist(ENFORCEMENTS)),
    electionTimeout: v.optional(electionTimeoutSchema),
    heartbeatInterval: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6000))),
  }),
]);
export type ElectionHostAction = v.InferOutput<typeof electionHostActionSchema>;
