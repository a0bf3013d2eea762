import { describe, expect, it } from "vitest";
import { stateHash } from "../hash.ts";
import { ROUTING_BOTS, routing } from "../modes/routing/index.ts";
import {
  by,
  host,
  idle,
  inboxOf,
  onlyEntry,
  plant,
  play,
  routingRound,
  seatsOf,
} from "../testing.ts";
import { ConfigError, createRound, step } from "./round.ts";

describe("D2 input order", () => {
  it("D2: inputs apply in seq (receipt) order, whatever order they are handed over in", () => {
    const round = routingRound({}, 3);
    const t = round.tick + 1;
    const rejections = step(routing, round, [
      { t, seq: 8, actor: "host", action: { type: "crash", node: 1 } },
      { t, seq: 7, actor: "host", action: { type: "restart", node: 1 } },
      { t, seq: 9, actor: 1, action: { type: "drop", packet: 1 } },
    ]);
    // restart (no-op) → crash → node 1's own input finds it down.
    expect(round.net.nodeUp[1]).toBe(false);
    expect(rejections).toEqual([
      { seq: 9, actor: 1, rejection: { rule: "N4", code: "node.down" } },
    ]);
  });

  it("D2: an input sees the effects of the inputs before it in the same tick", () => {
    const round = routingRound({}, 3);
    const entry = plant(round, 1, 2);
    const { rejections } = play(
      round,
      by(1, { type: "forward", packet: entry.id, to: 0 }),
      by(1, { type: "forward", packet: entry.id, to: 2 }),
    );
    expect(rejections.map((r) => [r.seq, r.rejection.code])).toEqual([
      [2, "routing.already-handled"],
    ]);
  });

  it("D2: inputs apply at the start of the tick — before that tick's arrivals and sends", () => {
    const round = routingRound({ latency: [2, 2] }, 3);
    plant(round, 0, 2);
    play(round, by(0, { type: "forward", packet: onlyEntry(round, 0).id, to: 1 }));
    expect(round.net.inFlight).toMatchObject([{ sentAt: 1, arriveAt: 3 }]);
    idle(round, 1);
    // Due at tick 3: a cut in tick 3's inputs is in force when it arrives.
    const { events } = play(round, host({ type: "cut", link: 0 }));
    expect(events).toMatchObject([{ type: "drop", cause: "link-down", node: 1 }]);
  });
});

describe("P6 node inputs", () => {
  it.each([
    [7, "7"],
    [-1, "-1"],
    [0.5, "0.5"],
  ])(
    "P6: an input from node %s, which does not exist, is refused (P6 input.no-such-node)",
    (actor, shown) => {
      const round = routingRound({}, 3);
      expect(play(round, by(actor, { type: "drop", packet: 1 })).rejections[0]?.rejection).toEqual({
        rule: "P6",
        code: "input.no-such-node",
        params: { node: shown },
      });
    },
  );

  it.each([
    ["no type", { packet: 1 }, ""],
    ["an unknown type", { type: "teleport", packet: 1 }, "type: "],
    ["a missing target", { type: "forward", packet: 1 }, "to: "],
    ["a negative packet id", { type: "drop", packet: -3 }, "packet: "],
    ["a packet id as text", { type: "flood", packet: "1" }, "packet: "],
    ["a fractional seq", { type: "retransmit", seq: 1.5 }, "seq: "],
    ["null", null, ""],
  ])("P6: a node input with %s is refused as malformed and changes nothing", (_, action, path) => {
    const round = routingRound({}, 3);
    plant(round, 0, 2);
    const twin = structuredClone(round);
    const [rejection] = play(round, by(0, action)).rejections;
    expect(rejection?.rejection).toMatchObject({ rule: "P6", code: "input.malformed" });
    expect(String(rejection?.rejection.params?.issue).startsWith(path)).toBe(true);
    play(twin);
    expect(stateHash(round)).toBe(stateHash(twin));
  });

  it("P6: a round config that does not fit the schema is refused with every issue named", () => {
    const make = () =>
      createRound(routing, { preset: "donut", capacity: 0, loss: 2 }, seatsOf(3), 1);
    expect(make).toThrow(ConfigError);
    try {
      make();
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.split(":")[0])).toEqual([
        "preset",
        "loss",
        "capacity",
      ]);
    }
  });
});

describe("D5 seats and bots", () => {
  it("D5: the host hands a node to a bot, which then plays it through validate and apply", () => {
    const round = routingRound({ botThinkTicks: 1 }, 4);
    plant(round, 0, 3);
    idle(round, 3);
    expect(inboxOf(round, 0)).toHaveLength(1); // a human seat waits for its player
    const { rejections } = play(
      round,
      host({ type: "seat", node: 0, name: "bot", bot: "shortest-path" }),
    );
    expect(rejections).toEqual([]);
    expect(round.seats[0]).toEqual({ name: "bot", bot: "shortest-path" });
    expect(inboxOf(round, 0)).toEqual([]);
    expect(round.net.inFlight).toMatchObject([{ from: 0, to: 1 }]);
  });

  it("D5: a student taking the node back stops the bot", () => {
    const round = routingRound({ botThinkTicks: 1 }, 3, { bots: ["random", null, null] });
    play(round, host({ type: "seat", node: 0, name: "Ada", bot: null }));
    plant(round, 0, 2);
    idle(round, 5);
    expect(inboxOf(round, 0)).toHaveLength(1);
    expect(round.seats[0]).toEqual({ name: "Ada", bot: null });
  });

  it("D5: a seat change for a node that does not exist is refused (D5 input.no-such-node)", () => {
    const round = routingRound({}, 3);
    const { rejections } = play(round, host({ type: "seat", node: 3, name: "Ada", bot: null }));
    expect(rejections[0]?.rejection).toEqual({
      rule: "D5",
      code: "input.no-such-node",
      params: { node: 3 },
    });
    expect(round.seats).toHaveLength(3);
  });

  it("D5: a bot thinks once every botThinkTicks ticks", () => {
    const round = routingRound({ botThinkTicks: 4 }, 3, { bots: ["shortest-path"] });
    for (let i = 0; i < 3; i++) plant(round, 0, 2);
    const inboxSizes: number[] = [];
    for (let i = 0; i < 8; i++) {
      play(round);
      inboxSizes.push(inboxOf(round, 0).length);
    }
    expect(inboxSizes).toEqual([3, 3, 3, 2, 2, 2, 2, 1]);
  });

  it("D5: each kind of bot routes a packet to its destination on a line", () => {
    for (const kind of ROUTING_BOTS) {
      const round = routingRound(
        { botThinkTicks: 1, variant: kind === "flooding" ? "flood" : "unicast" },
        5,
        {
          bots: Array.from({ length: 5 }, () => kind),
        },
      );
      plant(round, 0, 4, { kind: kind === "flooding" ? "flood" : "data" });
      idle(round, 40);
      expect(round.game.stats.delivered, kind).toBe(1);
    }
  });

  it("D5: a bot cannot break the rules a human is held to — it never forwards over a cut link", () => {
    const round = routingRound({ botThinkTicks: 1 }, 3, { bots: ["shortest-path", null, null] });
    play(round, host({ type: "cut", link: 0 }));
    plant(round, 0, 2);
    const events = idle(round, 3);
    expect(events.filter((event) => event.type === "transmit")).toEqual([]);
    // With no live route, the shortest-path bot drops the packet rather than send it into a cut.
    expect(round.game.stats.ends.discard).toBe(1);
  });
});
