/**
 * R9: packets delivered and lost over the round's time, for the debrief's "over the round" chart.
 * Counted as they happen (the state keeps no list of events); bounded however long the round runs.
 */
export interface Timeline {
  /** Ticks per bucket: bucket i holds ticks i·bucketTicks+1 to (i+1)·bucketTicks. */
  bucketTicks: number;
  /** Unique data packets delivered (R4), per bucket. */
  delivered: number[];
  /** Packet copies that ended without delivery, duplicates aside (N6, the debrief's drops). */
  lost: number[];
}

export type TimelineSeries = "delivered" | "lost";

/** @default 50 ticks (5 s): the first buckets. */
export const TIMELINE_BUCKET_TICKS = 50;
/** At most this many buckets; a longer round merges neighbours and doubles the bucket. */
export const TIMELINE_LIMIT = 60;

export function createTimeline(): Timeline {
  return { bucketTicks: TIMELINE_BUCKET_TICKS, delivered: [], lost: [] };
}

/** Counts one packet in `series` at `tick`. */
export function countAt(timeline: Timeline, tick: number, series: TimelineSeries): void {
  const bucket = bucketOf(timeline, tick);
  const counts = timeline[series];
  while (counts.length <= bucket) counts.push(0);
  counts[bucket]!++;
}

/** A copy with a bucket for every stretch of the round up to `ticks`, the empty ones too. */
export function timelineTo(timeline: Timeline, ticks: number): Timeline {
  const copy = { ...timeline, delivered: [...timeline.delivered], lost: [...timeline.lost] };
  if (ticks <= 0) return copy;
  const buckets = bucketOf(copy, ticks) + 1;
  for (const counts of [copy.delivered, copy.lost]) {
    while (counts.length < buckets) counts.push(0);
  }
  return copy;
}

/** The bucket `tick` falls in (tick 0 in the first), after making room for it. */
function bucketOf(timeline: Timeline, tick: number): number {
  const at = Math.max(0, tick - 1);
  while (Math.floor(at / timeline.bucketTicks) >= TIMELINE_LIMIT) {
    timeline.bucketTicks *= 2;
    timeline.delivered = merged(timeline.delivered);
    timeline.lost = merged(timeline.lost);
  }
  return Math.floor(at / timeline.bucketTicks);
}

/** Pairs of neighbouring buckets as one: the same counts at half the resolution. */
function merged(counts: readonly number[]): number[] {
  return Array.from(
    { length: Math.ceil(counts.length / 2) },
    (_, i) => (counts[2 * i] ?? 0) + (counts[2 * i + 1] ?? 0),
  );
}
