import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { RoutingDebrief } from "@quorum/shared/modes/routing/debrief";
import { PACKET_ENDS, type PacketEnd } from "@quorum/shared/modes/routing/packet";
import type { RoundSummaryView } from "../classroom.ts";

/**
 * R9: the debrief's figures shaped for the charts (apps/client/src/teach/debrief/plots.ts): the
 * class beside the shortest-path bot, in seconds and packets rather than the engine's ticks.
 */

export interface Percentiles {
  /** Seconds within which half of the delivered packets arrived. */
  p50: number;
  /** Seconds within which 95 % arrived. */
  p95: number;
}

/** A histogram of delivery times, at most HISTOGRAM_BARS buckets a side. */
export interface LatencySeries {
  /** Seconds each bucket spans: 1, or more when 95 % of the packets took longer than the bars reach. */
  bucketSeconds: number;
  /**
   * Where the last bucket starts when it holds everything slower (a few stragglers must not squeeze
   * the bars that matter), else null.
   */
  tailFrom: number | null;
  /** The middle of each bucket, in seconds: 0.5, 1.5, … */
  seconds: number[];
  /** Deliveries per bucket. */
  class: number[];
  bot: number[] | null;
  /** The same as a share of each side's deliveries, in percent: two rounds of unequal size compare. */
  classShare: number[];
  botShare: number[] | null;
  classMarks: Percentiles;
  botMarks: Percentiles | null;
}

/** Bars a side that stay thick enough to read on the projector. */
export const HISTOGRAM_BARS = 15;
const BUCKET_SECONDS = [1, 2, 5, 10, 20, 30, 60, 120, 300];

export function latencySeries(summary: RoundSummaryView): LatencySeries | null {
  const mine = summary.class.latency;
  if (!mine) return null;
  const theirs = summary.baseline?.latency ?? null;
  const seconds = Math.max(mine.histogram.length, theirs?.histogram.length ?? 0);
  // Bars wide enough that both sides' 95th percentiles fall before the last one.
  const reach = Math.max(mine.p95, theirs?.p95 ?? 0) / TICKS_PER_SECOND;
  const width =
    BUCKET_SECONDS.find((step) => Math.floor(reach / step) < HISTOGRAM_BARS - 1) ?? seconds;
  const tail = Math.ceil(seconds / width) > HISTOGRAM_BARS;
  const buckets = tail ? HISTOGRAM_BARS : Math.ceil(seconds / width);
  // The engine's histogram has one-second buckets; `width` of them make one bar, and the last bar
  // of a long tail takes all the rest.
  const padded = (histogram: readonly number[]) =>
    Array.from({ length: buckets }, (_, i) =>
      histogram
        .slice(i * width, tail && i === buckets - 1 ? undefined : (i + 1) * width)
        .reduce((sum, count) => sum + count, 0),
    );
  const share = (counts: number[]) => {
    const total = counts.reduce((sum, count) => sum + count, 0);
    return counts.map((count) => (total === 0 ? 0 : (count / total) * 100));
  };
  const marks = ({ p50, p95 }: { p50: number; p95: number }): Percentiles => ({
    p50: p50 / TICKS_PER_SECOND,
    p95: p95 / TICKS_PER_SECOND,
  });
  const mineCounts = padded(mine.histogram);
  const theirCounts = theirs ? padded(theirs.histogram) : null;
  return {
    bucketSeconds: width,
    tailFrom: tail ? (buckets - 1) * width : null,
    seconds: Array.from({ length: buckets }, (_, i) => (i + 0.5) * width),
    class: mineCounts,
    bot: theirCounts,
    classShare: share(mineCounts),
    botShare: theirCounts && share(theirCounts),
    classMarks: marks(mine),
    botMarks: theirs && marks(theirs),
  };
}

/** N6: packets lost per cause, the class's worst cause first. */
export interface DropsSeries {
  ends: PacketEnd[];
  class: number[];
  bot: number[] | null;
}

export function dropsSeries(summary: RoundSummaryView): DropsSeries | null {
  const mine = (end: PacketEnd) => summary.class.ends[end] ?? 0;
  const bot = summary.baseline;
  const theirs = (end: PacketEnd) => bot?.ends[end] ?? 0;
  const ends = PACKET_ENDS.filter((end) => mine(end) > 0 || theirs(end) > 0).sort(
    (p, q) => mine(q) - mine(p) || theirs(q) - theirs(p),
  );
  if (ends.length === 0) return null;
  return { ends, class: ends.map(mine), bot: bot ? ends.map(theirs) : null };
}

/** Deliveries and losses over the round's time, as rates so that a shorter last bucket compares. */
export interface TimelineSeries {
  /** Seconds each bucket spans (the last may be shorter). */
  bucketSeconds: number;
  /** Where each bucket starts and ends, in seconds since the round started. */
  from: number[];
  to: number[];
  /** The middle of each bucket. */
  seconds: number[];
  classDelivered: number[];
  classLost: number[];
  botDelivered: number[] | null;
  botLost: number[] | null;
  /** Packets per second in each bucket. */
  classDeliveredRate: number[];
  classLostRate: number[];
  botDeliveredRate: number[] | null;
  botLostRate: number[] | null;
}

export function timelineSeries(summary: RoundSummaryView): TimelineSeries | null {
  const mine = timelineOf(summary.class);
  if (!mine || mine.delivered.length === 0) return null;
  const bucketTicks = mine.bucketTicks;
  const buckets = mine.delivered.length;
  const starts = Array.from({ length: buckets }, (_, i) => i * bucketTicks);
  const ends = starts.map((start) =>
    Math.max(start + 1, Math.min(start + bucketTicks, summary.class.ticks)),
  );
  const from = starts.map((start) => start / TICKS_PER_SECOND);
  const to = ends.map((end) => end / TICKS_PER_SECOND);
  const rate = (counts: readonly number[]) =>
    counts.map((count, i) => (count * TICKS_PER_SECOND) / (ends[i]! - starts[i]!));
  const padded = (counts: readonly number[]) =>
    Array.from({ length: buckets }, (_, i) => counts[i] ?? 0);
  // The baseline ran the same ticks, so its buckets are the class's; anything else is not comparable.
  const theirs = summary.baseline ? timelineOf(summary.baseline) : null;
  const bot = theirs?.bucketTicks === bucketTicks ? theirs : null;
  const botDelivered = bot && padded(bot.delivered);
  const botLost = bot && padded(bot.lost);
  const classDelivered = padded(mine.delivered);
  const classLost = padded(mine.lost);
  return {
    bucketSeconds: bucketTicks / TICKS_PER_SECOND,
    from,
    to,
    seconds: from.map((start, i) => (start + to[i]!) / 2),
    classDelivered,
    classLost,
    botDelivered,
    botLost,
    classDeliveredRate: rate(classDelivered),
    classLostRate: rate(classLost),
    botDeliveredRate: botDelivered && rate(botDelivered),
    botLostRate: botLost && rate(botLost),
  };
}

/** A summary written before the engine kept a timeline (ENGINE_VERSION 1) has none. */
function timelineOf(debrief: RoutingDebrief): RoutingDebrief["timeline"] | null {
  const timeline: RoutingDebrief["timeline"] | undefined = debrief.timeline;
  return timeline && Array.isArray(timeline.delivered) ? timeline : null;
}
