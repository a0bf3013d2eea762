import { describe, expect, it } from "vitest";
import { createRound, step } from "../../engine/round.ts";
import { linkBetween } from "../../net/network.ts";
import { seedRng } from "../../rng.ts";
import {
  host,
  idle,
  inboxOf,
  onlyEntry,
  plant,
  play,
  routingRound,
  seatsOf,
} from "../../testing.ts";
import type { RoutingRound } from "./actions.ts";
import { bot } from "./bot.ts";
import { routing } from "./index.ts";

/** What the bot of `kind` at `node` would do now, over many draws of its random choices. */
function choices(round: RoutingRound, node: number, kind: string): Set<string> {
  const seen = new Set<string>();
  const rng = seedRng(3);
  for (let i = 0; i < 64; i++) seen.add(JSON.stringify(bot(routing.view(round, node), kind, rng)));
  return seen;
}

describe("D5 routing bots", () => {
  it("D5: the shortest-path bot forwards towards the destination on a shortest live path", () => {
    const round = routingRound({}, 6, { bots: ["shortest-path"] });
    const entry = plant(round, 0, 2);
    expect(choices(round, 0, "shortest-path")).toEqual(
      new Set([JSON.stringify({ type: "forward", packet: entry.id, to: 1 })]),
    );
  });

  it("D5: the shortest-path bot takes the long way round when the short one is cut, and drops without a route", () => {
    const round = routingRound({ preset: "ring" }, 6, { bots: ["shortest-path"] });
    const entry = plant(round, 0, 2);
    play(round, host({ type: "cut", link: linkBetween(round.net, 0, 1)! }));
    expect(choices(round, 0, "shortest-path")).toEqual(
      new Set([JSON.stringify({ type: "forward", packet: entry.id, to: 5 })]),
    );
    play(round, host({ type: "crash", node: 4 }));
    expect(choices(round, 0, "shortest-path")).toEqual(
      new Set([JSON.stringify({ type: "drop", packet: entry.id })]),
    );
  });

  it("D5: the shortest-path bot picks at random between equally short ways", () => {
    const round = routingRound({ preset: "ring" }, 6, { bots: ["shortest-path"] });
    const entry = plant(round, 0, 3);
    expect(choices(round, 0, "shortest-path")).toEqual(
      new Set([1, 5].map((to) => JSON.stringify({ type: "forward", packet: entry.id, to }))),
    );
  });

  it("D5: the random bot does not send a packet straight back when it has another way", () => {
    const round = routingRound({ preset: "star" }, 5, { bots: ["random"] });
    plant(round, 1, 4);
    play(round, { actor: 1, action: { type: "forward", packet: onlyEntry(round, 1).id, to: 0 } });
    idle(round, 1);
    const entry = onlyEntry(round, 0);
    expect(choices(round, 0, "random")).toEqual(
      new Set([2, 3, 4].map((to) => JSON.stringify({ type: "forward", packet: entry.id, to }))),
    );
  });

  it("D5: the flooding bot floods the oldest packet; every bot idles on an empty inbox", () => {
    const round = routingRound({ preset: "star", variant: "flood" }, 4);
    expect(bot(routing.view(round, 0), "flooding", seedRng(1))).toBeNull();
    const first = plant(round, 0, 3, { kind: "flood" });
    plant(round, 0, 2, { kind: "flood" });
    expect(bot(routing.view(round, 0), "flooding", seedRng(1))).toEqual({
      type: "flood",
      packet: first.id,
    });
  });

  it("R7: a bot retransmits a packet whose timeout has passed before it routes its inbox", () => {
    // Humans sit at both nodes (so nothing moves by itself), with hints on for the bot to read.
    const round = routingRound({ variant: "reliable", retransmitTimeout: 4, hints: true }, 2);
    play(round, host({ type: "burst", count: 1 }));
    const src = inboxOf(round, 0).length === 1 ? 0 : 1;
    idle(round, 3);
    expect(bot(routing.view(round, src), "shortest-path", seedRng(1))?.type).toBe("forward");
    idle(round, 1);
    expect(bot(routing.view(round, src), "shortest-path", seedRng(1))).toEqual({
      type: "retransmit",
      seq: 1,
    });
  });

  it("D5: a bot keeps routing after the teacher switches from the reliable variant to another", () => {
    const round = routingRound({ variant: "reliable", retransmitTimeout: 2, botThinkTicks: 1 }, 2, {
      bots: ["shortest-path", "shortest-path"],
    });
    // A link that loses everything: the data packet and its retransmissions never get through.
    play(round, host({ type: "set-loss", link: 0, loss: 1 }), host({ type: "burst", count: 1 }));
    idle(round, 6);
    const src = round.game.unacked[0]!.length > 0 ? 0 : 1;
    expect(round.game.unacked[src]).toHaveLength(1);
    play(round, host({ type: "configure", variant: "unicast" }));
    idle(round, 40); // long past the (backed-off) timeout of the old unacked packet
    plant(round, src, 1 - src);
    idle(round, 5);
    // The bot still decides: it forwards (and the lossy link loses) instead of stalling.
    expect(inboxOf(round, src)).toEqual([]);
    expect(round.game.stats.ends.loss).toBeGreaterThanOrEqual(4);
  });
});

describe("D5 bot view", () => {
  it("D5: a bot decides the same on its small bot view as on the router's full view", () => {
    const round = createRound(
      routing,
      { preset: "small-world", trafficRate: 20, inboxLimit: 16 },
      seatsOf(
        20,
        Array.from({ length: 20 }, () => "shortest-path"),
      ),
      3,
    );
    let compared = 0;
    for (let t = 0; t < 200; t++) {
      step(routing, round, []);
      for (let node = 0; node < 20; node++) {
        const small = routing.botView(round, node);
        if (small === null) {
          expect(round.net.inbox[node]).toEqual([]);
          continue;
        }
        const a = routing.bot(small, "shortest-path", seedRng(t));
        const b = routing.bot(routing.view(round, node), "shortest-path", seedRng(t));
        expect(a).toEqual(b);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
