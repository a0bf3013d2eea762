import { describe, expect, it } from "vitest";
import { stateHash } from "../hash.ts";
import type { RoutingRound } from "../modes/routing/actions.ts";
import { routing } from "../modes/routing/index.ts";
import { DROP_CAUSES, linkBetween, linkBlock } from "../net/network.ts";
import {
  type Act,
  by,
  host,
  idle,
  inboxOf,
  ledger,
  onlyEntry,
  plant,
  play,
  type RoutingRoundEvent,
  routingRound,
} from "../testing.ts";
import { FALLACY_OF } from "./faults.ts";

const link = (round: RoutingRound, a: number, b: number) => {
  const id = linkBetween(round.net, a, b);
  if (id === undefined) throw new Error(`no link ${a}-${b}`);
  return id;
};

const forward = (round: RoutingRound, node: number, to: number) =>
  by(node, { type: "forward", packet: onlyEntry(round, node).id, to });

const dropsIn = (events: RoutingRoundEvent[]) =>
  events.flatMap((event) => ("cause" in event && event.type === "drop" ? [event] : []));

describe("N2 cut links", () => {
  it("N2: forwarding over a cut link is refused (N2 routing.link-down); once healed it goes", () => {
    const round = routingRound({}, 3);
    plant(round, 1, 2);
    play(round, host({ type: "cut", link: link(round, 1, 2) }));
    expect(play(round, forward(round, 1, 2)).rejections[0]?.rejection).toEqual({
      rule: "N2",
      code: "routing.link-down",
      params: { to: 2 },
    });
    expect(inboxOf(round, 1)).toHaveLength(1);
    play(round, host({ type: "heal-link", link: link(round, 1, 2) }));
    expect(play(round, forward(round, 1, 2)).rejections).toEqual([]);
    expect(round.net.inFlight).toMatchObject([{ from: 1, to: 2 }]);
  });

  it("N2: a flood copy onto a cut link is dropped at once with cause link-down", () => {
    const round = routingRound({ variant: "flood" }, 3);
    plant(round, 1, 0, { kind: "flood" });
    play(round, host({ type: "cut", link: link(round, 1, 2) }));
    const { events } = play(round, by(1, { type: "flood", packet: onlyEntry(round, 1).id }));
    expect(dropsIn(events)).toMatchObject([
      { cause: "link-down", node: 1, link: link(round, 1, 2) },
    ]);
    expect(round.net.inFlight.map((message) => message.to)).toEqual([0]);
  });
});

describe("N4 crash and restart", () => {
  it("N4: a crash loses the node's inbox and outbound queues, each drop counted node-down", () => {
    const round = routingRound({ capacity: 1 }, 3);
    const [first, second] = [plant(round, 1, 2), plant(round, 1, 2)];
    plant(round, 1, 0);
    play(
      round,
      by(1, { type: "forward", packet: first.id, to: 2 }),
      by(1, { type: "forward", packet: second.id, to: 2 }),
    );
    expect(round.net.outbox.flat()).toHaveLength(1); // capacity 1: the second one waits
    const { events } = play(round, host({ type: "crash", node: 1 }));
    const lost = dropsIn(events);
    expect(lost.map((drop) => [drop.cause, drop.node])).toEqual([
      ["node-down", 1],
      ["node-down", 1],
    ]);
    expect(round.net.nodeUp[1]).toBe(false);
    expect(inboxOf(round, 1)).toEqual([]);
    expect(round.net.outbox.flat()).toEqual([]);
    expect(round.net.drops["node-down"]).toBe(2);
    expect(round.game.stats.ends["node-down"]).toBe(2);
    // The one already on the wire belongs to the link, and still reaches node 2.
    expect(events.filter((event) => event.type === "delivered")).toMatchObject([
      { node: 2, packet: { id: first.payload.id } },
    ]);
  });

  it("N4: a message in flight to a crashed node is lost with cause node-down, even after a restart", () => {
    const round = routingRound({ latency: [3, 3] }, 3);
    plant(round, 0, 2);
    play(round, forward(round, 0, 1));
    expect(round.net.inFlight).toHaveLength(1);
    const { events } = play(round, host({ type: "crash", node: 1 }));
    expect(dropsIn(events)).toMatchObject([
      { cause: "node-down", node: 1, link: link(round, 0, 1) },
    ]);
    expect(round.net.inFlight).toEqual([]);
    play(round, host({ type: "restart", node: 1 }));
    expect(idle(round, 3).some((event) => event.type === "arrive")).toBe(false);
    expect(round.net.inbox[1]).toEqual([]);
  });

  it("N4: a crashed node sends nothing — every input from it is refused with N4 node.down", () => {
    const round = routingRound({ variant: "reliable" }, 3);
    play(round, host({ type: "crash", node: 0 }));
    const { rejections } = play(
      round,
      by(0, { type: "forward", packet: 1, to: 1 }),
      by(0, { type: "drop", packet: 1 }),
      by(0, { type: "retransmit", seq: 1 }),
      by(0, { nonsense: true }),
    );
    expect(rejections.map((entry) => entry.rejection)).toEqual(
      Array.from({ length: 4 }, () => ({ rule: "N4", code: "node.down" })),
    );
    expect(routing.view(round, 0).up).toBe(false);
  });

  it("N4: a crashed node's traffic is dropped node-down at its source", () => {
    const round = routingRound({}, 2);
    play(round, host({ type: "crash", node: 0 }), host({ type: "crash", node: 1 }));
    const { events } = play(round, host({ type: "burst", count: 3 }));
    expect(dropsIn(events).map((drop) => drop.cause)).toEqual([
      "node-down",
      "node-down",
      "node-down",
    ]);
    expect(round.game.stats.generated).toBe(3);
    expect(ledger(round).accounted).toBe(ledger(round).created);
  });

  it("N4: restart brings a node back with its score and without its volatile memory", () => {
    const round = routingRound({}, 3);
    const packet = plant(round, 0, 2);
    play(round, forward(round, 0, 1));
    idle(round, 1);
    const atOne = onlyEntry(round, 1);
    play(round, forward(round, 1, 2));
    idle(round, 1);
    expect(round.game.score).toEqual([1, 1, 0]);
    expect(round.game.deliveredIds[packet.payload.id]).toBe(true);
    const again = { type: "drop", packet: atOne.id };
    expect(play(round, by(1, again)).rejections[0]?.rejection.code).toBe("routing.already-handled");

    play(round, host({ type: "crash", node: 1 }));
    play(round, host({ type: "restart", node: 1 }));
    expect(round.net.nodeUp[1]).toBe(true);
    expect(round.game.score).toEqual([1, 1, 0]); // persistent
    // Volatile: the memory of what it handled is gone, so the second attempt is just "not here".
    expect(play(round, by(1, again)).rejections[0]?.rejection.code).toBe("routing.not-in-inbox");
    plant(round, 0, 2);
    play(round, forward(round, 0, 1));
    idle(round, 1);
    expect(inboxOf(round, 1)).toHaveLength(1);
  });

  it("N4: a crash wipes the reliable sender's unacked list and notices", () => {
    const round = routingRound({ variant: "reliable" }, 2);
    play(round, host({ type: "burst", count: 1 }));
    const src = round.game.unacked.findIndex((list) => list.length === 1);
    expect(src).toBeGreaterThanOrEqual(0);
    play(round, host({ type: "crash", node: src }), host({ type: "restart", node: src }));
    expect(round.game.unacked[src]).toEqual([]);
    expect(round.game.nextSeq[src]).toBe(2); // the sequence counter is not reused
  });

  it("N4: crashing a crashed node or restarting a running one changes nothing and is not an error", () => {
    const round = routingRound({}, 3);
    play(round, host({ type: "crash", node: 2 }));
    const before = stateHash({ ...round, tick: 0 });
    const { rejections } = play(
      round,
      host({ type: "crash", node: 2 }),
      host({ type: "restart", node: 0 }),
    );
    expect(rejections).toEqual([]);
    expect(stateHash({ ...round, tick: 0 })).toBe(before);
  });
});

describe("N5 partitions", () => {
  it("N5: a partition blocks exactly the links between groups; unlisted nodes form one more group", () => {
    const round = routingRound({ preset: "ring" }, 6);
    play(round, host({ type: "partition", groups: [[0, 1, 2]] }));
    expect(round.net.group).toEqual([1, 1, 1, 0, 0, 0]);
    const blocked = round.net.links.flatMap((l, id) =>
      linkBlock(round.net, id) ? [[l.a, l.b, linkBlock(round.net, id)]] : [],
    );
    expect(blocked).toEqual([
      [2, 3, "partition"],
      [0, 5, "partition"],
    ]);
    expect(routing.hostView(round).nodes.map((node) => node.group)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it("N5: forwarding across the partition is refused (N5 routing.partitioned); within a group it works", () => {
    const round = routingRound({}, 4);
    plant(round, 1, 3);
    play(
      round,
      host({
        type: "partition",
        groups: [
          [0, 1],
          [2, 3],
        ],
      }),
    );
    const { rejections } = play(round, forward(round, 1, 2));
    expect(rejections[0]?.rejection).toEqual({
      rule: "N5",
      code: "routing.partitioned",
      params: { to: 2 },
    });
    expect(play(round, forward(round, 1, 0)).rejections).toEqual([]);
  });

  it("N5: a message on the wire across the new partition is lost on arrival with cause partition", () => {
    const round = routingRound({ latency: [3, 3] }, 4);
    plant(round, 1, 3);
    play(round, forward(round, 1, 2));
    play(
      round,
      host({
        type: "partition",
        groups: [
          [0, 1],
          [2, 3],
        ],
      }),
    );
    const events = idle(round, 2);
    expect(dropsIn(events)).toMatchObject([
      { cause: "partition", node: 2, link: link(round, 1, 2) },
    ]);
    expect(round.net.drops.partition).toBe(1);
    expect(round.game.stats.ends.partition).toBe(1);
  });

  it("N5: a flood copy sent across the partition is dropped at once with cause partition", () => {
    const round = routingRound({ variant: "flood" }, 3);
    plant(round, 1, 0, { kind: "flood" });
    play(round, host({ type: "partition", groups: [[0, 1]] }));
    const { events } = play(round, by(1, { type: "flood", packet: onlyEntry(round, 1).id }));
    expect(dropsIn(events)).toMatchObject([
      { cause: "partition", node: 1, link: link(round, 1, 2) },
    ]);
    expect(round.net.inFlight.map((message) => message.to)).toEqual([0]);
  });

  it("N5: heal-all joins the groups again; heal-link alone does not", () => {
    const round = routingRound({}, 4);
    play(
      round,
      host({
        type: "partition",
        groups: [
          [0, 1],
          [2, 3],
        ],
      }),
    );
    play(round, host({ type: "heal-link", link: link(round, 1, 2) }));
    expect(linkBlock(round.net, link(round, 1, 2))).toBe("partition");
    play(round, host({ type: "heal-all" }));
    expect(round.net.group).toBeNull();
    expect(round.net.links.map((_, id) => linkBlock(round.net, id))).toEqual([null, null, null]);
  });

  it("N5: a node may be in one group only (N5 fault.node-in-two-groups), and must exist (N7)", () => {
    const round = routingRound({}, 4);
    const { rejections } = play(
      round,
      host({
        type: "partition",
        groups: [
          [0, 1],
          [1, 2],
        ],
      }),
      host({ type: "partition", groups: [[0], [7]] }),
    );
    expect(rejections.map((entry) => entry.rejection)).toEqual([
      { rule: "N5", code: "fault.node-in-two-groups", params: { node: 1 } },
      { rule: "N7", code: "fault.no-such-node", params: { node: 7 } },
    ]);
    expect(round.net.group).toBeNull();
  });
});

describe("N6 every drop has a cause", () => {
  it("N6: each of the six causes is an event with that cause, counted by the network and the debrief", () => {
    const round = routingRound({ inboxLimit: 1, ttl: 5 }, 5);
    const events: RoutingRoundEvent[] = [];
    const run = (...acts: Act[]) => events.push(...play(round, ...acts).events);

    // loss: a link that loses everything.
    plant(round, 0, 4);
    run(host({ type: "set-loss", link: link(round, 0, 1), loss: 1 }), forward(round, 0, 1));
    run(host({ type: "heal-all" }));
    // ttl: a packet with one hop left is forwarded.
    plant(round, 0, 4, { ttl: 1 });
    run(forward(round, 0, 1));
    // queue-full: a packet reaches a full inbox.
    plant(round, 2, 0);
    plant(round, 1, 4);
    run(forward(round, 1, 2));
    run();
    // node-down: a crash takes node 2's inbox with it.
    run(host({ type: "crash", node: 2 }));
    run(host({ type: "restart", node: 2 }));
    // link-down: a packet on the wire when its link is cut.
    plant(round, 3, 0);
    run(forward(round, 3, 4));
    run(host({ type: "cut", link: link(round, 3, 4) }));
    run(host({ type: "heal-all" }));
    // partition: a flood copy into the other group.
    plant(round, 3, 0, { kind: "flood" });
    run(host({ type: "partition", groups: [[3]] }));
    run(by(3, { type: "flood", packet: onlyEntry(round, 3).id }));

    const counted = Object.fromEntries(DROP_CAUSES.map((cause) => [cause, 0]));
    for (const drop of dropsIn(events)) counted[drop.cause]!++;
    const ttlEnds = events.filter((event) => event.type === "ended" && event.end === "ttl");
    counted.ttl = ttlEnds.length;
    const expected = {
      loss: 1,
      ttl: 1,
      "queue-full": 1,
      "link-down": 1,
      "node-down": 1,
      partition: 2,
    };
    expect(counted).toEqual(expected);
    expect(round.net.drops).toEqual(expected);
    const { ends } = routing.debrief(round);
    expect(ends).toEqual({ ...expected, discard: 0, duplicate: 0 });
    expect(ledger(round).accounted).toBe(ledger(round).created);
  });
});

describe("N7 faults are host inputs", () => {
  it("N7: crash and restart", () => {
    const round = routingRound({}, 3);
    expect(play(round, host({ type: "crash", node: 2 })).rejections).toEqual([]);
    expect(round.net.nodeUp).toEqual([true, true, false]);
    expect(routing.hostView(round).faults).toMatchObject([{ kind: "crash", count: 1 }]);
    play(round, host({ type: "restart", node: 2 }));
    expect(round.net.nodeUp).toEqual([true, true, true]);
    expect(routing.hostView(round).faults).toEqual([]);
  });

  it("N7: cut and heal a link", () => {
    const round = routingRound({}, 3);
    play(round, host({ type: "cut", link: 1 }));
    expect(round.net.links.map((l) => l.up)).toEqual([true, false]);
    expect(routing.hostView(round).faults).toMatchObject([
      { kind: "cut", fallacy: "fallacy.topology", count: 1 },
    ]);
    play(round, host({ type: "heal-link", link: 1 }));
    expect(round.net.links.map((l) => l.up)).toEqual([true, true]);
  });

  it("N7: set loss on one link or, with link null, on every link", () => {
    const round = routingRound({ preset: "ring" }, 4);
    play(round, host({ type: "set-loss", link: 2, loss: 0.5 }));
    expect(round.net.links.map((l) => l.loss)).toEqual([0, 0, 0.5, 0]);
    play(round, host({ type: "set-loss", link: null, loss: 0.2 }));
    expect(round.net.links.map((l) => l.loss)).toEqual([0.2, 0.2, 0.2, 0.2]);
    expect(routing.hostView(round).faults).toMatchObject([
      { kind: "loss", fallacy: "fallacy.reliable", count: 4 },
    ]);
  });

  it("N7: set latency and jitter on one link or on every link, and new sends use it", () => {
    const round = routingRound({ preset: "ring" }, 4);
    play(round, host({ type: "set-latency", link: 0, latency: 7, jitter: 0 }));
    expect(round.net.links.map((l) => [l.latency, l.jitter])).toEqual([
      [7, 0],
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    plant(round, 0, 2);
    play(round, forward(round, 0, 1));
    expect(round.net.inFlight).toMatchObject([{ sentAt: 2, arriveAt: 9 }]);
    play(round, host({ type: "set-latency", link: null, latency: 3, jitter: 2 }));
    expect(round.net.links.every((l) => l.latency === 3 && l.jitter === 2)).toBe(true);
    expect(routing.hostView(round).faults).toMatchObject([
      { kind: "latency", fallacy: "fallacy.latency", count: 4 },
    ]);
  });

  it("N7: heal-all restores every link's settings, brings links and nodes up and ends partitions", () => {
    const round = routingRound({ preset: "ring", latency: [2, 9] }, 5, { seed: 3 });
    const original = structuredClone(round.net.links);
    play(
      round,
      host({ type: "set-latency", link: null, latency: 40, jitter: 5 }),
      host({ type: "set-loss", link: null, loss: 0.9 }),
      host({ type: "cut", link: 3 }),
      host({ type: "crash", node: 4 }),
      host({ type: "partition", groups: [[0, 1]] }),
    );
    play(round, host({ type: "heal-all" }));
    expect(round.net.links).toEqual(original);
    expect(round.net.nodeUp).toEqual([true, true, true, true, true]);
    expect(round.net.group).toBeNull();
    expect(routing.hostView(round).faults).toEqual([]);
  });

  it("N7: a traffic burst makes count packets at once", () => {
    const round = routingRound({ inboxLimit: 64 }, 6);
    const { events } = play(round, host({ type: "burst", count: 20 }));
    expect(events.filter((event) => event.type === "created")).toHaveLength(20);
    expect(round.game.stats.generated).toBe(20);
    expect(round.net.inbox.flat()).toHaveLength(20);
    for (const message of round.net.inbox.flat()) {
      expect(message.payload.src).toBe(message.to);
      expect(message.payload.dst).not.toBe(message.payload.src);
    }
  });

  it("N7: configure changes the traffic rate, TTL, hints, variant and retransmit timeout", () => {
    const round = routingRound({}, 4);
    play(
      round,
      host({
        type: "configure",
        trafficRate: 20,
        ttl: 9,
        hints: true,
        variant: "reliable",
        retransmitTimeout: 33,
      }),
    );
    expect(round.config).toMatchObject({
      trafficRate: 20,
      ttl: 9,
      hints: true,
      variant: "reliable",
      retransmitTimeout: 33,
    });
    expect(round.game.ttl).toBe(9);
    // 20 packets a second is two a tick, from this very tick on.
    const made = round.net.inbox.flat().map((message) => message.payload);
    expect(made).toHaveLength(2);
    expect(made.every((packet) => packet.ttl === 9 && packet.seq !== null)).toBe(true);
    expect(round.game.unacked.flat().map((entry) => entry.timeoutAt)).toEqual([1 + 33, 1 + 33]);
  });

  it("N7: every fault names a fallacy of distributed computing (or none, for the cures)", () => {
    expect(FALLACY_OF).toEqual({
      crash: "fallacy.topology",
      restart: null,
      cut: "fallacy.topology",
      "heal-link": null,
      "set-loss": "fallacy.reliable",
      "set-latency": "fallacy.latency",
      partition: "fallacy.reliable",
      "heal-all": null,
    });
  });

  it("N7: a fault naming a node or link that does not exist is refused and changes nothing", () => {
    const round = routingRound({}, 3);
    const twin = routingRound({}, 3);
    const { rejections } = play(
      round,
      host({ type: "crash", node: 3 }),
      host({ type: "restart", node: 99 }),
      host({ type: "cut", link: 2 }),
      host({ type: "heal-link", link: 5 }),
      host({ type: "set-loss", link: 2, loss: 0.5 }),
      host({ type: "set-latency", link: 9, latency: 4, jitter: 0 }),
      host({ type: "partition", groups: [[3]] }),
    );
    expect(rejections.map((entry) => entry.rejection)).toEqual([
      { rule: "N7", code: "fault.no-such-node", params: { node: 3 } },
      { rule: "N7", code: "fault.no-such-node", params: { node: 99 } },
      { rule: "N7", code: "fault.no-such-link", params: { link: 2 } },
      { rule: "N7", code: "fault.no-such-link", params: { link: 5 } },
      { rule: "N7", code: "fault.no-such-link", params: { link: 2 } },
      { rule: "N7", code: "fault.no-such-link", params: { link: 9 } },
      { rule: "N7", code: "fault.no-such-node", params: { node: 3 } },
    ]);
    play(twin);
    expect(stateHash(round)).toBe(stateHash(twin));
  });

  it("N7: a burst needs two nodes (N7 routing.burst-needs-two-nodes)", () => {
    const round = routingRound({}, 1);
    expect(play(round, host({ type: "burst", count: 1 })).rejections[0]?.rejection).toEqual({
      rule: "N7",
      code: "routing.burst-needs-two-nodes",
    });
  });

  it.each([
    ["a negative node", { type: "crash", node: -1 }, "node"],
    ["a fractional node", { type: "restart", node: 1.5 }, "node"],
    ["a node as text", { type: "crash", node: "1" }, "node"],
    ["a missing link", { type: "cut" }, "link"],
    ["loss above 1", { type: "set-loss", link: null, loss: 1.5 }, "loss"],
    ["latency 0", { type: "set-latency", link: 0, latency: 0, jitter: 0 }, "latency"],
    [
      "latency beyond a minute",
      { type: "set-latency", link: null, latency: 601, jitter: 0 },
      "latency",
    ],
    ["groups that are not lists", { type: "partition", groups: [1, 2] }, "groups.0"],
    ["an empty burst", { type: "burst", count: 0 }, "count"],
    ["a seat with a long name", { type: "seat", node: 0, name: "x".repeat(41), bot: null }, "name"],
  ])(
    "P6: %s is refused as malformed (P6 input.malformed), naming the field",
    (_, action, field) => {
      const round = routingRound({}, 3);
      const twin = routingRound({}, 3);
      const [rejection] = play(round, host(action)).rejections;
      expect(rejection?.rejection).toMatchObject({ rule: "P6", code: "input.malformed" });
      expect(String(rejection?.rejection.params?.issue)).toMatch(new RegExp(`^${field}: `));
      play(twin);
      expect(stateHash(round)).toBe(stateHash(twin));
    },
  );

  it.each([
    ["an unknown type", { type: "meteor" }],
    ["no type", { node: 1 }],
    ["null", null],
    ["a string", "crash 1"],
    ["a list", [{ type: "crash", node: 1 }]],
  ])("P6: %s as host input is refused as malformed", (_, action) => {
    const round = routingRound({}, 3);
    expect(play(round, host(action)).rejections[0]?.rejection).toMatchObject({
      rule: "P6",
      code: "input.malformed",
    });
    expect(round.net.nodeUp).toEqual([true, true, true]);
  });
});
