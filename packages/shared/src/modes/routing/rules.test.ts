import { describe, expect, it } from "vitest";
import { linkBetween } from "../../net/network.ts";
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
  walk,
} from "../../testing.ts";
import type { RoutingRound } from "./actions.ts";
import { routing } from "./index.ts";

const forward = (
  round: RoutingRound,
  node: number,
  to: number,
  packet = onlyEntry(round, node).id,
) => by(node, { type: "forward", packet, to });
const flood = (round: RoutingRound, node: number) =>
  by(node, { type: "flood", packet: onlyEntry(round, node).id });
const rejectionOf = (round: RoutingRound, act: Act) => play(round, act).rejections[0]?.rejection;
const ended = (events: RoutingRoundEvent[]) =>
  events.flatMap((event) => (event.type === "ended" ? [[event.end, event.node]] : []));

describe("R1 packets", () => {
  it("R1: a packet has id, src, dst, ttl, hops starting at src, and kind", () => {
    const round = routingRound({}, 5);
    play(round, host({ type: "burst", count: 1 }));
    const [message] = round.net.inbox.flat();
    const packet = message!.payload;
    expect(Object.keys(packet).sort()).toEqual(
      ["createdAt", "dst", "hops", "id", "kind", "seq", "src", "ttl"].sort(),
    );
    expect(packet).toMatchObject({ id: 1, ttl: 8, kind: "data", seq: null, createdAt: 1 });
    expect(packet.hops).toEqual([packet.src]);
    expect(message!.to).toBe(packet.src);
    expect(packet.dst).not.toBe(packet.src);
  });

  it.each([
    ["line", 5, 8],
    ["ring", 6, 6],
    ["star", 7, 4],
    ["tree", 7, 8],
    ["mesh", 4, 2],
    ["line", 2, 2],
  ] as const)(
    "R1: the default TTL on a %s of %i is twice its diameter: %i",
    (preset, size, ttl) => {
      expect(routingRound({ preset }, size).game.ttl).toBe(ttl);
    },
  );

  it("R1: the TTL is configurable, before the round and during it (for new packets)", () => {
    const round = routingRound({ ttl: 3 }, 5);
    expect(plant(round, 0, 4).payload.ttl).toBe(3);
    play(round, host({ type: "configure", ttl: 12 }), host({ type: "burst", count: 1 }));
    const ttls = round.net.inbox.flat().map((message) => message.payload.ttl);
    expect(ttls.sort()).toEqual([12, 3]);
  });

  it("R1: the kind follows the variant: data, flood, or data with a sequence number", () => {
    const kinds = (["unicast", "flood", "reliable"] as const).map((variant) => {
      const round = routingRound({ variant }, 4);
      play(round, host({ type: "burst", count: 1 }));
      const { kind, seq } = round.net.inbox.flat()[0]!.payload;
      return [kind, seq];
    });
    expect(kinds).toEqual([
      ["data", null],
      ["flood", null],
      ["data", 1],
    ]);
  });
});

describe("R2 a router's choices", () => {
  it("R2: forward puts the packet on the link to the chosen neighbour", () => {
    const round = routingRound({}, 3);
    plant(round, 1, 2);
    const { rejections } = play(round, forward(round, 1, 0));
    expect(rejections).toEqual([]);
    expect(round.net.inFlight).toMatchObject([
      { from: 1, to: 0, link: linkBetween(round.net, 0, 1), payload: { hops: [1, 0] } },
    ]);
    expect(inboxOf(round, 1)).toEqual([]);
  });

  it.each([
    ["a node two hops away", 3],
    ["itself", 1],
    ["a node that does not exist", 99],
  ])("R2: forwarding to %s is refused (R2 routing.not-a-neighbour)", (_, to) => {
    const round = routingRound({}, 4);
    plant(round, 1, 3);
    expect(rejectionOf(round, forward(round, 1, to))).toEqual({
      rule: "R2",
      code: "routing.not-a-neighbour",
      params: { to },
    });
    expect(inboxOf(round, 1)).toHaveLength(1);
  });

  it("R2: flood sends a copy to every neighbour except the one the packet came from", () => {
    const round = routingRound({ preset: "star" }, 5);
    plant(round, 1, 4);
    play(round, forward(round, 1, 0));
    idle(round, 1);
    play(round, flood(round, 0));
    expect(round.net.inFlight.map((message) => message.to).sort()).toEqual([2, 3, 4]);
  });

  it("R2: flooding a packet that started here sends it to every neighbour", () => {
    const round = routingRound({ preset: "star" }, 5);
    plant(round, 0, 4);
    play(round, flood(round, 0));
    expect(round.net.inFlight.map((message) => message.to).sort()).toEqual([1, 2, 3, 4]);
    expect(ledger(round).accounted).toBe(ledger(round).created);
  });

  it("R2: a flood with nowhere to go (a leaf's only link is where it came from) is discarded", () => {
    const round = routingRound({ preset: "star" }, 3);
    plant(round, 0, 2);
    play(round, forward(round, 0, 1));
    idle(round, 1);
    const { events } = play(round, flood(round, 1));
    expect(ended(events)).toEqual([["discard", 1]]);
    expect(round.net.inFlight).toEqual([]);
  });

  it("R2: drop ends the packet here (discard)", () => {
    const round = routingRound({}, 3);
    plant(round, 1, 2);
    const { events } = play(round, by(1, { type: "drop", packet: onlyEntry(round, 1).id }));
    expect(ended(events)).toEqual([["discard", 1]]);
    expect(inboxOf(round, 1)).toEqual([]);
    expect(round.game.stats.ends.discard).toBe(1);
  });

  it("R2: a router sees each neighbour's measured latency and how many recent sends arrived", () => {
    const round = routingRound({ latency: [3, 3] }, 3);
    const before = routing.view(round, 1).neighbours;
    expect(before.map((n) => [n.node, n.latency, n.acked, n.sent])).toEqual([
      [0, -1, 0, 0],
      [2, -1, 0, 0],
    ]);
    plant(round, 1, 0);
    plant(round, 1, 2);
    play(round, by(1, { type: "forward", packet: inboxOf(round, 1)[1]!.id, to: 2 }));
    play(round, host({ type: "set-loss", link: 0, loss: 1 }), forward(round, 1, 0));
    idle(round, 3);
    const after = routing.view(round, 1).neighbours;
    expect(after.map((n) => [n.node, n.latency, n.acked, n.sent])).toEqual([
      [0, -1, 0, 1],
      [2, 3, 1, 1],
    ]);
  });
});

describe("R3 TTL", () => {
  it("R3: every hop costs one TTL", () => {
    const round = routingRound({ ttl: 6 }, 4);
    plant(round, 0, 3);
    const ttls: number[] = [];
    for (const [from, to] of [
      [0, 1],
      [1, 2],
    ]) {
      play(round, forward(round, from!, to!));
      idle(round, 1);
      ttls.push(onlyEntry(round, to!).payload.ttl);
    }
    expect(ttls).toEqual([5, 4]);
  });

  it("R3: a packet whose TTL reaches 0 is dropped with cause ttl and its source is told", () => {
    const round = routingRound({ ttl: 2 }, 4);
    const packet = plant(round, 0, 3).payload;
    play(round, forward(round, 0, 1));
    idle(round, 1);
    const { events } = play(round, forward(round, 1, 2));
    expect(ended(events)).toEqual([["ttl", 1]]);
    expect(round.net.inFlight).toEqual([]);
    expect(round.net.outbox.flat()).toEqual([]);
    expect(round.net.drops.ttl).toBe(1);
    expect(round.game.stats.ends.ttl).toBe(1);
    expect(routing.view(round, 0).notices).toEqual([
      { kind: "ttl-exceeded", packet: packet.id, at: 1, tick: 3 },
    ]);
    expect(routing.view(round, 1).notices).toEqual([]);
  });

  it("R3: a packet with TTL left is not dropped for TTL", () => {
    const round = routingRound({ ttl: 2 }, 3);
    plant(round, 0, 2);
    walk(round, [0, 1]);
    expect(onlyEntry(round, 1).payload.ttl).toBe(1);
    expect(round.game.stats.ends.ttl).toBe(0);
  });
});

describe("R4 delivery", () => {
  it("R4: a packet reaching its destination is delivered automatically and scores its routers", () => {
    const round = routingRound({ ttl: 8 }, 4);
    const packet = plant(round, 0, 3).payload;
    const events = walk(round, [0, 1, 2, 3]);
    const delivered = events.filter((event) => event.type === "delivered");
    expect(delivered).toMatchObject([{ node: 3, packet: { id: packet.id, hops: [0, 1, 2, 3] } }]);
    expect(inboxOf(round, 3)).toEqual([]);
    expect(round.game.score).toEqual([1, 1, 1, 0]);
    expect(round.game.stats).toMatchObject({ delivered: 1, arrived: 1, latencies: [6] });
    expect(routing.view(round, 0).notices).toEqual([
      { kind: "delivered", packet: packet.id, at: 3, tick: 6 },
    ]);
  });

  it("R4: a packet is delivered even when its destination's inbox is full", () => {
    const round = routingRound({ inboxLimit: 1 }, 2);
    plant(round, 1, 0);
    plant(round, 0, 1);
    walk(round, [0, 1]);
    expect(round.game.stats.delivered).toBe(1);
    expect(round.game.stats.ends["queue-full"]).toBe(0);
  });

  it("R4: a router on a looping path scores once for the packet, not once per visit", () => {
    const round = routingRound({ ttl: 8 }, 3);
    plant(round, 0, 2);
    walk(round, [0, 1, 0, 1, 2]);
    expect(round.game.stats.delivered).toBe(1);
    expect(round.game.score).toEqual([1, 1, 0]);
  });

  it("R9: a link's carried count holds what got through it, not what was lost on it", () => {
    const round = routingRound({ ttl: 8 }, 2);
    plant(round, 0, 1);
    play(round, host({ type: "set-loss", link: 0, loss: 1 }));
    play(round, by(0, { type: "forward", packet: onlyEntry(round, 0).id, to: 1 }));
    expect(round.game.stats.ends.loss).toBe(1);
    expect(round.net.carried).toEqual([0]);
    play(round, host({ type: "set-loss", link: 0, loss: 0 }));
    plant(round, 0, 1);
    walk(round, [0, 1]);
    expect(round.net.carried).toEqual([1]);
  });

  it("R4: a packet is never left in, or taken from, an inbox that is not on its path", () => {
    const round = routingRound({}, 3);
    plant(round, 0, 1);
    walk(round, [0, 1]);
    expect(round.net.inbox.flat()).toEqual([]);
    expect(round.game.score).toEqual([1, 0, 0]);
  });
});

describe("R5 own inbox, once", () => {
  it("R5: a router may not act on a packet in another router's inbox (R5 routing.not-in-inbox)", () => {
    const round = routingRound({}, 3);
    const theirs = plant(round, 1, 2);
    for (const action of [
      { type: "forward", packet: theirs.id, to: 1 },
      { type: "drop", packet: theirs.id },
      { type: "flood", packet: theirs.id },
    ]) {
      expect(rejectionOf(round, by(0, action))).toEqual({
        rule: "R5",
        code: "routing.not-in-inbox",
      });
    }
    expect(inboxOf(round, 1)).toEqual([theirs]);
  });

  it("R5: acting twice on one packet is refused (R5 routing.already-handled)", () => {
    const round = routingRound({}, 3);
    const entry = plant(round, 1, 2);
    expect(play(round, forward(round, 1, 0)).rejections).toEqual([]);
    for (const action of [
      { type: "forward", packet: entry.id, to: 2 },
      { type: "drop", packet: entry.id },
      { type: "flood", packet: entry.id },
    ]) {
      expect(rejectionOf(round, by(1, action))).toEqual({
        rule: "R5",
        code: "routing.already-handled",
      });
    }
    expect(round.game.stats.created).toBe(1);
  });

  it("R5: a packet id that was never anywhere is simply not in the inbox", () => {
    const round = routingRound({}, 3);
    expect(rejectionOf(round, by(0, { type: "drop", packet: 12345 }))).toEqual({
      rule: "R5",
      code: "routing.not-in-inbox",
    });
  });

  it("R5: what a router holds is the packet's entry in its own inbox, not the packet id", () => {
    const round = routingRound({}, 3);
    plant(round, 0, 2);
    walk(round, [0, 1]);
    const arrived = onlyEntry(round, 1);
    expect(arrived.id).not.toBe(arrived.payload.id);
    expect(play(round, forward(round, 1, 2, arrived.id)).rejections).toEqual([]);
  });
});

describe("R6 flood variant", () => {
  it("R6: each node keeps one copy of a flood and drops the rest as duplicates; link stress is counted", () => {
    const round = routingRound({ preset: "mesh", variant: "flood", ttl: 8, botThinkTicks: 1 }, 4, {
      bots: ["flooding", "flooding", "flooding", "flooding"],
    });
    const packet = plant(round, 0, 3, { kind: "flood" }).payload;
    const events = idle(round, 6);
    const byLink = (a: number, b: number) => linkBetween(round.net, a, b)!;
    expect(round.game.stats.floods[packet.id]).toEqual({
      sent: 7,
      reached: 4,
      links: {
        [byLink(0, 1)]: 1,
        [byLink(0, 2)]: 1,
        [byLink(0, 3)]: 1,
        [byLink(1, 2)]: 2,
        [byLink(1, 3)]: 1,
        [byLink(2, 3)]: 1,
      },
    });
    expect(events.filter((event) => event.type === "delivered")).toHaveLength(1);
    expect(round.game.stats).toMatchObject({ delivered: 1, generated: 1 });
    expect(ended(events).sort()).toEqual([
      ["duplicate", 1],
      ["duplicate", 2],
      ["duplicate", 3],
      ["duplicate", 3],
    ]);
    for (const node of [0, 1, 2]) expect(routing.view(round, node).seenFloods).toEqual([packet.id]);
    expect(routing.debrief(round).floods).toEqual({
      count: 1,
      messagesPerFlood: 7,
      nodesReachedPerFlood: 4,
      maxLinkStress: 2,
      meanLinkStress: 7 / 6,
    });
    expect(ledger(round).accounted).toBe(ledger(round).created);
  });

  it("R6: a flood copy coming back to its source is a duplicate there", () => {
    const round = routingRound({ variant: "flood" }, 3);
    const packet = plant(round, 0, 2, { kind: "flood" }).payload;
    expect(routing.view(round, 0).seenFloods).toEqual([packet.id]);
    walk(round, [0, 1]);
    play(round, forward(round, 1, 0));
    const events = idle(round, 1);
    expect(ended(events)).toEqual([["duplicate", 0]]);
    expect(inboxOf(round, 0)).toEqual([]);
  });

  it("R6: a flood copy dropped at a full inbox was not seen there, so a later copy still gets in", () => {
    const round = routingRound({ preset: "mesh", variant: "flood", ttl: 8, inboxLimit: 1 }, 4);
    const filler = plant(round, 1, 2);
    const packet = plant(round, 0, 3, { kind: "flood" }).payload;
    play(round, flood(round, 0));
    const { events } = play(round); // copies reach 1 (full), 2 and 3 (the destination)
    expect(events.filter((event) => event.type === "drop")).toMatchObject([
      { cause: "queue-full", node: 1 },
    ]);
    expect(round.game.stats.floods[packet.id]!.reached).toBe(3);
    expect(routing.view(round, 1).seenFloods).toEqual([]);
    play(round, by(1, { type: "drop", packet: filler.id }), flood(round, 2));
    idle(round, 1);
    expect(inboxOf(round, 1).map((message) => message.payload.id)).toEqual([packet.id]);
    expect(round.game.stats.floods[packet.id]!.reached).toBe(4);
  });

  it("R6: unicast rounds have no flood figures", () => {
    const round = routingRound({}, 3);
    play(round, host({ type: "burst", count: 2 }));
    expect(routing.debrief(round).floods).toBeNull();
  });
});

describe("R7 reliable variant", () => {
  /** A two-node reliable round with one data packet from `src` to `dst`. */
  function reliablePair(config: Record<string, unknown> = {}) {
    const round = routingRound({ variant: "reliable", ttl: 8, retransmitTimeout: 5, ...config }, 2);
    play(round, host({ type: "burst", count: 1 }));
    const src = inboxOf(round, 0).length === 1 ? 0 : 1;
    return { round, src, dst: 1 - src, data: onlyEntry(round, src).payload };
  }

  it("R7: data packets carry per-sender sequence numbers 1, 2, 3 …", () => {
    const round = routingRound({ variant: "reliable", inboxLimit: 64 }, 3);
    play(round, host({ type: "burst", count: 12 }));
    for (let node = 0; node < 3; node++) {
      const seqs = inboxOf(round, node).map((message) => message.payload.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
      expect(round.game.unacked[node]!.map((entry) => entry.seq)).toEqual(seqs);
      expect(round.game.nextSeq[node]).toBe(seqs.length + 1);
    }
  });

  it("R7: the sender sees the packet unacked, with its retransmit timeout", () => {
    const { round, src, dst, data } = reliablePair();
    expect(routing.view(round, src).unacked).toEqual([
      { seq: 1, id: data.id, dst, sentAt: 1, timeoutAt: 6, tries: 1 },
    ]);
  });

  it("R7: the receiver acks; the ack travels back and clears the sender's unacked entry", () => {
    const { round, src, dst, data } = reliablePair();
    walk(round, [src, dst]);
    expect(routing.view(round, dst).received).toEqual([{ src, seq: 1 }]);
    const ack = onlyEntry(round, dst).payload;
    expect(ack).toMatchObject({ kind: "ack", src: dst, dst: src, seq: 1, hops: [dst] });
    expect(ack.id).not.toBe(data.id);
    walk(round, [dst, src]);
    expect(routing.view(round, src).unacked).toEqual([]);
    // The sender learns of the delivery only through the ack (D4), which names its own packet.
    expect(routing.view(round, src).notices).toEqual([
      { kind: "acked", packet: data.id, at: dst, tick: 5 },
    ]);
    expect(round.game.stats).toMatchObject({ delivered: 1, arrived: 2, retransmits: 0 });
  });

  it("R7: retransmit sends the same packet again, with backoff on the next timeout", () => {
    const { round, src, dst, data } = reliablePair();
    idle(round, 5);
    const { rejections } = play(round, by(src, { type: "retransmit", seq: 1 }));
    expect(rejections).toEqual([]);
    const copies = inboxOf(round, src).map((message) => message.payload);
    expect(copies).toHaveLength(2);
    expect(copies[1]).toMatchObject({ id: data.id, seq: 1, src, dst, hops: [src], createdAt: 7 });
    expect(round.game.unacked[src]).toEqual([
      { seq: 1, id: data.id, dst, sentAt: 7, timeoutAt: 7 + 10, tries: 2 },
    ]);
    expect(round.game.stats.retransmits).toBe(1);
  });

  it("R7: only a sequence number still unacked may be retransmitted (R7 routing.not-unacked)", () => {
    const { round, src, dst } = reliablePair();
    expect(rejectionOf(round, by(src, { type: "retransmit", seq: 2 }))).toEqual({
      rule: "R7",
      code: "routing.not-unacked",
      params: { seq: 2 },
    });
    expect(rejectionOf(round, by(dst, { type: "retransmit", seq: 1 }))?.code).toBe(
      "routing.not-unacked",
    );
    walk(round, [src, dst]);
    walk(round, [dst, src]);
    expect(rejectionOf(round, by(src, { type: "retransmit", seq: 1 }))?.code).toBe(
      "routing.not-unacked",
    );
    expect(round.game.stats.retransmits).toBe(0);
  });

  it("R7: outside the reliable variant there is nothing to retransmit (R7 routing.not-reliable)", () => {
    const round = routingRound({}, 2);
    expect(rejectionOf(round, by(0, { type: "retransmit", seq: 1 }))).toEqual({
      rule: "R7",
      code: "routing.not-reliable",
    });
  });

  it("R7: a duplicate is detected at the receiver, not delivered twice, and acked again", () => {
    const { round, src, dst, data } = reliablePair();
    play(round, by(src, { type: "retransmit", seq: 1 }));
    const [first, second] = inboxOf(round, src);
    play(round, forward(round, src, dst, first!.id), forward(round, src, dst, second!.id));
    const { events } = play(round);
    expect(events.filter((event) => event.type === "delivered")).toHaveLength(1);
    expect(ended(events)).toEqual([["duplicate", dst]]);
    expect(round.game.stats).toMatchObject({ delivered: 1, latencies: [3] });
    expect(round.game.score[src]).toBe(1); // scored once
    const acks = inboxOf(round, dst).map((message) => message.payload);
    expect(acks.map((ack) => [ack.kind, ack.seq, ack.dst])).toEqual([
      ["ack", 1, src],
      ["ack", 1, src],
    ]);
    expect(routing.view(round, dst).received).toEqual([{ src, seq: data.seq }]);
    expect(ledger(round).accounted).toBe(ledger(round).created);
  });

  it("R7: a late ack for a packet already acked changes nothing", () => {
    const { round, src, dst } = reliablePair();
    play(round, by(src, { type: "retransmit", seq: 1 }));
    const [first, second] = inboxOf(round, src);
    play(round, forward(round, src, dst, first!.id), forward(round, src, dst, second!.id));
    idle(round, 1);
    const [ackOne, ackTwo] = inboxOf(round, dst);
    play(round, forward(round, dst, src, ackOne!.id), forward(round, dst, src, ackTwo!.id));
    idle(round, 1);
    expect(round.game.unacked[src]).toEqual([]);
    expect(round.game.stats.arrived).toBe(3); // one data packet, two acks
    expect(routing.view(round, src).notices.filter((n) => n.kind === "acked")).toHaveLength(1);
    expect(ledger(round).accounted).toBe(ledger(round).created);
  });
});
