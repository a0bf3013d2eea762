import { describe, expect, it } from "vitest";
import { seedRng } from "../rng.ts";
import {
  createNet,
  type Drop,
  deliver,
  HEALTH_WINDOW,
  inject,
  linkBetween,
  type Message,
  messagesHeld,
  type NetEvent,
  type NetHooks,
  type NetState,
  send,
  setLinkUp,
  transmit,
} from "./network.ts";
import { generateTopology, type TopologyOptions } from "./topology.ts";

/** A bare network carrying strings, driven tick by tick the way `step` drives it. */
function bareNet(
  options: Partial<TopologyOptions> = {},
  net: { inboxLimit?: number; seed?: number } = {},
) {
  const topology = generateTopology(
    { preset: "line", size: 3, latency: [1, 1], ...options },
    seedRng(1),
  );
  const state = createNet<string>(topology, net);
  const rng = seedRng(net.seed ?? 2);
  const events: (NetEvent<string> & { tick: number })[] = [];
  const drops: Drop<string>[] = [];
  let consume = (_message: Message<string>) => false;
  let tick = 0;
  const hooks: NetHooks<string> = {
    arrive: (message) => consume(message),
    dropped: (lost) => drops.push(lost),
    emit: (event) => events.push({ ...event, tick }),
  };
  return {
    net: state,
    hooks,
    events,
    drops,
    rng,
    get tick() {
      return tick;
    },
    consumeWhen(predicate: (message: Message<string>) => boolean) {
      consume = predicate;
    },
    send(from: number, to: number, payload: string) {
      return send(state, hooks, from, to, payload, tick);
    },
    /** One tick: arrivals, then whatever is queued goes on the wire (as in `step`). */
    advance(ticks = 1) {
      for (let i = 0; i < ticks; i++) {
        tick++;
        deliver(state, hooks, tick);
        transmit(state, hooks, tick, rng);
      }
    },
    /** Queue now and put it on the wire in this same tick, as an input at tick t would be. */
    sendNow(from: number, to: number, payload: string) {
      const sent = send(state, hooks, from, to, payload, tick);
      transmit(state, hooks, tick, rng);
      return sent;
    },
    arrivals: () => events.filter((event) => event.type === "arrive"),
  };
}

const payloads = (net: NetState<string>, node: number) =>
  net.inbox[node]!.map((message) => message.payload);

describe("N2 links carry messages with latency, jitter and loss", () => {
  it("N2: a message sent at tick t over a link with latency L arrives at t + L, not before", () => {
    const wire = bareNet({ latency: [4, 4] });
    wire.advance(3);
    const sent = wire.sendNow(0, 1, "hello");
    expect(sent).toMatchObject({ from: 0, to: 1, sentAt: 3, arriveAt: 7 });
    wire.advance(3);
    expect(payloads(wire.net, 1)).toEqual([]);
    expect(wire.net.inFlight).toHaveLength(1);
    wire.advance(1);
    expect(payloads(wire.net, 1)).toEqual(["hello"]);
    expect(wire.arrivals().map((event) => event.tick)).toEqual([7]);
    expect(wire.net.inFlight).toHaveLength(0);
  });

  it("N2: jitter adds a seeded 0..jitter ticks to each message's latency", () => {
    const arrivalsWith = (seed: number) => {
      const wire = bareNet({ latency: [3, 3], jitter: 4, capacity: 100 }, { seed });
      for (let i = 0; i < 100; i++) wire.send(0, 1, `m${i}`);
      wire.advance(1);
      return wire.net.inFlight.map((message) => message.arriveAt - message.sentAt);
    };
    const delays = arrivalsWith(2);
    expect(new Set(delays)).toEqual(new Set([3, 4, 5, 6, 7]));
    expect(arrivalsWith(2)).toEqual(delays);
    expect(arrivalsWith(3)).not.toEqual(delays);
  });

  it("N2: without jitter every message takes exactly the link's latency", () => {
    const wire = bareNet({ latency: [6, 6], capacity: 50 });
    for (let i = 0; i < 50; i++) wire.send(1, 2, `m${i}`);
    wire.advance(1);
    expect(new Set(wire.net.inFlight.map((message) => message.arriveAt))).toEqual(new Set([7]));
  });

  it("N2: loss 1 loses every message at send time, with cause loss at the sender", () => {
    const wire = bareNet({ loss: 1 });
    wire.sendNow(0, 1, "gone");
    expect(wire.net.inFlight).toEqual([]);
    expect(wire.drops).toMatchObject([{ cause: "loss", node: 0, link: 0, payload: "gone" }]);
    expect(wire.events).toMatchObject([{ type: "drop", cause: "loss", tick: 0 }]);
    wire.advance(5);
    expect(payloads(wire.net, 1)).toEqual([]);
    expect(wire.net.drops.loss).toBe(1);
  });

  it("N2: loss is drawn from the seeded PRNG — a fraction near p, the same for the same seed", () => {
    const lostWith = (seed: number) => {
      const wire = bareNet({ loss: 0.3, capacity: 20 }, { seed, inboxLimit: 1000 });
      for (let i = 0; i < 400; i++) {
        wire.send(0, 1, `m${i}`);
        if (i % 20 === 19) wire.advance(1);
      }
      expect(wire.drops.every((lost) => lost.cause === "loss")).toBe(true);
      expect(wire.drops.length + wire.arrivals().length + wire.net.inFlight.length).toBe(400);
      return wire.drops.map((lost) => lost.payload);
    };
    const lost = lostWith(4);
    expect(lost.length).toBeGreaterThan(80);
    expect(lost.length).toBeLessThan(160);
    expect(lostWith(4)).toEqual(lost);
    expect(lostWith(5)).not.toEqual(lost);
  });

  it("N2: loss is decided when the message goes on the wire, not when it arrives", () => {
    const wire = bareNet({ latency: [3, 3] });
    wire.sendNow(0, 1, "on its way");
    wire.net.links[0]!.loss = 1;
    wire.advance(3);
    expect(payloads(wire.net, 1)).toEqual(["on its way"]);
    expect(wire.net.drops.loss).toBe(0);
  });

  it("N2: a message can only be sent along a link that exists", () => {
    const wire = bareNet();
    expect(linkBetween(wire.net, 0, 2)).toBeUndefined();
    expect(() => wire.send(0, 2, "no road")).toThrow(RangeError);
    expect(messagesHeld(wire.net)).toBe(0);
  });

  it("N2: sending over a link that is down drops the message at once with cause link-down", () => {
    const wire = bareNet();
    setLinkUp(wire.net, 0, false);
    expect(wire.send(0, 1, "blocked")).toBe("link-down");
    expect(wire.drops).toMatchObject([{ cause: "link-down", node: 0, link: 0, message: null }]);
    expect(messagesHeld(wire.net)).toBe(0);
  });

  it("N2: a message on the wire when its link is cut is lost on arrival (link-down)", () => {
    const wire = bareNet({ latency: [3, 3] });
    wire.sendNow(0, 1, "cut off");
    wire.advance(1);
    setLinkUp(wire.net, 0, false);
    wire.advance(1);
    expect(wire.net.inFlight).toHaveLength(1); // still travelling until its arrival tick
    wire.advance(1);
    expect(wire.net.inFlight).toHaveLength(0);
    expect(payloads(wire.net, 1)).toEqual([]);
    expect(wire.drops).toMatchObject([
      { cause: "link-down", node: 1, link: 0, payload: "cut off" },
    ]);
    expect(wire.arrivals()).toEqual([]);
  });

  it("N2: a message waiting in the outbound queue when its link is cut is lost (link-down)", () => {
    const wire = bareNet({ capacity: 1 });
    wire.send(0, 1, "first");
    wire.send(0, 1, "second");
    wire.advance(1); // "first" goes, "second" waits
    setLinkUp(wire.net, 0, false);
    wire.advance(1);
    expect(wire.drops.map((lost) => [lost.payload, lost.cause])).toEqual([
      ["first", "link-down"],
      ["second", "link-down"],
    ]);
  });

  it("N2: a healed link carries again", () => {
    const wire = bareNet();
    setLinkUp(wire.net, 0, false);
    setLinkUp(wire.net, 0, true);
    wire.sendNow(0, 1, "through");
    wire.advance(1);
    expect(payloads(wire.net, 1)).toEqual(["through"]);
  });

  it("N2: the sender's link health records arrivals and losses and the measured latency", () => {
    const wire = bareNet({ latency: [2, 2] });
    expect(wire.net.measured[0]).toBe(-1);
    wire.sendNow(0, 1, "a");
    wire.advance(2);
    expect(wire.net.health[0]).toEqual([1]);
    expect(wire.net.measured[0]).toBe(2);
    wire.net.links[0]!.loss = 1;
    for (let i = 0; i < HEALTH_WINDOW + 2; i++) wire.sendNow(0, 1, `lost${i}`);
    expect(wire.net.health[0]).toEqual(Array.from({ length: HEALTH_WINDOW }, () => 0));
  });
});

describe("N3 capacity and bounded queues", () => {
  it("N3: a link carries at most capacity messages per tick; the rest wait in the sender's queue", () => {
    const wire = bareNet({ capacity: 2, latency: [5, 5] });
    for (const payload of ["a", "b", "c", "d", "e"]) wire.send(0, 1, payload);
    wire.advance(1);
    expect(wire.net.inFlight.map((message) => message.payload)).toEqual(["a", "b"]);
    expect(wire.net.outbox[0]!.map((message) => message.payload)).toEqual(["c", "d", "e"]);
    wire.advance(2);
    const sentAt = wire.net.inFlight.map((message) => [message.payload, message.sentAt]);
    expect(sentAt).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 2],
      ["d", 2],
      ["e", 3],
    ]);
    expect(wire.net.inFlight.every((message) => message.queuedAt === 0)).toBe(true);
  });

  it("N3: capacity is per direction — both ends of a link send their own quota", () => {
    const wire = bareNet({ capacity: 1, latency: [5, 5] });
    wire.send(0, 1, "right");
    wire.send(0, 1, "right again");
    wire.send(1, 0, "left");
    wire.advance(1);
    expect(wire.net.inFlight.map((message) => message.payload)).toEqual(["right", "left"]);
  });

  it("N3: the outbound queue is bounded too; a message beyond it is dropped (queue-full)", () => {
    const topology = generateTopology({ preset: "line", size: 2 }, seedRng(1));
    const net = createNet<string>(topology, { outboxLimit: 3 });
    const drops: Drop<string>[] = [];
    const hooks: NetHooks<string> = {
      arrive: () => false,
      dropped: (d) => drops.push(d),
      emit() {},
    };
    for (const payload of ["a", "b", "c"])
      expect(typeof send(net, hooks, 0, 1, payload, 0)).toBe("object");
    expect(send(net, hooks, 0, 1, "d", 0)).toBe("queue-full");
    expect(drops).toMatchObject([{ cause: "queue-full", node: 0, payload: "d" }]);
  });

  it("N3: every inbox holds at most 8 messages by default; the 9th arrival is dropped (queue-full)", () => {
    const wire = bareNet({ capacity: 20 });
    expect(wire.net.inboxLimit).toBe(8);
    for (let i = 0; i < 9; i++) wire.send(0, 1, `m${i}`);
    wire.advance(2);
    expect(wire.net.inbox[1]).toHaveLength(8);
    expect(wire.drops).toMatchObject([{ cause: "queue-full", node: 1, link: 0, payload: "m8" }]);
    expect(wire.events.filter((event) => event.type === "drop")).toHaveLength(1);
    expect(wire.net.drops["queue-full"]).toBe(1);
  });

  it("N3: the inbox limit is configurable, and a message a node makes itself is bounded too", () => {
    const wire = bareNet({}, { inboxLimit: 2 });
    for (const payload of ["a", "b"])
      expect(typeof inject(wire.net, wire.hooks, 0, payload, 0)).toBe("object");
    expect(inject(wire.net, wire.hooks, 0, "c", 0)).toBe("queue-full");
    expect(payloads(wire.net, 0)).toEqual(["a", "b"]);
    expect(wire.drops).toMatchObject([{ cause: "queue-full", node: 0, link: null, payload: "c" }]);
  });

  it("N3: a message the receiving mode consumes (it was for this node) is not stopped by a full inbox", () => {
    const wire = bareNet({}, { inboxLimit: 1 });
    inject(wire.net, wire.hooks, 1, "filler", 0);
    wire.consumeWhen((message) => message.payload === "for you");
    wire.sendNow(0, 1, "for you");
    wire.sendNow(0, 1, "for the inbox");
    wire.advance(1);
    expect(wire.arrivals().map((event) => event.message.payload)).toEqual(["for you"]);
    expect(wire.drops).toMatchObject([{ cause: "queue-full", payload: "for the inbox" }]);
    expect(payloads(wire.net, 1)).toEqual(["filler"]);
  });
});
