import uPlot from "uplot";

/**
 * What every debrief chart shares: fonts, line widths and colours read from CSS (debrief.css), the
 * axes, and the class's and the bot's marks (P7: solid against striped or dashed, never colour
 * alone). Loaded only with plots.ts.
 */

export interface Look {
  family: string;
  /** Axis values and labels in the plot, CSS pixels. */
  font: number;
  /** Thickness of lines, CSS pixels. */
  line: number;
  ink: string;
  muted: string;
  grid: string;
  classColour: string;
  /** The class's marks over its own bars: the same blue, darker. */
  classStrong: string;
  classSoft: string;
  botColour: string;
  botStripe: string;
  botLight: string;
}

export function lookOf(target: HTMLElement): Look {
  const style = getComputedStyle(target);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const pixels = (name: string, fallback: number) => Number.parseFloat(read(name, "")) || fallback;
  return {
    family: style.fontFamily || "system-ui, sans-serif",
    font: pixels("--chart-font", 15),
    line: pixels("--chart-line", 3),
    ink: read("--ink", "#17202a"),
    muted: read("--ink-muted", "#4b5563"),
    grid: read("--line", "#d4d9df"),
    classColour: read("--accent", "#0072b2"),
    classStrong: read("--brand", "#0b3954"),
    classSoft: read("--chart-class-soft", "rgb(0 114 178 / 0.14)"),
    botColour: read("--chart-bot", "#a86400"),
    botStripe: read("--net-packet", "#e69f00"),
    botLight: read("--chart-bot-light", "#f7d08a"),
  };
}

/** No hover legend or cursor (the projector has no mouse); room above and right for labels. */
export function frame(look: Look): Pick<uPlot.Options, "legend" | "cursor" | "padding"> {
  const gap = Math.round(look.font * 0.8);
  return { legend: { show: false }, cursor: { show: false }, padding: [gap, gap * 2, 0, 0] };
}

export function axis(look: Look, label: string, more: Partial<uPlot.Axis> = {}): uPlot.Axis {
  const font = `${look.font}px ${look.family}`;
  return {
    font,
    labelFont: `bold ${look.font}px ${look.family}`,
    label,
    labelSize: label ? Math.round(look.font * 1.8) : 0,
    labelGap: 0,
    stroke: look.ink,
    gap: 6,
    space: look.font * 3,
    size: (self, values, axisIndex) => {
      const side = self.axes[axisIndex]?.side ?? 2;
      if (side % 2 === 0) return Math.round(look.font * 2);
      const widest = Math.max(0, ...(values ?? []).map((value) => textWidth(String(value), font)));
      return Math.ceil(widest) + 18;
    },
    grid: { stroke: look.grid, width: 1 },
    ticks: { stroke: look.grid, width: 1, size: 6 },
    ...more,
  };
}

export type BarEach = (self: uPlot, seriesIndex: number, index: number, ...box: number[]) => void;

export function bars(
  look: Look,
  who: "class" | "bot",
  align: -1 | 1,
  each?: BarEach,
): uPlot.Series {
  const paths = uPlot.paths.bars!({ align, size: [0.44, Number.POSITIVE_INFINITY], gap: 2, each });
  return who === "class"
    ? { fill: look.classColour, stroke: look.classColour, width: 0, paths, points: { show: false } }
    : {
        fill: stripes(look),
        stroke: look.botColour,
        width: 2,
        paths,
        points: { show: false },
      };
}

export function line(look: Look, who: "class" | "bot", dots: boolean): uPlot.Series {
  const size = look.line * 2.5;
  return who === "class"
    ? {
        stroke: look.classColour,
        width: look.line,
        fill: look.classSoft,
        fillTo: 0,
        points: { show: dots, size, fill: look.classColour, stroke: look.classColour },
      }
    : {
        stroke: look.botColour,
        width: look.line,
        dash: [look.line * 3, look.line * 2],
        points: {
          show: dots,
          size,
          width: look.line * 0.6,
          fill: "#ffffff",
          stroke: look.botColour,
        },
      };
}

/** The bot's fill: diagonal stripes, as its bars in the rest of the debrief (debrief.css). */
function stripes(look: Look): CanvasPattern | string {
  const ratio = uPlot.pxRatio;
  const side = Math.round(12 * ratio);
  const tile = document.createElement("canvas");
  tile.width = side;
  tile.height = side;
  const ctx = tile.getContext("2d");
  if (!ctx) return look.botStripe;
  ctx.fillStyle = look.botLight;
  ctx.fillRect(0, 0, side, side);
  ctx.strokeStyle = look.botStripe;
  ctx.lineWidth = side / (2 * Math.SQRT2);
  ctx.beginPath();
  for (const offset of [-side, 0, side]) {
    ctx.moveTo(offset, side);
    ctx.lineTo(offset + side, 0);
  }
  ctx.stroke();
  return ctx.createPattern(tile, "repeat") ?? look.botStripe;
}

let measure: CanvasRenderingContext2D | null = null;

export function textWidth(text: string, font: string): number {
  measure ??= document.createElement("canvas").getContext("2d");
  if (!measure) return text.length * 10;
  measure.font = font;
  return measure.measureText(text).width;
}

/** A round number at least `value`, not much more: the top of an axis that wastes little room. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step =
    [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= value - 1e-9) ?? 10;
  return step * power;
}

/** The fraction digits an axis value needs: 0 for 2, 1 for 0.5, 2 for 0.25. */
export function decimals(value: number): number {
  const whole = (scaled: number) => Math.abs(scaled - Math.round(scaled)) < 1e-6;
  return whole(value) ? 0 : whole(value * 10) ? 1 : 2;
}
