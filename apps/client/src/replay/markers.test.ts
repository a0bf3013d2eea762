import { describe, expect, it } from "vitest";
import {
  DROP_QUIET_TICKS,
  DROP_RUN_TICKS,
  familyOf,
  hostEvent,
  lossesIn,
  MarkerCollector,
  markersAt,
  nextMarker,
  previousMarker,
} from "./markers.ts";

const host = (t: number, action: unknown) => ({ t, seq: t, actor: "host" as const, action });
const lost = { type: "drop", cause: "loss" };

describe("timeline markers", () => {
  it("N7: every fault, heal, burst and settings change of the teacher is an event", () => {
    expect(hostEvent({ type: "crash", node: 4 })).toEqual({ kind: "crash", node: 4 });
    expect(hostEvent({ type: "restart", node: 4 })).toEqual({ kind: "restart", node: 4 });
    expect(hostEvent({ type: "cut", link: 2 })).toEqual({ kind: "cut", link: 2 });
    expect(hostEvent({ type: "heal-link", link: 2 })).toEqual({ kind: "heal-link", link: 2 });
    expect(hostEvent({ type: "set-loss", link: null, loss: 0.3 })).toEqual({
      kind: "loss",
      link: null,
      percent: 30,
    });
    expect(hostEvent({ type: "set-latency", link: 1, latency: 20, jitter: 0 })).toEqual({
      kind: "latency",
      link: 1,
      ticks: 20,
    });
    expect(hostEvent({ type: "partition", groups: [[0, 1], [2]] })).toEqual({ kind: "partition" });
    expect(hostEvent({ type: "heal-all" })).toEqual({ kind: "heal-all" });
    expect(hostEvent({ type: "burst", count: 20 })).toEqual({ kind: "burst", count: 20 });
    expect(hostEvent({ type: "configure", ttl: 5 })).toEqual({ kind: "settings" });
  });

  it("D5, P6: a seat change marks nothing, nor does an input the engine refuses as malformed", () => {
    expect(hostEvent({ type: "seat", node: 1, name: "Ada", bot: null })).toBeNull();
    expect(hostEvent({ type: "crash", node: -1 })).toBeNull();
    expect(hostEvent({ type: "cut" })).toBeNull();
    expect(hostEvent("crash")).toBeNull();
    expect(hostEvent(null)).toBeNull();
  });

  it("each family has its own shape: faults, heals, traffic, losses, elections", () => {
    expect(familyOf({ kind: "partition" })).toBe("fault");
    expect(familyOf({ kind: "heal-all" })).toBe("heal");
    expect(familyOf({ kind: "burst", count: 3 })).toBe("traffic");
    expect(familyOf({ kind: "drops", cause: "ttl", count: 3, until: 9 })).toBe("drops");
    expect(familyOf({ kind: "elected", node: 1, term: 2 })).toBe("election");
  });

  it("N6: losses are the network's drops and a router's own ends, a flood's duplicate is none", () => {
    const events = [
      lost,
      { type: "ended", end: "ttl" },
      { type: "ended", end: "duplicate" },
      { type: "transmit" },
      { type: "delivered" },
    ];
    expect(lossesIn(events)).toEqual(
      new Map([
        ["loss", 1],
        ["ttl", 1],
      ]),
    );
  });

  it("N6: losses close together are one marker with their count; a quiet gap starts another", () => {
    const collector = new MarkerCollector([]);
    collector.tick(10, [lost, lost]);
    collector.tick(10 + DROP_QUIET_TICKS, [lost]);
    collector.tick(10 + 2 * DROP_QUIET_TICKS + 1, [lost]);
    expect(collector.finish()).toEqual([
      { tick: 10, event: { kind: "drops", cause: "loss", count: 3, until: 60 } },
      { tick: 111, event: { kind: "drops", cause: "loss", count: 1, until: 111 } },
    ]);
  });

  it("N6: each cause has runs of its own, so a new kind of loss shows amid steady TTL drops", () => {
    const collector = new MarkerCollector([]);
    const ttl = { type: "ended", end: "ttl" };
    for (let tick = 1; tick <= 100; tick++) collector.tick(tick, tick >= 40 ? [ttl, lost] : [ttl]);
    expect(collector.finish()).toEqual([
      { tick: 1, event: { kind: "drops", cause: "ttl", count: 100, until: 100 } },
      { tick: 40, event: { kind: "drops", cause: "loss", count: 61, until: 100 } },
    ]);
  });

  it("N6: a round that loses all the time still gets a loss marker every DROP_RUN_TICKS", () => {
    const collector = new MarkerCollector([]);
    for (let tick = 1; tick <= 2 * DROP_RUN_TICKS + 5; tick++) collector.tick(tick, [lost]);
    const ticks = collector.finish().map((marker) => marker.tick);
    expect(ticks).toEqual([1, 1 + DROP_RUN_TICKS, 1 + 2 * DROP_RUN_TICKS]);
  });

  it("E-rules: an elected leader is a marker; the markers come in tick order", () => {
    const collector = new MarkerCollector([
      host(40, { type: "crash", node: 2 }),
      host(5, { type: "burst", count: 10 }),
      { t: 7, seq: 9, actor: 3, action: { type: "drop", packet: 1 } },
    ]);
    collector.tick(20, [{ type: "elected", node: 1, cluster: 0, term: 2 }]);
    const markers = collector.finish();
    expect(markers).toEqual([
      { tick: 5, event: { kind: "burst", count: 10 } },
      { tick: 20, event: { kind: "elected", node: 1, term: 2 } },
      { tick: 40, event: { kind: "crash", node: 2 } },
    ]);
    expect(nextMarker(markers, 5)?.tick).toBe(20);
    expect(nextMarker(markers, 0)?.tick).toBe(5);
    expect(nextMarker(markers, 40)).toBeNull();
    expect(previousMarker(markers, 40)?.tick).toBe(20);
    expect(previousMarker(markers, 5)).toBeNull();
    expect(markersAt(markers, 20)).toHaveLength(1);
  });
});
