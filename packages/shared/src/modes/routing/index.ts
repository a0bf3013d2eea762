import type { GameMode } from "../../engine/contract.ts";
import { createNet } from "../../net/network.ts";
import { generateTopology } from "../../net/topology.ts";
import { forkRng } from "../../rng.ts";
import { bot } from "./bot.ts";
import { routingConfigSchema } from "./config.ts";
import { debrief } from "./debrief.ts";
import { createRoutingGame } from "./game.ts";
import { diameter } from "./paths.ts";
import * as rules from "./rules.ts";
import { botView, hostView, view } from "./view.ts";

/** §3.1 "be the router". */
export const routing: GameMode<rules.RoutingTypes> = {
  id: "routing",
  configSchema: routingConfigSchema,
  actionSchema: rules.routingActionSchema,
  hostActionSchema: rules.routingHostActionSchema,
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
  validateHost: rules.validateHost,
  applyHost: rules.applyHost,
  arrive: rules.arrive,
  dropped: rules.dropped,
  crashed: rules.crashed,
  restarted: () => {},
  tick: rules.tick,
  view,
  botView,
  hostView,
  bot,
  botInterval: (round) => round.config.botThinkTicks,
  score: (round) => [...round.game.score],
  debrief,
  baselineBot: "shortest-path",
};

export { ROUTING_BOTS } from "./bot.ts";
export type { RoutingConfig } from "./config.ts";
export { ROUTING_VARIANTS } from "./config.ts";
export type { RoutingDebrief } from "./debrief.ts";
export type { RoutingAction, RoutingHostAction, RoutingRound, RoutingTypes } from "./rules.ts";
export type { RoutingHostView, RoutingView } from "./view.ts";
