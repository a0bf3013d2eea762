// The projector's input, produced in the page: a routing round run by the real engine, turned
// into what the classroom room sends a projector every tick — the host view (state.routing.board)
// and the tick's events (SERVER_MESSAGE.events, shaped as apps/server/src/rooms/routing/events.ts
// shapes them).
import {
  createRound,
  type RoundEvent,
  type RoutingHostView,
  type RoutingRound,
  routing,
  type Seat,
  step,
} from "@quorum/shared";
import type { RoutingTypes } from "@quorum/shared/modes/routing/actions";

export const ROUTERS = 200;

/**
 * The lesson's default topology (geometric: about 400 links at 200 nodes), every router a quick
 * shortest-path bot: 300 new packets a second keep about 1,000 of them on the wire.
 */
export const PROJECTOR_CONFIG = {
  preset: "geometric",
  trafficRate: 300,
  botThinkTicks: 1,
} as const;

/** A tick as the projector receives it. */
export interface TickUpdate {
  view: RoutingHostView;
  events: Record<string, unknown>[];
}

export interface BenchRound {
  round: RoutingRound;
  /** Runs one tick of the engine, as the room does on each beat (D7). */
  next(): TickUpdate;
}

export function startRound(seed: number): BenchRound {
  const seats: Seat[] = Array.from({ length: ROUTERS }, (_, node) => ({
    name: `router ${node + 1}`,
    bot: "shortest-path",
  }));
  const round = createRound(routing, PROJECTOR_CONFIG, seats, seed);
  return {
    round,
    next() {
      const events: Record<string, unknown>[] = [];
      step(routing, round, [], (event) => events.push(toWire(event)));
      return { view: routing.hostView(round), events };
    },
  };
}

/** The flat event a projector receives for one engine event. */
function toWire(event: RoundEvent<RoutingTypes>): Record<string, unknown> {
  switch (event.type) {
    case "transmit": {
      const { message } = event;
      return {
        type: "transmit",
        message: message.id,
        packet: message.payload.id,
        kind: message.payload.kind,
        from: message.from,
        to: message.to,
        sentAt: message.sentAt,
        arriveAt: message.arriveAt,
      };
    }
    case "arrive": {
      const { message } = event;
      return {
        type: "arrive",
        message: message.id,
        packet: message.payload.id,
        kind: message.payload.kind,
        from: message.from,
        to: message.to,
      };
    }
    case "drop":
      return {
        type: "drop",
        message: event.message?.id ?? -1,
        packet: event.payload.id,
        kind: event.payload.kind,
        node: event.node,
        cause: event.cause,
      };
    case "ended":
      return {
        type: "drop",
        message: -1,
        packet: event.packet.id,
        kind: event.packet.kind,
        node: event.node,
        cause: event.end,
      };
    default:
      return {
        type: event.type,
        packet: event.packet.id,
        kind: event.packet.kind,
        node: event.node,
      };
  }
}
