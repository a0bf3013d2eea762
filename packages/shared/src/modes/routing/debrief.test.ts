import { describe, expect, it } from "vitest";
import { by, host, idle, onlyEntry, plant, play, routingRound, walk } from "../../testing.ts";
import { routing } from "./index.ts";
import { countAt, createTimeline, TIMELINE_LIMIT, timelineTo } from "./timeline.ts";

describe("R9 debrief", () => {
  it("R9: delivery rate, latencies, drops, stretch, hottest links and top routers of a round", () => {
    const round = routingRound({ preset: "ring" }, 6);
    plant(round, 0, 3);
    walk(round, [0, 1, 2, 3]); // shortest: 3 hops in 6 ticks
    plant(round, 0, 2);
    walk(round, [0, 5, 4, 3, 2]); // 4 hops where 2 would do, in 8 ticks
    plant(round, 1, 4);
    play(round, by(1, { type: "drop", packet: onlyEntry(round, 1).id }));

    const debrief = routing.debrief(round);
    expect(debrief).toMatchObject({
      ticks: 15,
      generated: 3,
      delivered: 2,
      deliveryRate: 2 / 3,
      latency: { p50: 8, p95: 8, max: 8, mean: 7, histogram: [2] },
      stretch: 1.5, // (3/3 + 4/2) / 2
      floods: null,
      retransmits: 0,
    });
    expect(debrief.ends).toMatchObject({ discard: 1, loss: 0, ttl: 0 });
    expect(debrief.hottestLinks).toEqual([
      { link: 2, a: 2, b: 3, carried: 2 },
      { link: 0, a: 0, b: 1, carried: 1 },
      { link: 1, a: 1, b: 2, carried: 1 },
      { link: 3, a: 3, b: 4, carried: 1 },
      { link: 4, a: 4, b: 5, carried: 1 },
    ]);
    expect(debrief.topRouters).toEqual([
      { node: 0, name: "n0", score: 2 },
      { node: 1, name: "n1", score: 1 },
      { node: 2, name: "n2", score: 1 },
      { node: 3, name: "n3", score: 1 },
      { node: 4, name: "n4", score: 1 },
    ]);
  });

  it("R9: the latency summary — percentiles, mean and a one-second histogram", () => {
    const round = routingRound({}, 2);
    round.game.stats.latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(routing.debrief(round).latency).toEqual({
      p50: 51,
      p95: 96,
      max: 100,
      mean: 50.5,
      histogram: [9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 1],
    });
  });

  it("R9: a round without deliveries has no latency or stretch figures and a rate of 0", () => {
    const round = routingRound({}, 3);
    play(round, host({ type: "burst", count: 3 }));
    expect(routing.debrief(round)).toMatchObject({
      generated: 3,
      delivered: 0,
      deliveryRate: 0,
      latency: null,
      stretch: null,
      hottestLinks: [],
    });
  });

  it("R9: stretch is measured against the network as built, not as the faults left it", () => {
    const round = routingRound({ preset: "ring" }, 6);
    play(round, host({ type: "cut", link: 1 })); // 1–2
    plant(round, 0, 2);
    walk(round, [0, 5, 4, 3, 2]);
    expect(routing.debrief(round).stretch).toBe(2);
  });

  it("R9: retransmissions are counted", () => {
    const round = routingRound({ variant: "reliable" }, 2);
    play(round, host({ type: "burst", count: 1 }));
    const src = round.game.unacked[0]!.length > 0 ? 0 : 1;
    play(round, by(src, { type: "retransmit", seq: 1 }));
    play(round, by(src, { type: "retransmit", seq: 1 }));
    expect(routing.debrief(round).retransmits).toBe(2);
  });

  it("R9: the timeline counts deliveries and losses per five seconds, to the round's last tick", () => {
    const round = routingRound({ preset: "ring" }, 6);
    plant(round, 0, 3);
    walk(round, [0, 1, 2, 3]); // delivered at tick 6
    idle(round, 50);
    plant(round, 1, 4);
    play(round, by(1, { type: "drop", packet: onlyEntry(round, 1).id })); // lost at tick 57
    idle(round, 60); // tick 117: a third, shorter bucket with nothing in it

    expect(routing.debrief(round).timeline).toEqual({
      bucketTicks: 50,
      delivered: [1, 0, 0],
      lost: [0, 1, 0],
    });
  });

  it("R9: losses on the network (N6) count in the timeline, duplicates do not", () => {
    const round = routingRound({ preset: "ring" }, 4);
    play(round, host({ type: "crash", node: 2 }));
    plant(round, 1, 3);
    play(round, by(1, { type: "forward", packet: onlyEntry(round, 1).id, to: 2 }));
    idle(round, 2);
    const debrief = routing.debrief(round);
    expect(debrief.ends["node-down"]).toBe(1);
    expect(debrief.timeline.lost).toEqual([1]);

    const flood = routingRound({ preset: "ring", variant: "flood" }, 4);
    plant(flood, 0, 2, { kind: "flood" });
    play(flood, by(0, { type: "flood", packet: onlyEntry(flood, 0).id })); // to 1 and 3
    idle(flood, 1);
    play(flood, by(1, { type: "flood", packet: onlyEntry(flood, 1).id })); // 1 → 2: delivered
    play(flood, by(3, { type: "flood", packet: onlyEntry(flood, 3).id })); // 3 → 2: duplicate
    idle(flood, 2);
    const flooded = routing.debrief(flood);
    expect(flooded.ends.duplicate).toBe(1);
    expect(flooded.timeline).toMatchObject({ delivered: [1], lost: [0] });
  });

  it("R9: a long round's timeline stays bounded: neighbouring buckets merge, the counts stay", () => {
    const timeline = createTimeline();
    for (let tick = 1; tick <= 50 * TIMELINE_LIMIT; tick++) countAt(timeline, tick, "delivered");
    expect(timeline.delivered).toHaveLength(TIMELINE_LIMIT);
    countAt(timeline, 50 * TIMELINE_LIMIT + 1, "lost");
    expect(timeline.bucketTicks).toBe(100);
    expect(timeline.delivered).toEqual(Array.from({ length: TIMELINE_LIMIT / 2 }, () => 100));
    expect(timeline.lost).toEqual([...Array.from({ length: TIMELINE_LIMIT / 2 }, () => 0), 1]);

    const late = timelineTo(createTimeline(), 50 * TIMELINE_LIMIT * 3);
    expect(late.bucketTicks).toBe(200);
    expect(late.delivered).toHaveLength(45);
  });

  it("R9: a round of bots: the timeline adds up to the round's deliveries and losses", () => {
    const round = routingRound({ preset: "ring", trafficRate: 5 }, 6, {
      bots: Array.from({ length: 6 }, () => "shortest-path"),
    });
    idle(round, 170);
    const { timeline, delivered, ends } = routing.debrief(round);
    expect(delivered).toBeGreaterThan(0);
    expect(timeline.bucketTicks).toBe(50);
    expect(timeline.delivered).toHaveLength(4);
    expect(timeline.delivered.reduce((sum, count) => sum + count, 0)).toBe(delivered);
    const lost = Object.entries(ends)
      .filter(([end]) => end !== "duplicate")
      .reduce((sum, [, count]) => sum + count, 0);
    expect(timeline.lost.reduce((sum, count) => sum + count, 0)).toBe(lost);
  });
});
