import type { Drop, ElectionEvent, Message, NodeId, RaftMessage, RoundEvent } from "@quorum/shared";
import type { WireEvent } from "../projection.ts";

type NetElectionEvent =
  | { type: "transmit"; message: Message<RaftMessage> }
  | { type: "arrive"; message: Message<RaftMessage> }
  | ({ type: "drop" } & Drop<RaftMessage>)
  | ElectionEvent;

/** A vote's or an append reply's outcome; null for a request. */
function outcome(payload: RaftMessage): boolean | null {
  if (payload.kind === "vote") return payload.granted;
  if (payload.kind === "append-reply") return payload.success;
  return null;
}

/**
 * One engine event as clients receive it, flat and small, with the node it concerns (D4), or
 * null when it is for the host only: a student hears of its own sends, what arrives at it, what
 * is lost at it and its own elections, votes and commits — never of a safety violation, which
 * only the whole picture shows (E7).
 */
function toWire(event: NetElectionEvent): { wire: WireEvent; node: NodeId | null } {
  switch (event.type) {
    case "transmit": {
      const { message } = event;
      const { payload } = message;
      return {
        node: message.from,
        wire: {
          type: "transmit",
          message: message.id,
          kind: payload.kind,
          term: payload.term,
          from: message.from,
          to: message.to,
          sentAt: message.sentAt,
          arriveAt: message.arriveAt,
          ok: outcome(payload),
          entries: payload.kind === "append" ? payload.entries.length : 0,
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
          kind: message.payload.kind,
          term: message.payload.term,
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
          kind: event.payload.kind,
          term: event.payload.term,
          node: event.node,
          cause: event.cause,
        },
      };
    case "violation":
      return { node: null, wire: { ...event, nodes: [...event.nodes] } };
    default:
      // election-started, voted, elected, stepped-down, appended, committed: already flat.
      return { node: event.node, wire: { ...event } };
  }
}

export function routeElectionEvents(
  events: readonly RoundEvent[],
  watched: ReadonlySet<NodeId>,
): { host: WireEvent[]; nodes: Map<NodeId, WireEvent[]> } {
  const host: WireEvent[] = [];
  const nodes = new Map<NodeId, WireEvent[]>();
  for (const event of events as readonly NetElectionEvent[]) {
    const { wire, node } = toWire(event);
    host.push(wire);
    if (node === null || !watched.has(node)) continue;
    const list = nodes.get(node);
    if (list) list.push(wire);
    else nodes.set(node, [wire]);
  }
  return { host, nodes };
}
