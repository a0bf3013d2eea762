import type { TableData } from "./Chart.tsx";
import type { Words } from "./lessons.ts";
import type { DropsSeries, LatencySeries, TimelineSeries } from "./series.ts";

/** P7: each chart's numbers as a table, the canvas's text alternative. */

export function latencyTable(series: LatencySeries, caption: string, words: Words): TableData {
  const { t, number } = words;
  return {
    caption,
    head: [t("teach.debrief.latencyAxis"), ...who(series.bot !== null, words)],
    rows: series.seconds.map((_, i) => [
      i * series.bucketSeconds === series.tailFrom
        ? t("teach.debrief.secondsOrMore", { from: number(series.tailFrom) })
        : t("teach.debrief.secondsRange", {
            from: number(i * series.bucketSeconds),
            to: number((i + 1) * series.bucketSeconds),
          }),
      number(series.class[i] ?? 0),
      ...(series.bot ? [number(series.bot[i] ?? 0)] : []),
    ]),
  };
}

export function dropsTable(series: DropsSeries, caption: string, words: Words): TableData {
  const { t, number } = words;
  return {
    caption,
    head: [t("teach.debrief.cause"), ...who(series.bot !== null, words)],
    rows: series.ends.map((end, i) => [
      t(`drop.${end}`),
      number(series.class[i] ?? 0),
      ...(series.bot ? [number(series.bot[i] ?? 0)] : []),
    ]),
  };
}

export function timelineTable(series: TimelineSeries, caption: string, words: Words): TableData {
  const { t, number } = words;
  // The last bucket ends with the round, which need not be on a whole second.
  const seconds = (value: number) => number(value, Number.isInteger(value) ? 0 : 1);
  const sides = [
    { who: t("teach.debrief.class"), delivered: series.classDelivered, lost: series.classLost },
    ...(series.botDelivered && series.botLost
      ? [{ who: t("teach.debrief.bot"), delivered: series.botDelivered, lost: series.botLost }]
      : []),
  ];
  return {
    caption,
    head: [
      t("teach.debrief.time"),
      ...sides.flatMap(({ who }) => [
        t("teach.debrief.deliveredBy", { who }),
        t("teach.debrief.lostBy", { who }),
      ]),
    ],
    rows: series.from.map((from, i) => [
      t("teach.debrief.secondsRange", { from: seconds(from), to: seconds(series.to[i] ?? from) }),
      ...sides.flatMap(({ delivered, lost }) => [number(delivered[i] ?? 0), number(lost[i] ?? 0)]),
    ]),
  };
}

function who(bot: boolean, { t }: Words): string[] {
  return bot ? [t("teach.debrief.class"), t("teach.debrief.bot")] : [t("teach.debrief.class")];
}
