import type { RngState } from "../../rng.ts";
import { nextInt } from "../../rng.ts";
import type { RoutingAction } from "./actions.ts";
import type { InboxPacket, RoutingBotView } from "./view.ts";

/** D5: the kinds of bot that can sit at a router. */
export const ROUTING_BOTS = ["shortest-path", "random", "flooding"] as const;
export type RoutingBot = (typeof ROUTING_BOTS)[number];

/**
 * One decision from what the router knows (D4). Bots first retransmit what timed out (R7), then
 * handle the oldest packet in the inbox.
 */
export function bot(view: RoutingBotView, kind: string, rng: RngState): RoutingAction | null {
  // R7: retransmitting is refused outside the reliable variant (the teacher may switch mid-round).
  const overdue =
    view.variant === "reliable" && view.unacked.find((entry) => entry.timeoutAt <= view.tick);
  if (overdue) return { type: "retransmit", seq: overdue.seq };
  const packet = view.inbox[0];
  if (!packet) return null;
  if (kind === "flooding") return { type: "flood", packet: packet.entry };
  if (kind === "random") return randomHop(view, packet, rng);
  return shortestHop(view, packet, rng);
}

/** Forward on a shortest live path (R8's distance vector); drop when there is no route. */
function shortestHop(view: RoutingBotView, packet: InboxPacket, rng: RngState): RoutingAction {
  const hints = packet.hints ?? [];
  let best = Number.POSITIVE_INFINITY;
  let choices: number[] = [];
  for (let i = 0; i < view.neighbours.length; i++) {
    const neighbour = view.neighbours[i]!;
    const hops = hints[i] ?? -1;
    if (!neighbour.up || hops < 0 || hops > best) continue;
    if (hops < best) choices = [];
    best = hops;
    choices.push(neighbour.node);
  }
  if (choices.length === 0) return { type: "drop", packet: packet.entry };
  return { type: "forward", packet: packet.entry, to: choices[nextInt(rng, choices.length)]! };
}

/** A random walk that avoids going straight back when it can. */
function randomHop(view: RoutingBotView, packet: InboxPacket, rng: RngState): RoutingAction {
  const open = view.neighbours.filter((neighbour) => neighbour.up);
  const onward = open.filter((neighbour) => neighbour.node !== packet.from);
  const choices = onward.length > 0 ? onward : open;
  if (choices.length === 0) return { type: "drop", packet: packet.entry };
  return { type: "forward", packet: packet.entry, to: choices[nextInt(rng, choices.length)]!.node };
}
