import type { Drop, Message, NodeId, RoundEvent } from "@quorum/shared";
import type { RoutingEvent } from "@quorum/shared/modes/routing/actions";
import type { Packet } from "@quorum/shared/modes/routing/packet";
import type { WireEvent } from "../projection.ts";

type NetRoutingEvent =
  | { type: "transmit"; message: Message<Packet> }
  | { type: "arrive"; message: Message<Packet> }
  | ({ type: "drop" } & Drop<Packet>)
  | RoutingEvent;

/**
 * One engine event as clients receive it, flat and small, with the node it concerns (D4): a
 * student hears of its own sends, what arrives at it, what ends at it — never of packets on
 * their way to it or held elsewhere.
 */
function toWire(event: NetRoutingEvent): { wire: WireEvent; node: NodeId } {
  switch (event.type) {
    case "transmit": {
      const { message } = event;
      return {
        node: message.from,
        wire: {
          type: "transmit",
          message: message.id,
          packet: message.payload.id,
          kind: message.payload.kind,
          from: message.from,
          to: message.to,
          sentAt: message.sentAt,
          arriveAt: message.arriveAt,
        },
      };
    }
    case "arrive": {
      const { message } = event;
      return {
        node: message.to,
        wire: {
          type: "arrive",
          message: message.id,
          packet: message.payload.id,
          kind: message.payload.kind,
          from: message.from,
          to: message.to,
        },
      };
    }
    case "drop":
      return {
        node: event.node,
        wire: {
          type: "drop",
          message: event.message?.id ?? -1,
          packet: event.payload.id,
          kind: event.payload.kind,
          node: event.node,
          cause: event.cause,
        },
      };
    case "ended":
      // The router's own ending of a packet (R3 TTL, a discard, a duplicate): a drop too.
      return {
        node: event.node,
        wire: {
          type: "drop",
          message: -1,
          packet: event.packet.id,
          kind: event.packet.kind,
          node: event.node,
          cause: event.end,
        },
      };
    case "created":
    case "delivered":
      return {
        node: event.node,
        wire: {
          type: event.type,
          packet: event.packet.id,
          kind: event.packet.kind,
          node: event.node,
        },
      };
  }
}

export function routeRoutingEvents(
  events: readonly RoundEvent[],
  watched: ReadonlySet<NodeId>,
): { host: WireEvent[]; nodes: Map<NodeId, WireEvent[]> } {
  const host: WireEvent[] = [];
  const nodes = new Map<NodeId, WireEvent[]>();
  for (const event of events as readonly NetRoutingEvent[]) {
    const { wire, node } = toWire(event);
    host.push(wire);
    if (!watched.has(node)) continue;
    const list = nodes.get(node);
    if (list) list.push(wire);
    else nodes.set(node, [wire]);
  }
  return { host, nodes };
}
