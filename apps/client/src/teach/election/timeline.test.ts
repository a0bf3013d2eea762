import type { TermRecord } from "@quorum/shared/modes/election/game";
import { describe, expect, it } from "vitest";
import { layOutTimeline, outcomeOf, shareOf } from "./timeline.ts";

const term = (fields: Partial<TermRecord> & Pick<TermRecord, "term">): TermRecord => ({
  candidates: [],
  leaders: [],
  startedAt: 0,
  electedAt: null,
  endedAt: null,
  ...fields,
});

describe("a cluster's terms along time", () => {
  it("E5: a term ends elected, in a split vote, with no winner, or is still under way", () => {
    expect(outcomeOf(term({ term: 1, candidates: [0], leaders: [0] }), 3)).toBe("elected");
    expect(outcomeOf(term({ term: 2, candidates: [1, 2] }), 3)).toBe("split");
    expect(outcomeOf(term({ term: 2, candidates: [1] }), 3)).toBe("failed");
    expect(outcomeOf(term({ term: 3, candidates: [1, 2] }), 3)).toBe("open");
  });

  it("E9: one bar per leader from its election to its end; a leader still in office runs to the end", () => {
    const layout = layOutTimeline(
      [
        term({
          term: 1,
          candidates: [0],
          leaders: [0],
          startedAt: 80,
          electedAt: 95,
          endedAt: 300,
        }),
        term({ term: 2, candidates: [1, 2], startedAt: 400 }),
        term({ term: 3, candidates: [2], leaders: [2], startedAt: 500, electedAt: 510 }),
      ],
      0,
      600,
    );
    expect(layout.bars).toEqual([
      { term: 1, leader: 0, from: 95, to: 300, row: 0, open: false },
      { term: 3, leader: 2, from: 510, to: 600, row: 0, open: true },
    ]);
    expect(layout.marks.map(({ term, at, outcome }) => [term, at, outcome])).toEqual([
      [1, 80, "elected"],
      [2, 400, "split"],
      [3, 500, "elected"],
    ]);
    expect(layout.rows).toBe(1);
  });

  it("N5, E7: a cut-off leader of an old term and the new term's leader overlap, on rows of their own", () => {
    const layout = layOutTimeline(
      [
        term({
          term: 2,
          leaders: [0],
          candidates: [0],
          startedAt: 10,
          electedAt: 20,
          endedAt: 200,
        }),
        term({ term: 3, leaders: [3, 4], candidates: [3, 4], startedAt: 90, electedAt: 100 }),
      ],
      0,
      250,
    );
    expect(layout.bars.map(({ leader, row }) => [leader, row])).toEqual([
      [0, 0],
      [3, 1],
      [4, 2],
    ]);
    expect(layout.rows).toBe(3);
  });

  it("the window clips what began before it, and ticks map to shares of its width", () => {
    const layout = layOutTimeline(
      [term({ term: 7, leaders: [1], candidates: [1], startedAt: 50, electedAt: 60 })],
      100,
      200,
    );
    expect(layout.bars[0]).toMatchObject({ from: 100, to: 200 });
    expect(layout.marks).toEqual([]);
    expect(shareOf(layout, 150)).toBe(0.5);
    expect(shareOf(layout, 10)).toBe(0);
    expect(shareOf({ from: 5, to: 5 }, 5)).toBe(0);
  });
});
