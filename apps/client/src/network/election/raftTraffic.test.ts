import { describe, expect, it } from "vitest";
import { type RaftKind, RaftTraffic } from "./raftTraffic.ts";

const transmit = (message: number, kind: RaftKind, fields = {}) => ({
  type: "transmit" as const,
  message,
  kind,
  term: 2,
  from: 0,
  to: 1,
  sentAt: 10,
  arriveAt: 20,
  ok: null as boolean | null,
  entries: 0,
  ...fields,
});

describe("Raft messages on the wire, as the drawing shows them", () => {
  it("a transmit puts a message on its link; its arrival or its loss takes it off", () => {
    const traffic = new RaftTraffic();
    traffic.apply([transmit(1, "request-vote"), transmit(2, "vote", { ok: false })], 0);
    expect([...traffic.messages.values()].map(({ kind, ok }) => [kind, ok])).toEqual([
      ["request-vote", null],
      ["vote", false],
    ]);
    traffic.apply([{ type: "arrive", message: 1, kind: "request-vote", from: 0, to: 1 }], 5);
    traffic.apply(
      [{ type: "drop", message: 2, kind: "vote", term: 2, node: 1, cause: "partition" }],
      6,
    );
    expect(traffic.messages.size).toBe(0);
    expect(traffic.drops).toEqual([{ node: 1, kind: "vote", cause: "partition", at: 6 }]);
    traffic.prune(30, 6 + 5_000);
    expect(traffic.drops).toEqual([]);
  });

  it("N6: a node shows its latest loss only", () => {
    const traffic = new RaftTraffic();
    const drop = (cause: string) => ({ type: "drop", message: -1, kind: "append", node: 3, cause });
    traffic.apply([drop("loss"), drop("node-down"), drop("no-such-cause")], 0);
    expect(traffic.drops.map((entry) => entry.cause)).toEqual(["node-down"]);
  });

  it("a message that should have arrived long ago is forgotten", () => {
    const traffic = new RaftTraffic();
    traffic.apply([transmit(1, "append", { entries: 2 })], 0);
    traffic.prune(20, 0);
    expect(traffic.messages.size).toBe(1);
    traffic.prune(22, 0);
    expect(traffic.messages.size).toBe(0);
  });

  it("E6: the teacher's commands, appended by a leader, then committed by a majority", () => {
    const traffic = new RaftTraffic();
    const appended = { type: "appended", node: 2, cluster: 1, index: 3, term: 4, command: "x=3" };
    traffic.apply([appended], 0, 50);
    expect(traffic.commands).toEqual([
      { cluster: 1, index: 3, term: 4, command: "x=3", leader: 2, committed: false, tick: 50 },
    ]);
    traffic.apply([{ ...appended, type: "committed", term: 3 }], 0, 60);
    expect(traffic.commands[0]!.committed).toBe(false);
    traffic.apply([{ ...appended, type: "committed" }], 0, 61);
    expect(traffic.commands[0]!.committed).toBe(true);
    traffic.reset([transmit(9, "append-reply", { ok: true })]);
    expect(traffic.commands).toEqual([]);
    expect(traffic.messages.get(9)?.ok).toBe(true);
  });
});
