import { describe, expect, it } from "vitest";
import { english } from "../debrief/testing.ts";
import { electionBoardOf } from "./board.ts";
import { ringsPictureOf } from "./drawing.ts";

const boardAt = (leader: number, role = "leader") =>
  electionBoardOf(
    {
      clusters: [{ cluster: 0, members: "0,1,2", majority: 2, leader, term: 4, available: true }],
      nodes: [
        { node: 0, name: "Ada", bot: "", role, term: 4, deadline: -1 },
        { node: 1, name: "Ben", bot: "raft", role: "candidate", term: 4, votes: 1, deadline: 50 },
        { node: 2, name: "", bot: "raft", role: "follower", term: 4, deadline: 60, timeout: 90 },
      ],
      links: [{ link: 0, a: 0, b: 1, up: true, blocked: "link-down" }],
    },
    30,
  )!;

describe("what the rings drawing paints", () => {
  it("E1, E5: a candidate's votes, the leader and term in the ring, away students marked", () => {
    const picture = ringsPictureOf(boardAt(0), null, english);
    expect(picture.nodes.map(({ name, tag, deadline }) => [name, tag, deadline])).toEqual([
      ["Ada", "", null],
      ["Ben (bot)", "1/2", 50],
      ["", "", 60],
    ]);
    expect(picture.clusters).toEqual([
      {
        members: [0, 1, 2],
        leader: 0,
        available: true,
        title: "Cluster 1",
        lines: ["Term 4", "Leader: 1 · Ada"],
      },
    ]);
    expect(picture.links).toEqual([{ a: 0, b: 1, blocked: "link-down" }]);
  });

  it("the same picture while nothing it shows changed, a new one when something did", () => {
    const first = ringsPictureOf(boardAt(0), null, english);
    expect(ringsPictureOf(boardAt(0), first, english)).toBe(first);
    const next = ringsPictureOf(boardAt(-1, "follower"), first, english);
    expect(next).not.toBe(first);
    expect(next.clusters[0]!.lines[1]).toBe("No leader");
  });

  it("N5: a leader cut off in an older term is marked stale, the cluster's leader is not", () => {
    const board = electionBoardOf(
      {
        clusters: [{ cluster: 0, members: "0,1,2", majority: 2, leader: 2, term: 3 }],
        nodes: [
          { node: 0, role: "leader", term: 1, deadline: -1 },
          { node: 1, role: "follower", term: 3, deadline: 80 },
          { node: 2, role: "leader", term: 3, deadline: -1 },
        ],
      },
      30,
    )!;
    const picture = ringsPictureOf(board, null, english);
    expect(picture.nodes.map(({ stale, tag }) => [stale, tag])).toEqual([
      [true, "stale leader"],
      [false, ""],
      [false, ""],
    ]);
  });
});
