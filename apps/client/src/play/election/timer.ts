import type { ElectionView } from "@quorum/shared/modes/election/index";

/** What the ring counts down to: a follower's or candidate's election timer, a leader's heartbeat. */
export interface RingCount {
  kind: "election" | "heartbeat";
  /** The tick it counts to. */
  until: number;
  /** The ticks a full ring stands for. */
  span: number;
}

/**
 * E2, E6: the ring of a server — its election timer, or, for a leader (which has none), the next
 * heartbeat a follower is due (`heartbeatInterval` ticks apart). Null for a leader without peers.
 */
export function ringCount(view: ElectionView, heartbeatInterval: number): RingCount | null {
  if (view.timer) {
    return { kind: "election", until: view.timer.deadline, span: Math.max(1, view.timer.timeout) };
  }
  const due = (view.replication ?? []).map((peer) => peer.dueAt);
  if (due.length === 0) return null;
  const until = Math.min(...due);
  return { kind: "heartbeat", until, span: Math.max(1, heartbeatInterval, until - view.tick) };
}

/** How full the ring is at `tick` (which may fall between two ticks): 1 full, 0 run out. */
export function ringShare(count: RingCount, tick: number): number {
  return Math.min(1, Math.max(0, (count.until - tick) / count.span));
}

/** Slowest tick worth following: the slowest speed (0.25x) is 400 ms; a longer gap is a pause. */
const SLOWEST_TICK_MS = 1000;
/** @default 100 (ms): D7's tick at speed 1, until two ticks have been seen. */
export const DEFAULT_TICK_MS = 100;

/**
 * D7: how long a tick lasts on this phone, learnt from two observed ticks (`ms` apart, `ticks`
 * apart) and smoothed, so that the ring can glide from one tick to the next at the room's speed.
 * A gap longer than the slowest speed's tick is a pause or a reconnect: it teaches nothing.
 */
export function nextTickMs(current: number, ms: number, ticks: number): number {
  if (ticks <= 0 || ms <= 0) return current;
  const sample = ms / ticks;
  if (sample > SLOWEST_TICK_MS) return current;
  return Math.round(current * 0.7 + sample * 0.3);
}
