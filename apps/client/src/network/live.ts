import type { PacketEnd, PacketKind } from "@quorum/shared/modes/routing/packet";

/**
 * A round's network as the projector and the teacher's console draw it: the host view's nodes
 * and links (RoutingHostView), the packets on the wire (from SERVER_MESSAGE.events) and the drops
 * of the last moments. Plain data and pure functions; the Phaser scene only paints it.
 */

export interface LiveNode {
  /** Unit-square position from the topology generator (N1). */
  x: number;
  y: number;
  name: string;
  up: boolean;
  /** N5: partition group, 0 while the network is whole. */
  group: number;
}

export interface LiveLink {
  a: number;
  b: number;
  /** Why the link carries nothing now (N2, N5), or null. */
  blocked: "link-down" | "partition" | null;
}

export interface LiveNetwork {
  nodes: LiveNode[];
  links: LiveLink[];
}

/** A packet on a link, from its transmit event: it left `from` at `sentAt`, arrives at `arriveAt`. */
export interface FlyingPacket {
  message: number;
  packet: number;
  kind: PacketKind;
  from: number;
  to: number;
  sentAt: number;
  arriveAt: number;
}

/** N6: a packet that ended without delivery, shown for a moment where it happened. */
export interface DropFlash {
  key: string;
  node: number;
  cause: PacketEnd;
  /** performance.now() when it was seen. */
  at: number;
}

/** How long a drop stays on screen, in ms. */
export const DROP_FLASH_MS = 2_000;

/** The teacher's marks on the drawing: chosen nodes and a partition being drawn (N7). */
export interface Marks {
  selectedNode: number | null;
  selectedLink: number | null;
  /** Node → group number (1, 2 …) of a partition the teacher is drawing, not yet applied. */
  draftGroups: ReadonlyMap<number, number>;
}

export const NO_MARKS: Marks = { selectedNode: null, selectedLink: null, draftGroups: new Map() };

/** Packets in flight and recent drops, kept up to date from the room's event messages. */
export class Traffic {
  readonly packets = new Map<number, FlyingPacket>();
  flashes: DropFlash[] = [];

  /** Starts from the host view's list of packets in flight (a projector opened mid-round). */
  reset(packets: readonly FlyingPacket[] = []): void {
    this.packets.clear();
    for (const packet of packets) this.packets.set(packet.message, packet);
    this.flashes = [];
  }

  /**
   * Folds one tick's events in (SERVER_MESSAGE.events, docs/protocol.md): a transmit puts a
   * packet on its link, an arrival or a drop takes it off; a drop also flashes with its cause.
   */
  apply(events: readonly unknown[], now: number): void {
    for (const raw of events) {
      if (typeof raw !== "object" || raw === null) continue;
      const event = raw as Record<string, unknown>;
      switch (event.type) {
        case "transmit": {
          const packet = flyingFrom(event);
          if (packet) this.packets.set(packet.message, packet);
          break;
        }
        case "arrive":
          if (typeof event.message === "number") this.packets.delete(event.message);
          break;
        case "drop":
          if (typeof event.message === "number") this.packets.delete(event.message);
          this.flash(event.packet, event.node, event.cause, now);
          break;
      }
    }
  }

  /** Forgets packets that have arrived by `tick` and flashes that have faded by `now`. */
  prune(tick: number, now: number): void {
    for (const [id, packet] of this.packets)
      if (packet.arriveAt < tick - 1) this.packets.delete(id);
    if (this.flashes.length > 0)
      this.flashes = this.flashes.filter((f) => now - f.at < DROP_FLASH_MS);
  }

  /**
   * A network drop and the router's own ending of one packet describe one loss: show it once.
   * A node shows its latest loss only, so a busy node does not pile causes on top of each other.
   */
  private flash(packet: unknown, node: unknown, cause: unknown, now: number): void {
    if (typeof node !== "number" || typeof cause !== "string") return;
    const key = `${typeof packet === "number" ? packet : "?"}@${node}`;
    if (this.flashes.some((flash) => flash.key === key)) return;
    this.flashes = this.flashes.filter((flash) => flash.node !== node);
    this.flashes.push({ key, node, cause: cause as PacketEnd, at: now });
  }
}

function flyingFrom(event: Record<string, unknown>): FlyingPacket | null {
  const { message, packet, kind, from, to, sentAt, arriveAt } = event;
  if (
    typeof message !== "number" ||
    typeof from !== "number" ||
    typeof to !== "number" ||
    typeof sentAt !== "number" ||
    typeof arriveAt !== "number"
  ) {
    return null;
  }
  return {
    message,
    packet: typeof packet === "number" ? packet : message,
    kind: kind === "ack" || kind === "flood" ? kind : "data",
    from,
    to,
    sentAt,
    arriveAt,
  };
}

/**
 * The room's tick, smoothed between the server's updates: a packet's position is interpolated
 * from `sentAt` to `arriveAt` with this fractional tick (D7: 100 ms a tick at 1×).
 */
export class TickClock {
  private tick = 0;
  private seenAt = 0;
  private tickMs = 100;
  private running = false;

  /** The server reported `tick` at local time `now`. */
  observe(tick: number, now: number): void {
    if (tick !== this.tick) {
      this.tick = tick;
      this.seenAt = now;
    }
  }

  /** Ms per tick at this speed; paused or counting down: the clock stands still. */
  configure(baseTickMs: number, speed: number, running: boolean): void {
    this.tickMs = baseTickMs / speed;
    this.running = running;
  }

  /** The fractional tick at `now`, never more than a tick ahead of the last one reported. */
  at(now: number): number {
    if (!this.running) return this.tick;
    return this.tick + Math.min(1, Math.max(0, (now - this.seenAt) / this.tickMs));
  }

  get last(): number {
    return this.tick;
  }
}

/** Where along its link a packet is at `tick` (0 at the sender, 1 at the receiver). */
export function progressAt(packet: FlyingPacket, tick: number): number {
  const span = packet.arriveAt - packet.sentAt;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (tick - packet.sentAt) / span));
}

/** The letter people read for a partition group: 1 → "A". */
export function groupLetter(group: number): string {
  return String.fromCharCode(64 + Math.max(1, Math.min(26, group)));
}
