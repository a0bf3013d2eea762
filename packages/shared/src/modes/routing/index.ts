import type { GameMode } from "../../engine/contract.ts";
import { createNet } from "../../net/network.ts";
import { generateTopology } from "../../net/topology.ts";
import { forkRng } from "../../rng.ts";
import { type RoutingTypes, routingActionSchema, routingHostActionSchema } from "./actions.ts";
import { bot } from "./bot.ts";
import { routingConfigSchema } from "./config.ts";
import { debrief } from "./debrief.ts";
import { createRoutingGame } from "./game.ts";
import { applyHost, validateHost } from "./host.ts";
import { hostView } from "./hostView.ts";
import { diameter } from "./paths.ts";
import * as rules from "./rules.ts";
import { tick } from "./traffic.ts";
import { botView, view } from "./view.ts";

/** §3.1 "be the router". */
export const routing: GameMode<RoutingTypes> = {
  id: "routing",
  configSchema: routingConfigSchema,
  actionSchema: routingActionSchema,
  hostActionSchema: routingHostActionSchema,
  setup(config, nodes, rng) {
    const topology = generateTopology(
      {
        preset: config.preset,
        size: nodes,
        latency: config.latency,
        jitter: config.jitter,
        loss: config.loss,
        capacity: config.capacity,
      },
      rng,
    );
    const hops = diameter(createNet(topology));
    // R1: twice the diameter leaves room for detours without letting a packet wander for ever.
    const ttl = config.ttl ?? Math.max(2, 2 * hops);
    return {
      topology,
      net: { inboxLimit: config.inboxLimit },
      game: createRoutingGame(nodes, ttl, hops, forkRng(rng)),
    };
  },
  validate: rules.validate,
  apply: rules.apply,
  validateHost,
  applyHost,
  arrive: rules.arrive,
  dropped: rules.dropped,
  crashed: rules.crashed,
  restarted: () => {},
  tick,
  view,
  botView,
  hostView,
  bot,
  botInterval: (round) => round.config.botThinkTicks,
  score: (round) => [...round.game.score],
  debrief,
  baselineBot: "shortest-path",
};

export type { RoutingAction, RoutingHostAction, RoutingRound, RoutingTypes } from "./actions.ts";
export { ROUTING_BOTS } from "./bot.ts";
export type { RoutingConfig } from "./config.ts";
export { ROUTING_VARIANTS } from "./config.ts";
export type { RoutingDebrief } from "./debrief.ts";
export type { RoutingHostView } from "./hostView.ts";
export { PACKET_ENDS, type PacketEnd } from "./packet.ts";
export type { RoutingBotView, RoutingView } from "./view.ts";
