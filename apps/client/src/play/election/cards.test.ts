import { describe, expect, it } from "vitest";
import { candidateUpToDate, logEnd, yesVerdict } from "./cards.ts";

const line = (index: number, term: number) => ({
  index,
  term,
  command: `x=${index}`,
  id: index,
  committed: false,
});

describe("the vote card's comparison and verdict", () => {
  it("E3: a log's end is its last entry's term and its length; the empty log ends at term 0", () => {
    expect(logEnd([])).toEqual({ lastLogTerm: 0, lastLogIndex: 0 });
    expect(logEnd([line(1, 1), line(2, 3)])).toEqual({ lastLogTerm: 3, lastLogIndex: 2 });
  });

  it("E3: the later last term wins; with the same last term the longer log does", () => {
    const mine = { lastLogTerm: 2, lastLogIndex: 4 };
    expect(candidateUpToDate({ lastLogTerm: 3, lastLogIndex: 1 }, mine)).toBe(true);
    expect(candidateUpToDate({ lastLogTerm: 1, lastLogIndex: 9 }, mine)).toBe(false);
    expect(candidateUpToDate({ lastLogTerm: 2, lastLogIndex: 4 }, mine)).toBe(true);
    expect(candidateUpToDate({ lastLogTerm: 2, lastLogIndex: 3 }, mine)).toBe(false);
  });

  it("D3, E7: a yes is allowed, refused with its rule, or waived by permissive enforcement", () => {
    const alreadyVoted = {
      rule: "E3",
      code: "election.already-voted" as const,
      params: { node: 1, term: 4 },
    };
    const stale = { rule: "E4", code: "election.stale-request" as const };
    expect(yesVerdict(null, "strict")).toEqual({ kind: "allowed" });
    expect(yesVerdict(alreadyVoted, "strict")).toEqual({
      kind: "refused",
      rejection: alreadyVoted,
    });
    expect(yesVerdict(alreadyVoted, "permissive")).toEqual({
      kind: "waived",
      rejection: alreadyVoted,
    });
    // A stale term is not one of the safety rules permissive enforcement lets through.
    expect(yesVerdict(stale, "permissive")).toEqual({ kind: "refused", rejection: stale });
  });
});
