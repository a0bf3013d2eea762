import { describe, expect, it } from "vitest";
import { DROP_FLASH_MS, groupLetter, progressAt, TickClock, Traffic } from "./live.ts";

const transmit = (message: number, sentAt: number, arriveAt: number, kind = "data") => ({
  type: "transmit",
  message,
  packet: 100 + message,
  kind,
  from: 0,
  to: 1,
  sentAt,
  arriveAt,
});

describe("live drawing data", () => {
  it("N2: a transmitted packet flies until its arrival or its drop", () => {
    const traffic = new Traffic();
    traffic.apply([transmit(1, 10, 20), transmit(2, 10, 15, "ack")], 0);
    expect([...traffic.packets.keys()]).toEqual([1, 2]);
    expect(traffic.packets.get(2)).toMatchObject({ kind: "ack", packet: 102, from: 0, to: 1 });
    traffic.apply([{ type: "arrive", message: 2, packet: 102, kind: "ack", from: 0, to: 1 }], 0);
    traffic.apply(
      [{ type: "drop", message: 1, packet: 101, kind: "data", node: 1, cause: "loss" }],
      0,
    );
    expect(traffic.packets.size).toBe(0);
    expect(traffic.flashes).toEqual([{ key: "101@1", node: 1, cause: "loss", at: 0 }]);
  });

  it("N6: two reports of one packet's loss flash once; flashes fade", () => {
    const traffic = new Traffic();
    traffic.apply(
      [
        { type: "drop", message: -1, packet: 7, kind: "data", node: 3, cause: "ttl" },
        { type: "drop", message: 9, packet: 7, kind: "data", node: 3, cause: "ttl" },
        { type: "drop", message: -1, packet: 8, kind: "data", node: 3, cause: "discard" },
      ],
      1000,
    );
    // One node shows its latest loss.
    expect(traffic.flashes.map((flash) => flash.cause)).toEqual(["discard"]);
    traffic.prune(0, 1000 + DROP_FLASH_MS);
    expect(traffic.flashes).toEqual([]);
  });

  it("ignores events it cannot read instead of breaking the drawing", () => {
    const traffic = new Traffic();
    traffic.apply([null, 3, { type: "transmit", message: "x" }, { type: "created" }], 0);
    expect(traffic.packets.size).toBe(0);
  });

  it("D7: the clock moves smoothly between ticks, at the speed chosen, and stands still when paused", () => {
    const clock = new TickClock();
    clock.configure(100, 2, true);
    clock.observe(40, 1000);
    expect(clock.at(1000)).toBe(40);
    expect(clock.at(1025)).toBe(40.5);
    expect(clock.at(5000)).toBe(41);
    clock.configure(100, 2, false);
    expect(clock.at(1025)).toBe(40);
  });

  it("a packet's place on its link is its share of the way from sentAt to arriveAt", () => {
    const packet = {
      message: 1,
      packet: 1,
      kind: "data",
      from: 0,
      to: 1,
      sentAt: 10,
      arriveAt: 20,
    } as const;
    expect(progressAt(packet, 5)).toBe(0);
    expect(progressAt(packet, 12.5)).toBe(0.25);
    expect(progressAt(packet, 30)).toBe(1);
    expect(groupLetter(1)).toBe("A");
    expect(groupLetter(2)).toBe("B");
  });
});
