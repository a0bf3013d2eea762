import { describe, expect, it } from "vitest";
import { createRound } from "../../engine/round.ts";
import { linkBetween, neighbours } from "../../net/network.ts";
import { TOPOLOGY_PRESETS } from "../../net/topology.ts";
import { hopsTo, host, idle, inboxOf, plant, play, routingRound, seatsOf } from "../../testing.ts";
import type { RoutingRound } from "./actions.ts";
import { routing } from "./index.ts";

/** A busy round whose packet and message ids are large and distinctive, so a leak is visible. */
function busyRound(variant: "unicast" | "reliable", seed: number): RoutingRound {
  const round = createRound(
    routing,
    {
      preset: "geometric",
      variant,
      latency: [1, 3],
      trafficRate: 0,
      inboxLimit: 16,
      botThinkTicks: 2,
    },
    seatsOf(12, ["random", "shortest-path", null, "random"]),
    seed,
  );
  round.game.nextPacketId = 700_001;
  round.net.nextMessageId = 900_001;
  play(round, host({ type: "burst", count: 60 }));
  idle(round, 12);
  return round;
}

describe("D4 a node's view is local", () => {
  it.each(["unicast", "reliable"] as const)(
    "D4: no view mentions a packet held in another node's inbox (%s)",
    (variant) => {
      for (const seed of [1, 2, 3]) {
        const round = busyRound(variant, seed);
        let checked = 0;
        for (let node = 0; node < round.seats.length; node++) {
          const text = JSON.stringify(routing.view(round, node));
          const own = new Set(inboxOf(round, node).flatMap((m) => [m.id, m.payload.id]));
          for (let other = 0; other < round.seats.length; other++) {
            if (other === node) continue;
            for (const message of inboxOf(round, other)) {
              // A sender knows the ids of its own packets (R7: its unacked list).
              const ids =
                message.payload.src === node ? [message.id] : [message.id, message.payload.id];
              for (const id of ids.filter((id) => !own.has(id))) {
                expect(text, `view of ${node} leaks ${id} held at ${other}`).not.toMatch(
                  new RegExp(`\\b${id}\\b`),
                );
                checked++;
              }
            }
          }
        }
        expect(checked).toBeGreaterThan(50);
      }
    },
  );

  it("D4: a view lists the node's own inbox, its own links and its own counters only", () => {
    const round = busyRound("unicast", 4);
    for (let node = 0; node < round.seats.length; node++) {
      const view = routing.view(round, node);
      expect(view.node).toBe(node);
      expect(view.inbox.map((packet) => packet.entry)).toEqual(
        inboxOf(round, node).map((m) => m.id),
      );
      expect(view.neighbours.map((n) => n.node)).toEqual(
        neighbours(round.net, node).map((n) => n.node),
      );
      expect(view.score).toBe(round.game.score[node]);
      expect(Object.keys(view).sort()).toEqual(
        [
          "deliveryRate",
          "inbox",
          "inboxLimit",
          "neighbours",
          "node",
          "notices",
          "received",
          "score",
          "seenFloods",
          "tick",
          "ttl",
          "unacked",
          "up",
          "variant",
        ].sort(),
      );
    }
  });

  it("D4: a router sees that its own link is down, not why another one is", () => {
    const round = routingRound({}, 4);
    play(round, host({ type: "cut", link: linkBetween(round.net, 2, 3)! }));
    expect(routing.view(round, 1).neighbours.map((n) => n.up)).toEqual([true, true]);
    expect(routing.view(round, 2).neighbours.map((n) => [n.node, n.up])).toEqual([
      [1, true],
      [3, false],
    ]);
  });
});

/** R8 hints of a node's first inbox packet, keyed by neighbour (the view lists them in order). */
function hintsAt(round: RoutingRound, node: number): Record<number, number> | null {
  const view = routing.view(round, node);
  const hints = view.inbox[0]!.hints;
  return hints && Object.fromEntries(view.neighbours.map((next, i) => [next.node, hints[i]!]));
}

describe("R8 distance-vector hints", () => {
  it("R8: hints are off by default for a student", () => {
    const round = routingRound({}, 4);
    plant(round, 1, 3);
    expect(hintsAt(round, 1)).toBeNull();
  });

  it("R8: with hints on, each neighbour's hops to the destination are shown", () => {
    const round = routingRound({ hints: true, preset: "ring" }, 6);
    plant(round, 0, 2);
    expect(hintsAt(round, 0)).toEqual({ 1: 2, 5: 4 });
  });

  it("R8: a bot always gets the hints, since a bot runs a routing protocol", () => {
    const round = routingRound({}, 4, { bots: [null, "random"] });
    plant(round, 1, 3);
    plant(round, 0, 3);
    expect(hintsAt(round, 1)).toEqual({ 0: 4, 2: 2 });
    expect(hintsAt(round, 0)).toBeNull();
    play(round, host({ type: "seat", node: 1, name: "Ada", bot: null }));
    expect(hintsAt(round, 1)).toBeNull();
  });

  it("R8: the teacher can switch hints on and off mid-round", () => {
    const round = routingRound({}, 3);
    plant(round, 0, 2);
    play(round, host({ type: "configure", hints: true }));
    expect(hintsAt(round, 0)).toEqual({ 1: 2 });
    play(round, host({ type: "configure", hints: false }));
    expect(hintsAt(round, 0)).toBeNull();
  });

  it("R8: a neighbour behind a cut link, a crash or a partition shows no route (-1)", () => {
    const round = routingRound({ hints: true, preset: "ring" }, 6);
    plant(round, 0, 3);
    const hints = () => hintsAt(round, 0);
    expect(hints()).toEqual({ 1: 3, 5: 3 });
    play(round, host({ type: "cut", link: linkBetween(round.net, 0, 1)! }));
    expect(hints()).toEqual({ 1: -1, 5: 3 });
    play(round, host({ type: "crash", node: 4 }));
    expect(hints()).toEqual({ 1: -1, 5: -1 });
    play(round, host({ type: "heal-all" }));
    expect(hints()).toEqual({ 1: 3, 5: 3 });
    play(round, host({ type: "partition", groups: [[0, 1, 2]] }));
    expect(hints()).toEqual({ 1: -1, 5: -1 });
  });

  it.each(TOPOLOGY_PRESETS)(
    "R8: on a %s the hints equal real BFS distances, through faults",
    (preset) => {
      const round = createRound(
        routing,
        { preset, hints: true, trafficRate: 0, inboxLimit: 64, latency: [1, 4] },
        seatsOf(14),
        7,
      );
      play(round, host({ type: "burst", count: 40 }));
      const faults = [
        { type: "cut", link: 0 },
        { type: "crash", node: 3 },
        { type: "partition", groups: [[0, 1, 2, 5, 8]] },
        { type: "heal-all" },
        { type: "cut", link: Math.floor(round.net.links.length / 2) },
      ];
      let compared = 0;
      for (const fault of [null, ...faults]) {
        if (fault) play(round, host(fault));
        for (let node = 0; node < round.seats.length; node++) {
          const view = routing.view(round, node);
          for (const packet of view.inbox) {
            const distances = hopsTo(round.net, packet.dst);
            const expected = Object.fromEntries(
              neighbours(round.net, node).map(({ node: next, link }) => {
                const l = round.net.links[link]!;
                const blocked =
                  !l.up ||
                  (round.net.group !== null && round.net.group[l.a] !== round.net.group[l.b]);
                const hops = blocked || distances[next]! < 0 ? -1 : distances[next]! + 1;
                return [next, hops];
              }),
            );
            const shown = Object.fromEntries(
              view.neighbours.map((next, i) => [next.node, packet.hints?.[i]]),
            );
            expect(shown, `${preset} node ${node} → ${packet.dst}`).toEqual(expected);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(40);
    },
  );
});
