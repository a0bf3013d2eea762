import type { TermRecord } from "@quorum/shared/modes/election/game";

/**
 * A cluster's terms laid out along time (E5, E9), for the console, the projector and the
 * debrief: one bar per leader from its election to the end of its leadership, and one mark
 * per term where it began. Terms overlap when a cut-off leader keeps leading an old term while
 * the others elect a new one (N5), or when two leaders share a term (E7, permissive): such bars
 * go to rows of their own.
 */

export interface LeaderBar {
  term: number;
  leader: number;
  from: number;
  to: number;
  /** 0 for the first row; a bar overlapping an earlier one goes below it. */
  row: number;
  /** Still leading when the window ends. */
  open: boolean;
}

/** How a term ended: a leader, a split vote, no majority for a single candidate, or not yet. */
export type TermOutcome = "elected" | "split" | "failed" | "open";

export interface TermMark {
  term: number;
  at: number;
  outcome: TermOutcome;
  candidates: number[];
}

export interface TimelineLayout {
  from: number;
  to: number;
  bars: LeaderBar[];
  marks: TermMark[];
  rows: number;
}

/** E5: how `record` ended, `latest` being the highest term reached (a later term ends this one). */
export function outcomeOf(record: TermRecord, latest: number): TermOutcome {
  if (record.leaders.length > 0) return "elected";
  if (record.term >= latest) return "open";
  return record.candidates.length > 1 ? "split" : "failed";
}

/**
 * The bars and marks of `records` (oldest first) between the ticks `from` and `to`; what began
 * before `from` is clipped to it.
 */
export function layOutTimeline(
  records: readonly TermRecord[],
  from: number,
  to: number,
  latest = Math.max(0, ...records.map((record) => record.term)),
): TimelineLayout {
  const end = Math.max(from, to);
  const rowEnds: number[] = [];
  const bars: LeaderBar[] = [];
  for (const record of records) {
    if (record.electedAt === null) continue;
    for (const leader of record.leaders) {
      const start = Math.max(from, record.electedAt);
      const stop = Math.min(end, record.endedAt ?? end);
      let row = rowEnds.findIndex((busyUntil) => busyUntil <= start);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = stop;
      bars.push({
        term: record.term,
        leader,
        from: start,
        to: Math.max(start, stop),
        row,
        open: record.endedAt === null,
      });
    }
  }
  const marks = records
    .filter((record) => record.startedAt >= from && record.startedAt <= end)
    .map((record) => ({
      term: record.term,
      at: record.startedAt,
      outcome: outcomeOf(record, latest),
      candidates: record.candidates,
    }));
  return { from, to: end, bars, marks, rows: Math.max(1, rowEnds.length) };
}

/** Where a tick sits in the layout, as a share of its width (0–1). */
export function shareOf(layout: Pick<TimelineLayout, "from" | "to">, tick: number): number {
  const span = layout.to - layout.from;
  return span <= 0 ? 0 : Math.min(1, Math.max(0, (tick - layout.from) / span));
}
