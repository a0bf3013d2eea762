import type { Round, RoundEvent } from "@quorum/shared/engine/contract";
import { stateHash } from "@quorum/shared/hash";
import type { RoutingHostView, RoutingView } from "@quorum/shared/modes/routing/index";
import { isUp, linkBlock } from "@quorum/shared/net/network";
import { advance, type Replay, seek } from "@quorum/shared/replay/replayer";
import type { FlyingPacket, LiveNetwork } from "../network/live.ts";
import { flyingOf, liveNetworkOf } from "../teach/classroom.ts";
import { VIEWER_SNAPSHOT_EVERY } from "./load.ts";

/**
 * One moment of a replay as the viewer shows it: the projector's picture, the followed node's
 * phone, the state hash (D6). Built from the engine's own views (D4), so a replay shows exactly
 * what the class and each student saw.
 */

/** Where the viewer is in the round: the state at one tick and the events of the step into it. */
export class ReplayCursor {
  private round: Round;
  private events: RoundEvent[] = [];
  private readonly replay: Replay;

  constructor(replay: Replay) {
    this.replay = replay;
    this.round = structuredClone(replay.snapshots.get(0)!);
  }

  /**
   * §1.2: the round at `tick`. Playing on steps forward from where the cursor is; anything else
   * re-simulates from the nearest snapshot (replayer `seek`), so no move costs more than
   * VIEWER_SNAPSHOT_EVERY ticks once the replay has been prepared (load.ts).
   */
  goTo(tick: number): { round: Round; events: readonly RoundEvent[] } {
    const target = Math.max(0, Math.min(tick, this.replay.log.endTick));
    const ahead = target - this.round.tick;
    if (ahead === 0) return { round: this.round, events: this.events };
    if (target === 0) {
      this.round = structuredClone(this.replay.snapshots.get(0)!);
      this.events = [];
      return { round: this.round, events: this.events };
    }
    if (ahead < 0 || ahead > VIEWER_SNAPSHOT_EVERY) this.round = seek(this.replay, target - 1);
    while (this.round.tick < target - 1) advance(this.replay, this.round);
    const events: RoundEvent[] = [];
    advance(this.replay, this.round, (event) => events.push(event));
    this.events = events;
    return { round: this.round, events };
  }
}

/** N6: a lost packet as the drawing's Traffic flashes it (the room's wire shape). */
export interface DropFlashEvent {
  type: "drop";
  message: number;
  packet: number;
  node: number;
  cause: string;
}

export interface ReplayFrame {
  tick: number;
  /** D6: the state hash at this tick, as a recording's checkpoints write it. */
  hash: string;
  network: LiveNetwork;
  packets: FlyingPacket[];
  drops: DropFlashEvent[];
  /** The projector's figures; null for a mode whose replay view does not exist yet. */
  host: RoutingHostView | null;
  /** R2: the followed node's phone, as the student saw it; null when no node is followed. */
  phone: RoutingView | null;
}

export interface FrameOptions {
  /** The node whose phone is shown, or null. */
  follow: number | null;
  /** The last frame's network, kept when nothing it draws changed (the drawing is not redone). */
  previous: LiveNetwork | null;
  /** D5: the label of a student's node that a bot plays while the student is away. */
  away(name: string): string;
}

export function frameOf(
  replay: Replay,
  round: Round,
  events: readonly RoundEvent[],
  options: FrameOptions,
): ReplayFrame {
  const routing = replay.log.mode === "routing";
  const host = routing ? (replay.mode.hostView(round) as RoutingHostView) : null;
  const follow = options.follow;
  const phone =
    routing && follow !== null && follow < round.seats.length
      ? (replay.mode.view(round, follow) as RoutingView)
      : null;
  return {
    tick: round.tick,
    hash: stateHash(round),
    network: host
      ? liveNetworkOf(host, options.previous, options.away)
      : networkOf(round, options.previous, options.away),
    packets: host ? flyingOf(host) : packetsOf(round),
    drops: dropsIn(events),
    host,
    phone,
  };
}

/** The network of any mode's round, from the engine's network state (§2). */
function networkOf(round: Round, previous: LiveNetwork | null, away: (name: string) => string) {
  const { net, seats } = round;
  const next: LiveNetwork = {
    nodes: net.positions.map((position, node) => {
      const seat = seats[node];
      const name = seat?.name ?? "";
      return {
        x: position.x,
        y: position.y,
        name: seat?.bot && name ? away(name) : name,
        up: isUp(net, node),
        group: net.group?.[node] ?? 0,
      };
    }),
    links: net.links.map((link, id) => ({ a: link.a, b: link.b, blocked: linkBlock(net, id) })),
  };
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

function packetsOf(round: Round): FlyingPacket[] {
  return round.net.inFlight.map((message) => ({
    message: message.id,
    packet: message.id,
    kind: "data",
    from: message.from,
    to: message.to,
    sentAt: message.sentAt,
    arriveAt: message.arriveAt,
  }));
}

type Fields = Record<string, unknown>;

/** The losses among one step's engine events: the network's drops and a router's own ends. */
export function dropsIn(events: readonly RoundEvent[]): DropFlashEvent[] {
  const drops: DropFlashEvent[] = [];
  for (const raw of events) {
    const event = raw as Fields;
    if (event.type === "drop") {
      const message = event.message as { id: number } | null;
      drops.push({
        type: "drop",
        message: message?.id ?? -1,
        packet: idOf(event.payload) ?? message?.id ?? -1,
        node: event.node as number,
        cause: event.cause as string,
      });
    } else if (event.type === "ended") {
      drops.push({
        type: "drop",
        message: -1,
        packet: idOf(event.packet) ?? -1,
        node: event.node as number,
        cause: event.end as string,
      });
    }
  }
  return drops;
}

function idOf(payload: unknown): number | null {
  const id = (payload as Fields | null)?.id;
  return typeof id === "number" ? id : null;
}
