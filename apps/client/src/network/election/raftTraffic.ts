import type { RaftMessage } from "@quorum/shared";
import { DROP_CAUSES, type DropCause } from "@quorum/shared/net/network";
import { DROP_FLASH_MS } from "../live.ts";

/**
 * The Raft messages on the wire, recent losses and the teacher's client commands, kept up to
 * date from the room's election events (docs/protocol.md, "Election events"). Plain data; the
 * drawing paints the messages and losses, the console lists the commands.
 */

export type RaftKind = RaftMessage["kind"];
const KINDS: readonly RaftKind[] = ["request-vote", "vote", "append", "append-reply"];

/** A Raft message on a link, from its transmit event (or the host view's list). */
export interface FlyingRaft {
  message: number;
  kind: RaftKind;
  term: number;
  from: number;
  to: number;
  sentAt: number;
  arriveAt: number;
  /** A vote granted, an append that succeeded; null for a request. */
  ok: boolean | null;
  /** Entries an AppendEntries carries; 0 is a heartbeat. */
  entries: number;
}

/** N6: a message lost at a node, shown there for a moment with its cause. */
export interface RaftDrop {
  node: number;
  kind: RaftKind;
  cause: DropCause;
  /** performance.now() when it was seen. */
  at: number;
}

/** E6: a client command the leader took, and whether a majority has stored it yet. */
export interface CommandNews {
  cluster: number;
  index: number;
  term: number;
  command: string;
  leader: number;
  committed: boolean;
  /** The tick it was appended. */
  tick: number;
}

/** How many commands the console remembers. */
const COMMANDS_KEPT = 12;
/** Drops shown at once: a lossy network must not bury the drawing in flashes. */
const DROPS_SHOWN = 24;

type Event = Record<string, unknown>;
const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

export class RaftTraffic {
  readonly messages = new Map<number, FlyingRaft>();
  drops: RaftDrop[] = [];
  commands: CommandNews[] = [];

  /** Starts from the host view's messages in flight (a screen opened mid-round). */
  reset(messages: readonly FlyingRaft[] = []): void {
    this.messages.clear();
    for (const message of messages) this.messages.set(message.message, message);
    this.drops = [];
    this.commands = [];
  }

  /** Folds one tick's events in (SERVER_MESSAGE.events) at local time `now`. */
  apply(events: readonly unknown[], now: number, tick: number | null = null): void {
    for (const raw of events) {
      if (typeof raw !== "object" || raw === null) continue;
      const event = raw as Event;
      switch (event.type) {
        case "transmit": {
          const message = flyingFrom(event);
          if (message) this.messages.set(message.message, message);
          break;
        }
        case "arrive":
          if (isNumber(event.message)) this.messages.delete(event.message);
          break;
        case "drop":
          if (isNumber(event.message)) this.messages.delete(event.message);
          this.lost(event, now);
          break;
        case "appended":
          this.appended(event, tick);
          break;
        case "committed":
          for (const command of this.commands) {
            const same = command.cluster === event.cluster && command.index === event.index;
            if (same && command.term === event.term) command.committed = true;
          }
          break;
      }
    }
  }

  /** Forgets messages that have arrived by `tick` and drops that have faded by `now`. */
  prune(tick: number, now: number): void {
    for (const [id, message] of this.messages) {
      if (message.arriveAt < tick - 1) this.messages.delete(id);
    }
    if (this.drops.length > 0)
      this.drops = this.drops.filter((drop) => now - drop.at < DROP_FLASH_MS);
  }

  private lost(event: Event, now: number): void {
    const { node, cause, kind } = event;
    const known = DROP_CAUSES.find((entry) => entry === cause);
    if (!isNumber(node) || !known) return;
    // A node shows its latest loss only, so causes do not pile up on top of each other.
    this.drops = this.drops.filter((drop) => drop.node !== node).slice(-(DROPS_SHOWN - 1));
    this.drops.push({ node, cause: known, kind: kindOf(kind), at: now });
  }

  private appended(event: Event, tick: number | null): void {
    const { cluster, index, term, command, node } = event;
    if (!isNumber(cluster) || !isNumber(index) || !isNumber(term) || !isNumber(node)) return;
    if (typeof command !== "string") return;
    this.commands = [
      ...this.commands,
      { cluster, index, term, command, leader: node, committed: false, tick: tick ?? 0 },
    ].slice(-COMMANDS_KEPT);
  }
}

function kindOf(kind: unknown): RaftKind {
  return KINDS.find((known) => known === kind) ?? "append";
}

function flyingFrom(event: Event): FlyingRaft | null {
  const { message, from, to, sentAt, arriveAt, term, entries, ok } = event;
  if (!isNumber(message) || !isNumber(from) || !isNumber(to)) return null;
  if (!isNumber(sentAt) || !isNumber(arriveAt)) return null;
  return {
    message,
    kind: kindOf(event.kind),
    term: isNumber(term) ? term : 0,
    from,
    to,
    sentAt,
    arriveAt,
    ok: typeof ok === "boolean" ? ok : null,
    entries: isNumber(entries) ? entries : 0,
  };
}
