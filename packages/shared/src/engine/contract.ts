import type * as v from "valibot";
import type { MessageKey } from "../i18n/messages.ts";
import type { Drop, Message, NetEvent, NetHooks, NetOptions, NetState } from "../net/network.ts";
import type { NodeId, Topology } from "../net/topology.ts";
import type { RngState } from "../rng.ts";

/** D3: why an action was refused — the rule it broke and a message key with its parameters. */
export interface Rejection {
  rule: string;
  code: MessageKey;
  params?: Record<string, string | number>;
}

/** Who sits at a node (D5): a named player, or a bot of a mode-specific kind when `bot` is set. */
export interface Seat {
  name: string;
  bot: string | null;
}

/** The types one game mode is made of. */
export interface ModeTypes {
  config: object;
  game: object;
  action: object;
  hostAction: { type: string };
  view: object;
  /** D5: the part of `view` a bot decides on; a full view must also be a valid one. */
  botView: object;
  hostView: object;
  payload: unknown;
  event: object;
  debrief: object;
}

/** A round in play: plain data only, so it hashes (D6), clones for snapshots and replays (D1). */
export interface Round<T extends ModeTypes = ModeTypes> {
  mode: string;
  config: T["config"];
  tick: number;
  rng: RngState;
  seats: Seat[];
  net: NetState<T["payload"]>;
  game: T["game"];
}

export type RoundEvent<T extends ModeTypes = ModeTypes> = NetEvent<T["payload"]> | T["event"];

/** Handed to every engine call that changes a round. */
export interface TickCtx<T extends ModeTypes = ModeTypes> {
  tick: number;
  rng: RngState;
  emit(event: RoundEvent<T>): void;
  /** The network's callbacks into the mode, for `send` and `drop`. */
  net: NetHooks<T["payload"]>;
}

/** §1.1: everything the engine needs to know about one game. */
export interface GameMode<T extends ModeTypes = ModeTypes> {
  id: string;
  configSchema: v.GenericSchema<unknown, T["config"]>;
  actionSchema: v.GenericSchema<unknown, T["action"]>;
  hostActionSchema: v.GenericSchema<unknown, T["hostAction"]>;
  /** The network and the initial game state for a round of `nodes` nodes. */
  setup(
    config: T["config"],
    nodes: number,
    rng: RngState,
  ): { topology: Topology; net?: NetOptions; game: T["game"] };
  validate(round: Round<T>, node: NodeId, action: T["action"]): Rejection | null;
  apply(round: Round<T>, node: NodeId, action: T["action"], ctx: TickCtx<T>): void;
  validateHost(round: Round<T>, action: T["hostAction"]): Rejection | null;
  applyHost(round: Round<T>, action: T["hostAction"], ctx: TickCtx<T>): void;
  /** A message reached a live node; true when the mode consumed it instead of the inbox. */
  arrive(round: Round<T>, message: Message<T["payload"]>, ctx: TickCtx<T>): boolean;
  /** N6: the network lost one of the mode's messages. */
  dropped(round: Round<T>, drop: Drop<T["payload"]>): void;
  /** N4: forget the volatile state; `restarted` brings the node back with its persistent state. */
  crashed(round: Round<T>, node: NodeId, ctx: TickCtx<T>): void;
  restarted(round: Round<T>, node: NodeId, ctx: TickCtx<T>): void;
  /**
   * N4: the actions a crashed node may still take (E8: a student restarts its own node). A mode
   * without it refuses every action of a crashed node.
   */
  actsWhileDown?(action: T["action"]): boolean;
  tick(round: Round<T>, ctx: TickCtx<T>): void;
  /** D4: only what `node` may know. */
  view(round: Round<T>, node: NodeId): T["view"];
  hostView(round: Round<T>): T["hostView"];
  /**
   * D5: what a bot at `node` reads, or null when it has nothing to decide (it is not asked).
   * Built for every bot every tick, so it holds no more than the mode's bots read.
   */
  botView(round: Round<T>, node: NodeId): T["botView"] | null;
  /** D5: a bot plays through the same validate/apply as a human. */
  bot(view: T["botView"], kind: string, rng: RngState): T["action"] | null;
  /** Ticks between two decisions of a bot. */
  botInterval(round: Round<T>): number;
  score(round: Round<T>): number[];
  debrief(round: Round<T>): T["debrief"];
  /**
   * The bot kind the debrief measures the class against: the same round, traffic and faults,
   * with this bot at every node (R9). Null when the mode has no such baseline.
   */
  baselineBot: string | null;
}

export type AnyMode = GameMode<ModeTypes>;
