import type { ElectionView } from "@quorum/shared/modes/election/index";
import type { RoutingDebrief, RoutingView } from "@quorum/shared/modes/routing/index";
import { PHASES, type Phase, ROOM_MODES, type RoomMode } from "@quorum/shared/platform/protocol";
import { type ElectionDebriefFigures, readElectionDebrief } from "./election/debrief.ts";
import { readElectionView } from "./election/view.ts";

/** What the phone shows, read from the room's state for this player (D4: its own view only). */
export interface PlayerScreen {
  phase: Phase;
  /** The configured round's mode (state.mode): which screen the round gets; null until configured. */
  mode: RoomMode | null;
  /** Whole seconds left in the countdown; null outside it. */
  countdown: number | null;
  nickname: string;
  /** The class list's length (P3). */
  players: number;
  /** Nicknames by node id, for the nodes students play this round ("" for a bot's node). */
  names: readonly string[];
  /** This player's node in the round; null in the lobby or when it has none. */
  node: number | null;
  /** R2: the router's view; null until a routing round gives this player a node. */
  view: RoutingView | null;
  /** E1–E8: the Raft server's view; null until an election round gives this player a node. */
  election: ElectionView | null;
  /** E6: ticks between a leader's heartbeats, as the round was configured (a leader's ring). */
  heartbeatInterval: number;
}

/** The end of a round for one student, by mode. */
export type PlayerDebrief = RoutingDebriefFigures | ElectionDebriefFigures;

/** R9 for one student: the class's figures and this student's own score. */
export interface RoutingDebriefFigures {
  mode: "routing";
  deliveryRate: number;
  delivered: number;
  generated: number;
  score: number | null;
  /** R9: the shortest-path bot's delivery rate on the same traffic and faults, if it ran. */
  baselineRate: number | null;
}

type Plain = Record<string, unknown>;

/**
 * The room state as a plain object (RoomConnection.state, docs/protocol.md) → what the phone
 * shows. A student's state holds the shared fields (phase, players …) and, under `routing.nodes`,
 * only its own router's entry, in schema form: -1 where the view has null, `arrivedAt` for `age`.
 */
export function readScreen(
  state: unknown,
  seat: { playerId: string; nickname: string },
): PlayerScreen {
  const room = record(state);
  const phase = (PHASES as readonly unknown[]).includes(room.phase)
    ? (room.phase as Phase)
    : "lobby";
  const players = list(room.players);
  const me = players.find((player) => player.id === seat.playerId);
  const node = typeof me?.node === "number" && me.node >= 0 ? me.node : null;
  const names: string[] = [];
  for (const player of players) {
    if (
      typeof player.node === "number" &&
      player.node >= 0 &&
      typeof player.nickname === "string"
    ) {
      names[player.node] = player.nickname;
    }
  }
  const mode = (ROOM_MODES as readonly unknown[]).includes(room.mode)
    ? (room.mode as RoomMode)
    : null;
  // D4: the round's projection holds this student's own node only, keyed by its number.
  const own = (field: RoomMode) =>
    node === null ? undefined : record(record(room[field]).nodes)[String(node)];
  const router = own("routing");
  const server = own("election");
  const tick = typeof room.tick === "number" ? room.tick : 0;
  return {
    phase,
    mode,
    countdown: phase === "countdown" && typeof room.countdown === "number" ? room.countdown : null,
    nickname: typeof me?.nickname === "string" ? me.nickname : seat.nickname,
    players: players.length,
    names,
    node,
    view: router ? routingView(record(router), tick) : null,
    election: server ? readElectionView(server, tick) : null,
    heartbeatInterval: mode === "election" ? heartbeatIntervalOf(room.config) : HEARTBEAT_TICKS,
  };
}

/** E6: the election config's default heartbeat interval, in ticks, for settings that don't say. */
const HEARTBEAT_TICKS = 20;

/** E6: the round's heartbeat interval from its settings (state.config, JSON). */
function heartbeatIntervalOf(config: unknown): number {
  if (typeof config !== "string" || config === "") return HEARTBEAT_TICKS;
  try {
    const interval = (JSON.parse(config) as { heartbeatInterval?: unknown }).heartbeatInterval;
    return typeof interval === "number" && interval > 0 ? interval : HEARTBEAT_TICKS;
  } catch {
    return HEARTBEAT_TICKS;
  }
}

/** docs/protocol.md RoutingNode → the engine's RoutingView, so the UI reads the engine's shape. */
function routingView(node: Plain, tick: number): RoutingView {
  const view = node as unknown as Omit<RoutingView, "tick" | "inbox"> & { inbox?: Plain[] };
  return {
    ...view,
    tick,
    inbox: (view.inbox ?? []).map((packet) => {
      const seq = packet.seq as number;
      const from = packet.from as number;
      const hints = typeof packet.hints === "string" ? packet.hints : "";
      return {
        entry: packet.entry as number,
        id: packet.id as number,
        src: packet.src as number,
        dst: packet.dst as number,
        ttl: packet.ttl as number,
        kind: packet.kind as RoutingView["inbox"][number]["kind"],
        seq: seq < 0 ? null : seq,
        age: Math.max(0, tick - (packet.arrivedAt as number)),
        from: from < 0 ? null : from,
        hints: hints === "" ? null : hints.split(",").map(Number),
      };
    }),
    neighbours: view.neighbours ?? [],
    unacked: view.unacked ?? [],
    received: view.received ?? [],
    seenFloods: view.seenFloods ?? [],
    notices: view.notices ?? [],
  };
}

/**
 * SERVER_MESSAGE.debrief (docs/protocol.md): `{ mode, endTick, summary: { class, baseline }, node,
 * score }`; a student gets its own node's score with the class's figures.
 */
export function readDebrief(payload: unknown): PlayerDebrief | null {
  const body = record(payload);
  if (body.mode === "election") return readElectionDebrief(body);
  const summary = record(body.summary);
  const routing = record(summary.class) as Partial<RoutingDebrief>;
  const baseline = record(summary.baseline) as Partial<RoutingDebrief>;
  if (typeof routing.deliveryRate !== "number") return null;
  return {
    mode: "routing",
    deliveryRate: routing.deliveryRate,
    delivered: routing.delivered ?? 0,
    generated: routing.generated ?? 0,
    score: typeof body.score === "number" ? body.score : null,
    baselineRate: typeof baseline.deliveryRate === "number" ? baseline.deliveryRate : null,
  };
}

function record(value: unknown): Plain {
  return value && typeof value === "object" ? (value as Plain) : {};
}

/** An ArraySchema becomes an array and a MapSchema an object in toJSON(): read both. */
function list(value: unknown): Plain[] {
  if (Array.isArray(value)) return value.map(record);
  return value && typeof value === "object" ? Object.values(value).map(record) : [];
}
