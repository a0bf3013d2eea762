import { modeById, verify } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import { type RoundPlan, RoundRunner } from "./runner.ts";

const plan = (config: Record<string, unknown> = {}, nodes = 6): RoundPlan => ({
  mode: modeById("routing")!,
  config: { trafficRate: 5, ...config },
  nodes,
});
const players = [
  { id: "a", nickname: "Ada" },
  { id: "b", nickname: "Bob" },
];

describe("RoundRunner", () => {
  it("D5: students sit on nodes drawn from the seed; the mode's reference bot plays the rest", () => {
    const first = new RoundRunner(plan(), players, 42);
    const again = new RoundRunner(plan(), players, 42);
    expect(again.seats).toEqual(first.seats);
    expect(
      first.seats
        .filter((seat) => seat.bot === null)
        .map((seat) => seat.name)
        .sort(),
    ).toEqual(["Ada", "Bob"]);
    expect(first.seats.filter((seat) => seat.bot === "shortest-path")).toHaveLength(4);
    expect(first.recording.log.roster).toEqual(first.seats.map(({ name, bot }) => ({ name, bot })));
  });

  it("P5: a round has at least a node per student", () => {
    const runner = new RoundRunner(plan({}, 2), [...players, { id: "c", nickname: "Cy" }], 1);
    expect(runner.seats).toHaveLength(3);
  });

  it("D2, D3: inputs are stamped with the open tick in receipt order and answered at once", () => {
    const runner = new RoundRunner(plan(), players, 7);
    const ada = runner.nodeOf("a")!;
    expect(runner.act(ada, { type: "retransmit", seq: 1 })).toMatchObject({ rule: "R7" });
    expect(runner.host({ type: "crash", node: 99 })).toMatchObject({ rule: "N7" });
    expect(runner.host({ type: "crash", node: ada })).toBeNull();
    // Played already: Ada's node is down before the beat closes the tick.
    expect(runner.round.net.nodeUp[ada]).toBe(false);
    expect(runner.playing).toBe(1);
    expect(runner.recording.log.inputs).toEqual([]); // logged when the tick closes
    runner.step();
    expect(runner.recording.log.inputs).toEqual([
      { t: 1, seq: 0, actor: ada, action: { type: "retransmit", seq: 1 } },
      { t: 1, seq: 1, actor: "host", action: { type: "crash", node: 99 } },
      { t: 1, seq: 2, actor: "host", action: { type: "crash", node: ada } },
    ]);
    expect(runner.playing).toBe(2);
  });

  it("D1: a tick played input by input is the tick replayed at once", () => {
    const runner = new RoundRunner(plan(), players, 9);
    const ada = runner.nodeOf("a")!;
    for (let t = 0; t < 40; t++) {
      if (t % 5 === 0) runner.host({ type: "set-loss", link: null, loss: (t % 3) / 10 });
      if (t === 12) runner.host({ type: "crash", node: ada });
      if (t === 30) runner.host({ type: "restart", node: ada });
      runner.step();
    }
    // Inputs applied in an open tick the round then ends in are played to the tick's end.
    runner.host({ type: "cut", link: 0 });
    const log = runner.finish();
    expect(log.endTick).toBe(41);
    expect(verify(log)).toEqual({ ok: true, value: expect.objectContaining({ ticks: 41 }) });
  });

  it("D5, D1: seat changes are host inputs, so the finished log replays exactly", () => {
    const runner = new RoundRunner(plan(), players, 3);
    for (let i = 0; i < 20; i++) runner.step();
    const bob = runner.nodeOf("b")!;
    runner.drive(bob, false); // Bob's phone went to sleep: a bot plays his node
    const cy = runner.claim("c", "Cy")!; // a latecomer takes over a bot's node
    for (let i = 0; i < 20; i++) runner.step();
    runner.drive(bob, true);
    runner.rename(cy, "Cyrus");
    runner.release(runner.nodeOf("a")!);
    for (let i = 0; i < 20; i++) runner.step();
    expect(runner.round.seats[bob]).toEqual({ name: "Bob", bot: null });
    expect(runner.round.seats[cy]).toEqual({ name: "Cyrus", bot: null });
    expect(runner.nodeOf("a")).toBeUndefined();
    const log = runner.finish();
    expect(log.inputs.filter((input) => input.actor === "host")).toHaveLength(5);
    expect(log.summary?.baseline).not.toBeNull();
    expect(verify(log)).toEqual({ ok: true, value: expect.objectContaining({ ticks: 60 }) });
  });

  it("D5: a node with no free bot is not claimed; an unchanged seat queues nothing", () => {
    const runner = new RoundRunner(plan({}, 2), players, 5);
    expect(runner.claim("c", "Cy")).toBeUndefined();
    runner.drive(runner.nodeOf("a")!, true);
    runner.step();
    expect(runner.recording.log.inputs).toEqual([]);
  });
});
