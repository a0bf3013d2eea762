import type { Rejection } from "../../engine/contract.ts";
import type { RoutingCtx, RoutingHostAction, RoutingRound } from "./actions.ts";
import { generate } from "./traffic.ts";

/** N7 "traffic burst" and mid-round settings (the schema is in actions.ts). */
export function validateHost(round: RoutingRound, action: RoutingHostAction): Rejection | null {
  if (action.type === "burst" && round.seats.length < 2) {
    return { rule: "N7", code: "routing.burst-needs-two-nodes" };
  }
  return null;
}

export function applyHost(round: RoutingRound, action: RoutingHostAction, ctx: RoutingCtx): void {
  if (action.type === "burst") {
    for (let i = 0; i < action.count; i++) generate(round, ctx);
    return;
  }
  const { type: _, ttl, ...settings } = action;
  Object.assign(
    round.config,
    Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)),
  );
  if (ttl !== undefined) {
    round.config.ttl = ttl;
    round.game.ttl = ttl;
  }
}
