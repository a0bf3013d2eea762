import { TICKS_PER_SECOND } from "../../engine/time.ts";
import { inject } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import { nextInt } from "../../rng.ts";
import type { RoutingCtx, RoutingRound } from "./actions.ts";
import { remember, SEEN_LIMIT } from "./game.ts";
import type { Packet } from "./packet.ts";

/** The traffic generator: `trafficRate` packets a second between random pairs of nodes. */
export function tick(round: RoutingRound, ctx: RoutingCtx): void {
  const game = round.game;
  game.trafficDebt += round.config.trafficRate / TICKS_PER_SECOND;
  while (game.trafficDebt >= 1) {
    game.trafficDebt -= 1;
    generate(round, ctx);
  }
}

export function generate(round: RoutingRound, ctx: RoutingCtx): void {
  const game = round.game;
  const nodes = round.seats.length;
  if (nodes < 2) return;
  const src = nextInt(game.trafficRng, nodes);
  const pick = nextInt(game.trafficRng, nodes - 1);
  const dst = pick >= src ? pick + 1 : pick;
  const variant = round.config.variant;
  const packet: Packet = {
    id: game.nextPacketId++,
    src,
    dst,
    ttl: game.ttl,
    hops: [src],
    kind: variant === "flood" ? "flood" : "data",
    seq: variant === "reliable" ? game.nextSeq[src]!++ : null,
    createdAt: ctx.tick,
  };
  game.stats.generated++;
  // A packet that cannot even start (its source is down or full) is counted as a drop, nothing else.
  if (!originate(round, src, packet, ctx)) return;
  if (packet.kind === "flood") {
    game.stats.floods[packet.id] = { sent: 0, reached: 1, links: {} };
    remember(game.seenFloods[src]!, packet.id, SEEN_LIMIT);
  }
  if (packet.seq === null) return;
  game.unacked[src]!.push({
    seq: packet.seq,
    id: packet.id,
    dst,
    sentAt: ctx.tick,
    timeoutAt: ctx.tick + round.config.retransmitTimeout,
    tries: 1,
  });
}

/** A packet appears at a node: from the traffic generator, a retransmission or an ack. */
export function originate(
  round: RoutingRound,
  node: NodeId,
  packet: Packet,
  ctx: RoutingCtx,
): boolean {
  round.game.stats.created++;
  const placed = inject(round.net, ctx.net, node, packet, ctx.tick);
  if (typeof placed !== "string") ctx.emit({ type: "created", packet, node });
  return typeof placed !== "string";
}
