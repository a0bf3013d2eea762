import { useEffect, useRef, useState } from "preact/hooks";
import type { Plot, PlotInputs, PlotKind, Size } from "./plots.ts";

/** uPlot arrives with the first chart and is then kept: the phone's bundle never holds it. */
let plots: Promise<typeof import("./plots.ts")> | null = null;
const loadPlots = () => {
  plots ??= import("./plots.ts").catch((error: unknown) => {
    plots = null; // a later chart may try again, e.g. once the network is back
    throw error;
  });
  return plots;
};

export interface TableData {
  caption: string;
  head: string[];
  rows: (string | number)[][];
}

interface ChartProps<K extends PlotKind> {
  kind: K;
  /** The same object while the chart stays the same: a new one redraws it. */
  input: PlotInputs[K];
  /** What the chart shows, for a screen reader. */
  label: string;
  /** The vertical axis's unit, written above it (level text reads better than a turned label). */
  unit?: string;
  /** The chart's numbers: read out instead of the canvas, shown when the chart cannot load. */
  table: TableData;
}

/** A uPlot chart that fills its box (debrief.css sets the height) and follows its width. */
export function Chart<K extends PlotKind>({ kind, input, label, unit, table }: ChartProps<K>) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const target = box.current;
    if (!target) return;
    let plot: Plot | null = null;
    let gone = false;
    let drawn: Size = { width: 0, height: 0 };
    const sizeOf = (): Size => ({
      width: Math.floor(target.clientWidth),
      height: Math.floor(target.clientHeight),
    });
    const observer = new ResizeObserver(() => {
      const size = sizeOf();
      if (!plot || (size.width === drawn.width && size.height === drawn.height)) return;
      drawn = size;
      plot.setSize(size);
    });
    loadPlots().then(
      (module) => {
        if (gone) return;
        drawn = sizeOf();
        plot = module.drawPlot(kind, target, input, drawn);
        observer.observe(target);
      },
      () => {
        if (!gone) setFailed(true);
      },
    );
    return () => {
      gone = true;
      observer.disconnect();
      plot?.destroy();
    };
  }, [kind, input]);

  return (
    <div class="chart">
      {!failed && unit && <p class="chart__unit">{unit}</p>}
      {!failed && <div class="chart__plot" ref={box} role="img" aria-label={label} />}
      {/* A table is as wide as its cells: the hidden box around it keeps it out of the layout. */}
      <div class={failed ? undefined : "visually-hidden"}>
        <table class="chart__table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={`h${cell}`} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
