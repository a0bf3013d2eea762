import { describe, expect, it } from "vitest";
import type { Player, StoredRound } from "../store/types.ts";
import { csvText, resultsCsv, toCsv } from "./csv.ts";

describe("CSV", () => {
  it("results: quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvText("Ada")).toBe("Ada");
    expect(csvText("Ada, Countess")).toBe('"Ada, Countess"');
    expect(csvText('Ada "the first"')).toBe('"Ada ""the first"""');
    expect(csvText("two\nlines")).toBe('"two\nlines"');
    expect(csvText("cr\r")).toBe('"cr\r"');
  });

  it("results: text that starts like a formula stays text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(csvText(`${start}1+2`).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvText('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvText("Ada=1")).toBe("Ada=1");
  });

  it("results: numbers stay numbers, negative ones too; null is an empty cell", () => {
    expect(toCsv([["a", -3, null, 0.5]])).toBe("\uFEFFa,-3,,0.5\r\n");
  });

  it("results: a row per player, a column per finished round, and the total", () => {
    const player = (id: string, nickname: string, removedAt: number | null = null): Player => ({
      id,
      sessionId: "s",
      nickname,
      removedAt,
      createdAt: Date.UTC(2025, 8, 1, 8, 0, 0),
    });
    const round = (number: number, status: StoredRound["status"], scores: [string, number][]) =>
      ({
        id: `r${number}`,
        sessionId: "s",
        number,
        mode: "routing",
        status,
        startedAt: 0,
        endedAt: 0,
        endTick: 10,
        players: scores.map(([playerId, score], node) => ({
          playerId,
          nickname: playerId,
          node,
          score,
        })),
        summary: null,
        shared: false,
      }) satisfies StoredRound;
    const csv = resultsCsv(
      [player("a", "Ada"), player("b", "-Bob", Date.UTC(2025, 8, 1, 9, 0, 0))],
      [
        round(1, "finished", [
          ["a", 3],
          ["b", 5],
        ]),
        round(2, "interrupted", [["a", 100]]),
        round(3, "finished", [["a", 4]]),
      ],
    );
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFnickname,joined,removed,round 1 (routing),round 3 (routing),total",
      "Ada,2025-09-01T08:00:00.000Z,,3,4,7",
      "'-Bob,2025-09-01T08:00:00.000Z,2025-09-01T09:00:00.000Z,5,,5",
      "",
    ]);
  });
});
