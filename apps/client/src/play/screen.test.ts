import { describe, expect, it } from "vitest";
import { readDebrief, readScreen } from "./screen.ts";

const seat = { playerId: "p-ada", nickname: "Ada" };

/** A student's state as `toJSON()` gives it (docs/protocol.md): its own router entry only. */
const running = {
  code: "ABC234",
  phase: "running",
  mode: "routing",
  tick: 120,
  countdown: 0,
  players: {
    "p-ada": { id: "p-ada", nickname: "Ada", node: 2, connected: true },
    "p-bob": { id: "p-bob", nickname: "Bob", node: 0, connected: false },
    "p-cy": { id: "p-cy", nickname: "Cy", node: -1, connected: true },
  },
  routing: {
    nodes: {
      "2": {
        node: 2,
        up: true,
        variant: "reliable",
        ttl: 8,
        inboxLimit: 8,
        score: 3,
        deliveryRate: 0.5,
        inbox: [
          {
            entry: 7,
            id: 4,
            src: 2,
            dst: 0,
            ttl: 8,
            kind: "data",
            seq: 1,
            from: -1,
            arrivedAt: 100,
            hints: "",
          },
          {
            entry: 9,
            id: 5,
            src: 1,
            dst: 0,
            ttl: 5,
            kind: "ack",
            seq: -1,
            from: 1,
            arrivedAt: 118,
            hints: "1,-1",
          },
        ],
        neighbours: [
          { node: 0, name: "Bob", link: 3, up: true, latency: -1, acked: 0, sent: 0, dx: 1, dy: 0 },
        ],
        unacked: [{ seq: 1, id: 4, dst: 0, sentAt: 100, timeoutAt: 300, tries: 1 }],
        received: [],
        seenFloods: [],
        notices: [],
      },
    },
  },
};

describe("the phone's reading of the room state", () => {
  it("D4, R2: its own router's entry becomes the engine's RoutingView", () => {
    const screen = readScreen(running, seat);
    expect(screen).toMatchObject({ phase: "running", nickname: "Ada", players: 3, node: 2 });
    expect(screen.view?.tick).toBe(120);
    expect(screen.view?.inbox).toEqual([
      {
        entry: 7,
        id: 4,
        src: 2,
        dst: 0,
        ttl: 8,
        kind: "data",
        seq: 1,
        age: 20,
        from: null,
        hints: null,
      },
      {
        entry: 9,
        id: 5,
        src: 1,
        dst: 0,
        ttl: 5,
        kind: "ack",
        seq: null,
        age: 2,
        from: 1,
        hints: [1, -1],
      },
    ]);
    expect(screen.view?.unacked).toHaveLength(1);
  });

  it("P3: nodes are named after the students who play them; a bot's node has no name", () => {
    const { names } = readScreen(running, seat);
    expect(names[2]).toBe("Ada");
    expect(names[0]).toBe("Bob");
    expect(names[1]).toBeUndefined();
  });

  it("P5: the lobby has no view, the countdown its seconds", () => {
    expect(readScreen({ phase: "lobby", players: {} }, seat)).toMatchObject({
      phase: "lobby",
      node: null,
      view: null,
      nickname: "Ada",
      countdown: null,
    });
    expect(readScreen({ phase: "countdown", countdown: 2 }, seat).countdown).toBe(2);
    expect(readScreen({ phase: "nonsense" }, seat).phase).toBe("lobby");
  });

  it("R9: the debrief message gives the class's figures, the baseline's and the student's score", () => {
    const message = {
      mode: "routing",
      endTick: 300,
      summary: {
        class: { deliveryRate: 0.25, delivered: 1, generated: 4 },
        baseline: { deliveryRate: 1 },
      },
      node: 2,
      score: 3,
    };
    expect(readDebrief(message)).toEqual({
      mode: "routing",
      deliveryRate: 0.25,
      delivered: 1,
      generated: 4,
      score: 3,
      baselineRate: 1,
    });
    expect(readDebrief({ summary: null })).toBeNull();
  });
});
