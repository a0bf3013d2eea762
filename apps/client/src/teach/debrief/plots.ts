import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import {
  axis,
  bars,
  decimals,
  frame,
  type Look,
  line,
  lookOf,
  niceCeiling,
  textWidth,
} from "./look.ts";
import type { DropsSeries, LatencySeries, Percentiles, TimelineSeries } from "./series.ts";

/**
 * The debrief's charts, drawn with uPlot. This module is only ever loaded with `import()` from
 * Chart.tsx, so uPlot and its stylesheet stay out of every bundle but the teacher's and the
 * projector's (the phone never downloads them).
 *
 * P7: the class is always solid and filled, the bot always striped or dashed and hollow, so the two
 * read apart without colour (look.ts).
 */

/** What each chart draws, with its words in the reader's language. */
export interface PlotInputs {
  latency: {
    series: LatencySeries;
    xLabel: string;
    /** How the markers at the 50th and 95th percentile are labelled ("50 %", "95 %"). */
    marks: [string, string];
  } & Numbers;
  drops: { series: DropsSeries; causes: string[]; xLabel: string } & Numbers;
  timeline: { series: TimelineSeries; xLabel: string } & Numbers;
}

interface Numbers {
  /** Writes a number the way the reader's language does (3.5 or 3,5). */
  number(value: number, fractionDigits?: number): string;
}
export type PlotKind = keyof PlotInputs;

export interface Size {
  width: number;
  height: number;
}

export interface Plot {
  setSize(size: Size): void;
  destroy(): void;
}

export function drawPlot<K extends PlotKind>(
  kind: K,
  target: HTMLElement,
  input: PlotInputs[K],
  size: Size,
): Plot {
  const look = lookOf(target);
  const draw = PLOTS[kind] as (input: PlotInputs[K], look: Look) => Drawing;
  const { options, data } = draw(input, look);
  return new uPlot({ ...options, ...size }, data, target);
}

type Drawing = { options: Omit<uPlot.Options, "width" | "height">; data: uPlot.AlignedData };

const PLOTS: { [K in PlotKind]: (input: PlotInputs[K], look: Look) => Drawing } = {
  latency: latencyPlot,
  drops: dropsPlot,
  timeline: timelinePlot,
};

/** Two histograms side by side: the class's bar left of each bucket's middle, the bot's right. */
function latencyPlot(
  { series, xLabel, marks, number }: PlotInputs["latency"],
  look: Look,
): Drawing {
  const width = series.bucketSeconds;
  const seconds = series.seconds.length * width;
  const tailFrom = series.tailFrom;
  const highest = Math.max(...series.classShare, ...(series.botShare ?? []), 1);
  const data: uPlot.AlignedData = [
    series.seconds,
    series.classShare,
    ...(series.botShare ? [series.botShare] : []),
  ];
  return {
    data,
    options: {
      ...frame(look),
      scales: {
        x: { time: false, range: [0, seconds] },
        y: { range: [0, niceCeiling(highest * 1.1)] },
      },
      axes: [
        axis(look, xLabel, {
          incrs: [1, 2, 5, 10, 15, 30, 60, 120],
          grid: { show: false },
          splits: (_u, _axis, _min, max, incr) => {
            const end = tailFrom ?? max;
            const ticks = Array.from(
              { length: Math.floor(end / incr + 1e-9) + 1 },
              (_, i) => i * incr,
            );
            if (tailFrom === null) return ticks;
            // The last bar holds every slower packet: it is labelled "≥ its start", not by a tick.
            return [...ticks.filter((tick) => tick < tailFrom - incr / 2), tailFrom + width / 2];
          },
          values: (_, splits) =>
            splits.map((value) =>
              tailFrom !== null && value > tailFrom ? `≥${number(tailFrom)}` : number(value),
            ),
        }),
        axis(look, "", {
          values: (_, splits) => splits.map((value) => `${number(value)} %`),
        }),
      ],
      series: [{}, bars(look, "class", -1), ...(series.botShare ? [bars(look, "bot", 1)] : [])],
      hooks: {
        draw: [
          (u) => {
            percentileMarks(u, look, marks, series.classMarks, "class", 0);
            if (series.botMarks) percentileMarks(u, look, marks, series.botMarks, "bot", 1);
          },
        ],
      },
    },
  };
}

/**
 * R9: where half and where 95 % of one side's packets had arrived, as upright lines over the
 * bars: the class's solid, the bot's dashed, each side's labels on a row of their own.
 */
function percentileMarks(
  u: uPlot,
  look: Look,
  labels: [string, string],
  marks: Percentiles,
  who: "class" | "bot",
  row: number,
): void {
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  const { top, height } = u.bbox;
  const size = look.font * 0.85 * ratio;
  ctx.save();
  ctx.font = `bold ${size}px ${look.family}`;
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.lineWidth = Math.max(2, look.line * 0.6) * ratio;
  const colour = who === "class" ? look.classStrong : look.botColour;
  for (const [seconds, label] of [
    [marks.p50, labels[0]],
    [marks.p95, labels[1]],
  ] as const) {
    const x = Math.round(u.valToPos(seconds, "x", true));
    ctx.strokeStyle = colour;
    ctx.setLineDash(who === "class" ? [] : [look.line * 2 * ratio, look.line * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    const y = top + row * size * 1.3;
    const width = ctx.measureText(label).width;
    ctx.fillStyle = "rgb(255 255 255 / 0.85)";
    ctx.fillRect(x + 3 * ratio, y, width + 4 * ratio, size * 1.2);
    ctx.fillStyle = colour;
    ctx.fillText(label, x + 5 * ratio, y + size * 0.1);
  }
  ctx.restore();
}

/** N6: horizontal bars per cause, the worst at the top, each with its count at its end. */
function dropsPlot({ series, causes, xLabel, number }: PlotInputs["drops"], look: Look): Drawing {
  const rows = series.ends.length;
  const highest = Math.max(...series.class, ...(series.bot ?? []), 1);
  // Where each bar was drawn, so that its count can be written at its end.
  const boxes: { bold: boolean; value: number; box: number[] }[] = [];
  const counted =
    (values: readonly number[], bold: boolean) =>
    (_: uPlot, _series: number, i: number, ...box: number[]) =>
      void boxes.push({ bold, value: values[i] ?? 0, box });
  const causeFont = `${look.font}px ${look.family}`;
  return {
    data: [series.ends.map((_, i) => i), series.class, ...(series.bot ? [series.bot] : [])],
    options: {
      ...frame(look),
      scales: {
        // The worst cause at the top, the class's bar above the bot's.
        x: { time: false, ori: 1, dir: -1, range: [-0.5, rows - 0.5] },
        y: { ori: 0, range: [0, niceCeiling(highest * 1.2)] },
      },
      axes: [
        {
          ...axis(look, "", { grid: { show: false }, ticks: { show: false } }),
          side: 3,
          splits: () => series.ends.map((_, i) => i),
          values: (_, splits) => splits.map((i) => causes[i] ?? ""),
          size: Math.ceil(Math.max(...causes.map((cause) => textWidth(cause, causeFont)))) + 16,
          labelSize: 0,
        },
        {
          ...axis(look, xLabel, {
            // Packets come whole: no 2.5 on this axis.
            values: (_, splits) =>
              splits.map((value) => (Number.isInteger(value) ? number(value) : "")),
          }),
          side: 2,
        },
      ],
      series: [
        {},
        bars(look, "class", -1, counted(series.class, true)),
        ...(series.bot ? [bars(look, "bot", 1, counted(series.bot, false))] : []),
      ],
      hooks: {
        drawClear: [() => void boxes.splice(0)],
        draw: [
          (u) => {
            const ctx = u.ctx;
            const ratio = uPlot.pxRatio;
            ctx.save();
            ctx.textAlign = "left"; // uPlot leaves the context as its last axis set it
            ctx.textBaseline = "middle";
            ctx.fillStyle = look.ink;
            for (const { bold, value, box } of boxes) {
              const [, top = 0, , height = 0] = box;
              const end = u.valToPos(value, "y", true);
              // As large as the bar is thick, so that a count never spills onto its neighbour.
              const size = Math.min(look.font * ratio, height * 1.2);
              if (size < 9 * ratio) continue;
              ctx.font = `${bold ? "bold " : ""}${size}px ${look.family}`;
              ctx.fillText(number(value), end + 6 * ratio, top + height / 2);
            }
            ctx.restore();
          },
        ],
      },
    },
  };
}

/**
 * Deliveries up, losses down, per second over the round: a fault shows as a dip above the zero
 * line and a spike below it, at the moment it struck.
 */
function timelinePlot({ series, xLabel, number }: PlotInputs["timeline"], look: Look): Drawing {
  const negative = (rates: number[]) => rates.map((rate) => -rate);
  const delivered = Math.max(...series.classDeliveredRate, ...(series.botDeliveredRate ?? []));
  const lost = Math.max(...series.classLostRate, ...(series.botLostRate ?? []));
  const top = niceCeiling(Math.max(delivered, lost / 4, 0.1) * 1.15);
  const bottom = niceCeiling(Math.max(lost, delivered / 4, 0.1) * 1.15);
  const hasBot = series.botDeliveredRate !== null && series.botLostRate !== null;
  const data: uPlot.AlignedData = [
    series.seconds,
    series.classDeliveredRate,
    negative(series.classLostRate),
    ...(hasBot ? [series.botDeliveredRate!, negative(series.botLostRate!)] : []),
  ];
  const end = series.to[series.to.length - 1] ?? 0;
  // Dots mark the buckets while there are few; many would blur into a thick line.
  const dots = series.seconds.length <= 12;
  return {
    data,
    options: {
      ...frame(look),
      scales: {
        x: { time: false, range: [0, end] },
        y: { range: [-bottom, top] },
      },
      axes: [
        axis(look, xLabel, { incrs: [5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] }),
        axis(look, "", {
          // The most delivered, nothing, the most lost: three round numbers the room can read.
          splits: () => [-bottom, 0, top],
          values: (u, splits) => {
            // A short chart leaves no room for all three: the ends give way to the zero.
            const zero = u.valToPos(0, "y");
            return splits.map((value) =>
              value !== 0 && Math.abs(u.valToPos(value, "y") - zero) < look.font * 1.5
                ? ""
                : number(Math.abs(value), decimals(value)),
            );
          },
        }),
      ],
      series: [
        {},
        line(look, "class", dots),
        line(look, "class", dots),
        ...(hasBot ? [line(look, "bot", dots), line(look, "bot", dots)] : []),
      ],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            const ratio = uPlot.pxRatio;
            const { left, width } = u.bbox;
            const zero = Math.round(u.valToPos(0, "y", true));
            ctx.save();
            ctx.strokeStyle = look.ink;
            ctx.lineWidth = 2 * ratio;
            ctx.beginPath();
            ctx.moveTo(left, zero);
            ctx.lineTo(left + width, zero);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    },
  };
}
