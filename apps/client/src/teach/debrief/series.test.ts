import type { RoutingDebrief } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import type { RoundSummaryView } from "../classroom.ts";
import { dropsSeries, latencySeries, timelineSeries } from "./series.ts";
import { dropsTable, latencyTable, timelineTable } from "./tables.ts";
import { debriefOf, english, latency } from "./testing.ts";

describe("the debrief's chart series (R9)", () => {
  it("R9: latency histograms as shares of each side's deliveries, padded to the longer one", () => {
    const summary: RoundSummaryView = {
      class: debriefOf({ latency: latency(24, 59, [0, 1, 2, 1]) }),
      baseline: debriefOf({ latency: latency(15, 25, [2, 6]) }),
    };
    expect(latencySeries(summary)).toEqual({
      bucketSeconds: 1,
      tailFrom: null,
      seconds: [0.5, 1.5, 2.5, 3.5],
      class: [0, 1, 2, 1],
      bot: [2, 6, 0, 0],
      classShare: [0, 25, 50, 25],
      botShare: [25, 75, 0, 0],
      classMarks: { p50: 2.4, p95: 5.9 },
      botMarks: { p50: 1.5, p95: 2.5 },
    });
    expect(latencySeries({ class: debriefOf(), baseline: null })).toBeNull();
    expect(latencySeries({ class: summary.class, baseline: null })).toMatchObject({ bot: null });
    expect(latencySeries({ class: summary.class, baseline: debriefOf() })).toMatchObject({
      bot: null,
      botMarks: null,
    });
  });

  it("R9: slow rounds are drawn in wider buckets, so that the bars stay thick enough to read", () => {
    const histogram = Array.from({ length: 29 }, (_, i) => (i < 10 ? 2 : 1));
    const series = latencySeries({
      class: debriefOf({ latency: latency(30, 200, histogram) }),
      baseline: null,
    })!;
    expect(series.bucketSeconds).toBe(2);
    expect(series.tailFrom).toBeNull();
    expect(series.seconds).toHaveLength(15);
    expect(series.seconds.slice(0, 2)).toEqual([1, 3]);
    expect(series.class.slice(0, 6)).toEqual([4, 4, 4, 4, 4, 2]);
    expect(series.class[14]).toBe(1);
    expect(series.class.reduce((sum, count) => sum + count, 0)).toBe(39);
  });

  it("R9: a few stragglers share the last bar, so that the 95 % keep their one-second bars", () => {
    const histogram = [
      ...Array.from({ length: 8 }, () => 5),
      ...Array.from({ length: 32 }, () => 0),
    ];
    histogram[37] = 1; // one packet took 37 s
    const series = latencySeries({
      class: debriefOf({ latency: latency(30, 70, histogram) }),
      baseline: debriefOf({ latency: latency(20, 60, [3, 3, 3]) }),
    })!;
    expect(series).toMatchObject({ bucketSeconds: 1, tailFrom: 14 });
    expect(series.class).toHaveLength(15);
    expect(series.class[14]).toBe(1);
    expect(latencyTable(series, "Time to arrive", english).rows.at(-1)).toEqual([
      "14 s or more",
      "1",
      "0",
    ]);
  });

  it("N6: drops by cause, the class's worst first, causes that lost nothing left out", () => {
    const ends = debriefOf().ends;
    const summary: RoundSummaryView = {
      class: debriefOf({ ends: { ...ends, loss: 2, "queue-full": 16, discard: 15 } }),
      baseline: debriefOf({ ends: { ...ends, "node-down": 11, discard: 21 } }),
    };
    expect(dropsSeries(summary)).toEqual({
      ends: ["queue-full", "discard", "loss", "node-down"],
      class: [16, 15, 2, 0],
      bot: [0, 21, 0, 11],
    });
    expect(dropsSeries({ class: debriefOf(), baseline: debriefOf() })).toBeNull();
  });

  it("R9: the timeline as rates per second; the round's last, shorter bucket counts its own length", () => {
    const summary: RoundSummaryView = {
      class: debriefOf({
        ticks: 120,
        timeline: { bucketTicks: 50, delivered: [5, 10, 2], lost: [0, 5, 1] },
      }),
      baseline: debriefOf({
        ticks: 120,
        timeline: { bucketTicks: 50, delivered: [10, 10, 4], lost: [0, 0, 0] },
      }),
    };
    expect(timelineSeries(summary)).toEqual({
      bucketSeconds: 5,
      from: [0, 5, 10],
      to: [5, 10, 12],
      seconds: [2.5, 7.5, 11],
      classDelivered: [5, 10, 2],
      classLost: [0, 5, 1],
      botDelivered: [10, 10, 4],
      botLost: [0, 0, 0],
      classDeliveredRate: [1, 2, 1],
      classLostRate: [0, 1, 0.5],
      botDeliveredRate: [2, 2, 2],
      botLostRate: [0, 0, 0],
    });
  });

  it("R9: a bot timeline of other buckets, or a summary written before timelines, draws no line", () => {
    const mine = debriefOf({ timeline: { bucketTicks: 50, delivered: [1, 2], lost: [0, 0] } });
    const other = debriefOf({ timeline: { bucketTicks: 100, delivered: [3], lost: [0] } });
    expect(timelineSeries({ class: mine, baseline: other })).toMatchObject({
      botDelivered: null,
      botLostRate: null,
    });
    const old = { ...mine, timeline: undefined } as unknown as RoutingDebrief;
    expect(timelineSeries({ class: old, baseline: null })).toBeNull();
  });
});

describe("the charts' tables (P7: a text alternative with the numbers)", () => {
  it("P7: every chart's numbers are in a table with the same headings as the chart", () => {
    const summary: RoundSummaryView = {
      class: debriefOf({
        latency: latency(5, 15, [3, 1]),
        ends: { ...debriefOf().ends, ttl: 4 },
        ticks: 75,
        timeline: { bucketTicks: 50, delivered: [3, 1], lost: [4, 0] },
      }),
      baseline: null,
    };
    expect(latencyTable(latencySeries(summary)!, "Time to arrive", english)).toEqual({
      caption: "Time to arrive",
      head: ["time to arrive (s)", "Class"],
      rows: [
        ["0–1 s", "3"],
        ["1–2 s", "1"],
      ],
    });
    expect(dropsTable(dropsSeries(summary)!, "Lost", english).rows).toEqual([["TTL expired", "4"]]);
    expect(timelineTable(timelineSeries(summary)!, "Over the round", english)).toEqual({
      caption: "Over the round",
      head: ["Time", "Class: delivered", "Class: lost"],
      rows: [
        ["0–5 s", "3", "4"],
        ["5–7.5 s", "1", "0"],
      ],
    });
  });
});
