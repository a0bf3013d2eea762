import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import type { useI18n } from "../../i18n.tsx";
import type { RoundSummaryView } from "../classroom.ts";
import { dropsSeries, timelineSeries } from "./series.ts";

/**
 * §6: one plain sentence per chart, chosen from what happened in the round, so that the teacher
 * can point at the chart and say what it teaches.
 */

export type Words = Pick<ReturnType<typeof useI18n>, "t" | "number">;

/** Seconds between the class's and the bot's 95th percentile that count as "slower". */
const SLOWER_BY = 1;
/** How many times the median the 95th percentile must be to call it a long tail. */
const LONG_TAIL = 2;
/**
 * A bucket that lost at least this many packets, and this many times a typical (the median)
 * bucket, stands out: a fault, not the background loss of a lossy network.
 */
const SPIKE_MIN = 5;
const SPIKE_FACTOR = 3;
/** The change in the share delivered between the halves of the round that counts as a trend. */
const TREND = 0.15;
/** Each half needs this many ended packets before its share means anything. */
const TREND_MIN = 5;

export function latencyLesson(summary: RoundSummaryView, { t, number }: Words): string {
  const mine = summary.class.latency;
  if (!mine) return t("teach.debrief.noDeliveries");
  const seconds = (ticks: number) =>
    t("teach.seconds", { value: number(ticks / TICKS_PER_SECOND, 1) });
  const theirs = summary.baseline?.latency;
  if (theirs && mine.p95 - theirs.p95 >= SLOWER_BY * TICKS_PER_SECOND) {
    return t("teach.debrief.latencySlowerLesson", { extra: seconds(mine.p95 - theirs.p95) });
  }
  if (mine.p50 > 0 && mine.p95 >= LONG_TAIL * mine.p50) {
    return t("teach.debrief.latencyTailLesson", { ratio: number(mine.p95 / mine.p50, 1) });
  }
  return t("teach.debrief.latencyLesson");
}

/** N6: the cause that lost the class the most packets, and what it says about networks. */
export function dropsLesson(summary: RoundSummaryView, { t, number }: Words): string {
  const drops = dropsSeries(summary);
  const worst = drops?.ends[0];
  const count = drops?.class[0] ?? 0;
  if (!worst || count === 0) return t("teach.debrief.noDropsLesson");
  return t(`teach.debrief.dropsLesson.${worst}`, { count: number(count) });
}

/** The moment the class lost the most, else a trend between the halves, else the pace. */
export function timelineLesson(summary: RoundSummaryView, { t, number }: Words): string {
  const series = timelineSeries(summary);
  if (!series) return t("teach.debrief.noDeliveries");
  const lost = series.classLost;
  const worst = lost.indexOf(Math.max(...lost));
  const typical = [...lost].sort((p, q) => p - q)[Math.floor(lost.length / 2)]!;
  if (lost.length >= 3 && lost[worst]! >= SPIKE_MIN && lost[worst]! >= SPIKE_FACTOR * typical) {
    return t("teach.debrief.timelineSpikeLesson", {
      from: number(series.from[worst]!),
      to: number(series.to[worst]!),
    });
  }
  const half = Math.floor(lost.length / 2);
  const share = (start: number, end: number) => {
    const delivered = sum(series.classDelivered.slice(start, end));
    const ended = delivered + sum(lost.slice(start, end));
    return ended >= TREND_MIN ? delivered / ended : null;
  };
  const first = half > 0 ? share(0, half) : null;
  const second = share(half, lost.length);
  if (first !== null && second !== null && Math.abs(second - first) >= TREND) {
    const percent = (value: number) => t("teach.percent", { value: number(value * 100) });
    return t(
      second > first ? "teach.debrief.timelineBetterLesson" : "teach.debrief.timelineWorseLesson",
      { first: percent(first), second: percent(second) },
    );
  }
  const seconds = summary.class.ticks / TICKS_PER_SECOND;
  const rate = (delivered: number) => number(delivered / Math.max(seconds, 1), 1);
  const bot = summary.baseline;
  if (!bot) return t("teach.debrief.timelineAloneLesson", { rate: rate(summary.class.delivered) });
  return t(
    summary.class.delivered < 0.9 * bot.delivered
      ? "teach.debrief.timelineBehindLesson"
      : "teach.debrief.timelineKeptUpLesson",
    { rate: rate(summary.class.delivered), bot: rate(bot.delivered) },
  );
}

const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);
