import type { RoutingDebrief, RoutingHostView } from "@quorum/shared";
import { PHASES, type Phase, ROOM_MODES, type RoomMode } from "@quorum/shared/platform/protocol";
import type { FlyingPacket, LiveNetwork } from "../network/live.ts";
import { type ElectionBoardView, electionBoardOf } from "./election/board.ts";

/**
 * The classroom room's state (apps/server/src/rooms, docs/protocol.md) as the teacher's pages
 * read it. The room connection hands over the state as plain JSON; this is the one place that
 * knows its field names.
 */

export interface PlayerInfo {
  id: string;
  nickname: string;
  /** The node the player plays in the current round, or null in the lobby. */
  node: number | null;
  connected: boolean;
}

export interface ClassroomView {
  phase: Phase;
  joinCode: string | null;
  joinUrl: string | null;
  projectorUrl: string | null;
  players: PlayerInfo[];
  speed: number;
  /** Whole seconds left of the countdown (P5), while counting down. */
  countdown: number | null;
  /** The configured mode (`state.mode`), null until the teacher configures one. */
  mode: RoomMode | null;
  tick: number;
  /** The routing round's host view, while a routing round exists. */
  round: RoutingHostView | null;
  /** The election round's host view, while an election round exists. */
  election: ElectionBoardView | null;
}

export interface RoundSummaryView {
  class: RoutingDebrief;
  baseline: RoutingDebrief | null;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null;
const text = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;
const number = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;
/** A MapSchema arrives as an object keyed by id, an ArraySchema as an array. */
const entries = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [];

export function classroomView(state: unknown): ClassroomView | null {
  if (!isRecord(state)) return null;
  const phase = (PHASES as readonly unknown[]).includes(state.phase)
    ? (state.phase as Phase)
    : "lobby";
  const players = entries(state.players)
    .filter(isRecord)
    .map(
      (player, index): PlayerInfo => ({
        id: text(player.id) ?? String(index),
        nickname: text(player.nickname) ?? "",
        node: typeof player.node === "number" && player.node >= 0 ? player.node : null,
        connected: player.connected !== false,
      }),
    );
  return {
    phase,
    joinCode: text(state.code) ?? text(state.joinCode),
    joinUrl: text(state.joinUrl),
    projectorUrl: text(state.projectorUrl),
    players,
    speed: number(state.speed, 1),
    countdown: phase === "countdown" ? number(state.countdown, 0) : null,
    mode: ROOM_MODES.find((mode) => mode === state.mode) ?? null,
    tick: number(state.tick, 0),
    round: hostViewOf(isRecord(state.routing) ? state.routing.board : null, number(state.tick, 0)),
    election: electionBoardOf(
      isRecord(state.election) ? state.election.board : null,
      number(state.tick, 0),
    ),
  };
}

/**
 * `state.routing.board` (the host's and projector's part of the round) as a RoutingHostView; the
 * schema writes the engine's nulls as "" (strings), and leaves the tick to the room's state.
 */
function hostViewOf(board: unknown, tick: number): RoutingHostView | null {
  if (!isRecord(board)) return null;
  const view = board;
  const nodes = entries(view.nodes)
    .filter(isRecord)
    .map((node) => ({ ...node, bot: text(node.bot) })) as RoutingHostView["nodes"];
  const links = entries(view.links)
    .filter(isRecord)
    .map((link) => ({
      ...link,
      blocked: link.blocked === "link-down" || link.blocked === "partition" ? link.blocked : null,
    })) as RoutingHostView["links"];
  if (nodes.length === 0) return null;
  const counters = (isRecord(view.counters) ? view.counters : {}) as RoutingHostView["counters"];
  return {
    ...(view as unknown as RoutingHostView),
    tick,
    nodes,
    links,
    packets: entries(view.packets) as RoutingHostView["packets"],
    counters: {
      generated: number(counters.generated, 0),
      created: number(counters.created, 0),
      delivered: number(counters.delivered, 0),
      held: number(counters.held, 0),
      deliveryRate: number(counters.deliveryRate, 0),
      ends: { ...(counters.ends ?? {}) } as RoutingHostView["counters"]["ends"],
    },
    faults: entries(view.faults) as RoutingHostView["faults"],
  };
}

/**
 * What the drawing needs of a host view; the same object while nothing it shows changed. A
 * student's node that a bot plays while the student is away (D5) is labelled with `away`.
 */
export function liveNetworkOf(
  view: RoutingHostView,
  previous: LiveNetwork | null,
  away: (name: string) => string = (name) => name,
): LiveNetwork {
  const next: LiveNetwork = {
    nodes: view.nodes.map((node) => ({
      x: node.x,
      y: node.y,
      name: node.bot && node.name ? away(node.name) : node.name,
      up: node.up,
      group: node.group,
    })),
    links: view.links.map((link) => ({ a: link.a, b: link.b, blocked: link.blocked })),
  };
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

/** The host view's packets in flight, for a drawing that starts mid-round. */
export function flyingOf(view: RoutingHostView): FlyingPacket[] {
  return view.packets.map((packet) => ({
    message: packet.message,
    packet: packet.id,
    kind: packet.kind,
    from: packet.from,
    to: packet.to,
    sentAt: packet.sentAt,
    arriveAt: packet.arriveAt,
  }));
}

/** SERVER_MESSAGE.debrief: the class's figures and the shortest-path bot's (R9). */
export function summaryOf(message: unknown): RoundSummaryView | null {
  if (!isRecord(message)) return null;
  const summary = isRecord(message.summary) ? message.summary : message;
  const ofClass = summary.class ?? summary.debrief;
  if (!isRecord(ofClass)) return null;
  return {
    class: ofClass as unknown as RoutingDebrief,
    baseline: isRecord(summary.baseline) ? (summary.baseline as unknown as RoutingDebrief) : null,
  };
}

/** SERVER_MESSAGE.events: one tick's events, `{ tick, events }` or a bare list. */
export function eventsOf(message: unknown): { tick: number | null; events: unknown[] } {
  if (Array.isArray(message)) return { tick: null, events: message };
  if (!isRecord(message)) return { tick: null, events: [] };
  return {
    tick: typeof message.tick === "number" ? message.tick : null,
    events: Array.isArray(message.events) ? message.events : [],
  };
}
