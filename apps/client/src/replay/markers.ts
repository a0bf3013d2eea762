import type { Input } from "@quorum/shared/engine/round";

/**
 * The marks on a replay's timeline: the teacher's faults and settings (N7) read from the log's
 * host inputs, and what the engine reported while the round was re-simulated — runs of lost
 * packets (N6) and elected leaders (E-rules). Plain data and pure functions; the viewer draws them.
 */

/** What happened at a marked tick, with what its sentence needs (node and link ids from 0). */
export type ReplayEvent =
  | { kind: "crash"; node: number }
  | { kind: "restart"; node: number }
  | { kind: "cut"; link: number }
  | { kind: "heal-link"; link: number }
  | { kind: "loss"; link: number | null; percent: number }
  | { kind: "latency"; link: number | null; ticks: number }
  | { kind: "partition" }
  | { kind: "heal-all" }
  | { kind: "burst"; count: number }
  | { kind: "settings" }
  /** N6: `count` packets lost to `cause` from `tick` to `until`, with no long quiet gap. */
  | { kind: "drops"; cause: string; count: number; until: number }
  | { kind: "elected"; node: number; term: number };

export type ReplayEventKind = ReplayEvent["kind"];

export interface Marker {
  tick: number;
  event: ReplayEvent;
}

/** How the scrubber draws a marker: one shape and colour per family (P7: never colour alone). */
export type MarkerFamily = "fault" | "heal" | "traffic" | "drops" | "election";

const FAMILY: Record<ReplayEventKind, MarkerFamily> = {
  crash: "fault",
  cut: "fault",
  loss: "fault",
  latency: "fault",
  partition: "fault",
  restart: "heal",
  "heal-link": "heal",
  "heal-all": "heal",
  burst: "traffic",
  settings: "traffic",
  drops: "drops",
  elected: "election",
};

export function familyOf(event: ReplayEvent): MarkerFamily {
  return FAMILY[event.kind];
}

/** Losses of one cause this far apart (5 s at 10 Hz) are two runs, two marks. */
export const DROP_QUIET_TICKS = 50;
/** A run of losses longer than this (a minute) is split, so a lossy round still shows when. */
export const DROP_RUN_TICKS = 600;

type Fields = Record<string, unknown>;

const isId = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;
const isLink = (value: unknown): value is number | null => value === null || isId(value);

/**
 * N7: a host input as a timeline event, or null for one that marks nothing (a seat change) or
 * that the engine refuses as malformed anyway.
 */
export function hostEvent(action: unknown): ReplayEvent | null {
  if (typeof action !== "object" || action === null) return null;
  const input = action as Fields;
  switch (input.type) {
    case "crash":
    case "restart":
      return isId(input.node) ? { kind: input.type, node: input.node } : null;
    case "cut":
    case "heal-link":
      return isId(input.link) ? { kind: input.type, link: input.link } : null;
    case "set-loss":
      return isLink(input.link) && typeof input.loss === "number"
        ? { kind: "loss", link: input.link, percent: Math.round(input.loss * 100) }
        : null;
    case "set-latency":
      return isLink(input.link) && typeof input.latency === "number"
        ? { kind: "latency", link: input.link, ticks: input.latency }
        : null;
    case "partition":
      return Array.isArray(input.groups) ? { kind: "partition" } : null;
    case "heal-all":
      return { kind: "heal-all" };
    case "burst":
      return typeof input.count === "number" ? { kind: "burst", count: input.count } : null;
    case "configure":
      return { kind: "settings" };
    default:
      return null;
  }
}

/**
 * N6: the packets one tick's engine events lost, by cause: the network's drops and a router's
 * own ends (a flood's duplicate is no loss).
 */
export function lossesIn(events: readonly unknown[]): Map<string, number> {
  const lost = new Map<string, number>();
  for (const raw of events) {
    const event = raw as Fields;
    const cause =
      event.type === "drop" ? event.cause : event.type === "ended" ? event.end : undefined;
    if (typeof cause !== "string" || cause === "duplicate") continue;
    lost.set(cause, (lost.get(cause) ?? 0) + 1);
  }
  return lost;
}

interface DropRun {
  tick: number;
  last: number;
  count: number;
}

/**
 * Collects a round's markers while it is re-simulated tick by tick. Losses are marked per cause,
 * so the loss a fault causes shows up even while TTL drops go on all round.
 */
export class MarkerCollector {
  private readonly markers: Marker[] = [];
  private readonly runs = new Map<string, DropRun>();

  constructor(inputs: readonly Input[]) {
    for (const input of inputs) {
      if (input.actor !== "host") continue;
      const event = hostEvent(input.action);
      if (event) this.markers.push({ tick: input.t, event });
    }
  }

  /** The events the engine emitted while it played `tick`. */
  tick(tick: number, events: readonly unknown[]): void {
    for (const raw of events) {
      const event = raw as Fields;
      if (event.type === "elected" && isId(event.node) && typeof event.term === "number") {
        this.markers.push({ tick, event: { kind: "elected", node: event.node, term: event.term } });
      }
    }
    for (const [cause, count] of lossesIn(events)) {
      const run = this.runs.get(cause);
      if (run && tick - run.last <= DROP_QUIET_TICKS && tick - run.tick < DROP_RUN_TICKS) {
        run.last = tick;
        run.count += count;
        continue;
      }
      this.closeRun(cause);
      this.runs.set(cause, { tick, last: tick, count });
    }
  }

  /** Every marker, in the order of their ticks (ties keep the order they happened in). */
  finish(): Marker[] {
    for (const cause of [...this.runs.keys()]) this.closeRun(cause);
    return [...this.markers].sort((p, q) => p.tick - q.tick);
  }

  private closeRun(cause: string): void {
    const run = this.runs.get(cause);
    if (!run) return;
    const { tick, count, last } = run;
    this.markers.push({ tick, event: { kind: "drops", cause, count, until: last } });
    this.runs.delete(cause);
  }
}

/** The first marker after `tick`, for "jump to the next event". */
export function nextMarker(markers: readonly Marker[], tick: number): Marker | null {
  return markers.find((marker) => marker.tick > tick) ?? null;
}

/** The last marker before `tick`. */
export function previousMarker(markers: readonly Marker[], tick: number): Marker | null {
  return markers.findLast((marker) => marker.tick < tick) ?? null;
}

/** The markers at exactly `tick` (several can share one). */
export function markersAt(markers: readonly Marker[], tick: number): Marker[] {
  return markers.filter((marker) => marker.tick === tick);
}
