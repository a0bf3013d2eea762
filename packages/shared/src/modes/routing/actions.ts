import * as v from "valibot";
import type { Round, TickCtx } from "../../engine/contract.ts";
import type { NodeId } from "../../net/topology.ts";
import { ROUTING_VARIANTS, type RoutingConfig } from "./config.ts";
import type { RoutingDebrief } from "./debrief.ts";
import type { RoutingGame } from "./game.ts";
import type { RoutingHostView } from "./hostView.ts";
import type { Packet, PacketEnd } from "./packet.ts";
import type { RoutingBotView, RoutingView } from "./view.ts";

export interface RoutingTypes {
  config: RoutingConfig;
  game: RoutingGame;
  action: RoutingAction;
  hostAction: RoutingHostAction;
  view: RoutingView;
  botView: RoutingBotView;
  hostView: RoutingHostView;
  payload: Packet;
  event: RoutingEvent;
  debrief: RoutingDebrief;
}

export type RoutingRound = Round<RoutingTypes>;
export type RoutingCtx = TickCtx<RoutingTypes>;

/** Emitted for the projector and the phones to animate; never part of the state. */
export type RoutingEvent =
  | { type: "created"; packet: Packet; node: NodeId }
  | { type: "delivered"; packet: Packet; node: NodeId }
  | { type: "ended"; packet: Packet; node: NodeId; end: PacketEnd };

const id = v.pipe(v.number(), v.integer(), v.minValue(0));

/** R2, R7: what a router can do. `packet` is the id of an inbox entry. */
export const routingActionSchema = v.variant("type", [
  v.object({ type: v.literal("forward"), packet: id, to: id }),
  v.object({ type: v.literal("flood"), packet: id }),
  v.object({ type: v.literal("drop"), packet: id }),
  v.object({ type: v.literal("retransmit"), seq: id }),
]);
export type RoutingAction = v.InferOutput<typeof routingActionSchema>;

/** N7 "traffic burst" and the settings a teacher may change mid-round. */
export const routingHostActionSchema = v.variant("type", [
  v.object({
    type: v.literal("burst"),
    count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  }),
  v.object({
    type: v.literal("configure"),
    trafficRate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1000))),
    ttl: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(255))),
    hints: v.optional(v.boolean()),
    variant: v.optional(v.picklist(ROUTING_VARIANTS)),
    retransmitTimeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6000))),
  }),
]);
export type RoutingHostAction = v.InferOutput<typeof routingHostActionSchema>;
