import type { RoutingHostView } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import { liveNetworkOf } from "./classroom.ts";

const node = (name: string, bot: string | null) => ({
  node: 0,
  name,
  bot,
  up: true,
  x: 0.5,
  y: 0.5,
  inbox: 0,
  score: 0,
  group: 0,
});

const view = (nodes: ReturnType<typeof node>[]) =>
  ({ nodes, links: [] }) as unknown as RoutingHostView;

describe("the console's drawing", () => {
  it("D5: a student's node that a bot plays while the student is away says so", () => {
    const network = liveNetworkOf(
      view([node("Ada", null), node("Ben", "shortest-path"), node("", "shortest-path")]),
      null,
      (name) => `${name} (bot)`,
    );
    expect(network.nodes.map((entry) => entry.name)).toEqual(["Ada", "Ben (bot)", ""]);
  });

  it("keeps the same object while nothing it draws changed", () => {
    const first = liveNetworkOf(view([node("Ada", null)]), null);
    expect(liveNetworkOf(view([node("Ada", null)]), first)).toBe(first);
    expect(liveNetworkOf(view([node("Ada", "random")]), first, (name) => `${name}*`)).not.toBe(
      first,
    );
  });
});
