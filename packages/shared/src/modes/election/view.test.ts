import { describe, expect, it } from "vitest";
import { nextInt, seedRng } from "../../rng.ts";
import type { ElectionRound } from "./actions.ts";
import { election } from "./index.ts";
import { randomActs } from "./randomActs.ts";
import { validate } from "./rules.ts";
import { by, electionRound, host, idle, play } from "./testing.ts";

/** A busy manual round: students and bots, random actions, many cards in many inboxes. */
function busyRound(seed: number): ElectionRound {
  const round = electionRound(
    { assist: "manual", latency: [1, 3], electionTimeout: [15, 30], clusterSize: 4 },
    12,
    { seed, bots: ["raft", null, "raft", null, null, "raft"] },
  );
  round.net.nextMessageId = 900_001;
  const rng = seedRng(seed);
  for (let i = 0; i < 300; i++) play(round, ...randomActs(round, rng, nextInt(rng, 3)));
  return round;
}

describe("D4 a server's view is local", () => {
  it("D4: no view mentions a message held in another node's inbox", () => {
    let checked = 0;
    for (const seed of [1, 2, 3]) {
      const round = busyRound(seed);
      for (let node = 0; node < 12; node++) {
        const text = JSON.stringify(election.view(round, node));
        for (let other = 0; other < 12; other++) {
          if (other === node) continue;
          for (const message of round.net.inbox[other]!) {
            expect(text, `view of ${node} leaks ${message.id}`).not.toMatch(
              new RegExp(`\\b${message.id}\\b`),
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("D4: a view holds the node's own Raft state and its peers, nothing of the cluster's global state", () => {
    const round = busyRound(4);
    const view = election.view(round, 5);
    expect(Object.keys(view).sort()).toEqual(
      [
        "assist",
        "cards",
        "cluster",
        "commitIndex",
        "enforcement",
        "heartbeatDue",
        "inboxLimit",
        "leader",
        "log",
        "majority",
        "node",
        "peers",
        "replication",
        "role",
        "startElection",
        "term",
        "tick",
        "timer",
        "up",
        "votedFor",
        "votes",
      ].sort(),
    );
    expect(view.peers.map((peer) => peer.node)).toEqual([4, 6, 7]);
    expect(view.majority).toBe(3);
  });

  it("D3: each card's verdict is what the engine would answer to granting or accepting it", () => {
    let cards = 0;
    for (const seed of [5, 6]) {
      const round = busyRound(seed);
      for (let node = 0; node < 12; node++) {
        for (const card of election.view(round, node).cards) {
          const action =
            card.kind === "request-vote"
              ? { type: "answer-vote" as const, card: card.card, grant: true }
              : { type: "answer-append" as const, card: card.card, accept: true };
          expect(validate(round, node, action)).toEqual(card.verdict);
          cards++;
        }
      }
    }
    expect(cards).toBeGreaterThan(5);
  });

  it("D5: a bot's view is a part of the full view, with the oldest card only", () => {
    let compared = 0;
    for (const seed of [7, 8, 9]) {
      const round = busyRound(seed);
      for (let node = 0; node < 12; node++) {
        const botView = election.botView(round, node);
        const full = election.view(round, node);
        if (!botView) {
          expect(full.cards).toEqual([]);
          expect(full.heartbeatDue).toBe(false);
          expect(full.startElection).not.toBeNull();
          continue;
        }
        const { cards, ...rest } = botView;
        expect(full).toMatchObject(rest);
        expect(cards).toEqual(full.cards.slice(0, 1));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3);
  });
});

describe("hostView", () => {
  it("§3.2: the projector sees clusters, roles, terms, timers, messages in flight and faults", () => {
    const round = electionRound({ clusterSize: 3, latency: [3, 3] }, 6);
    idle(round, 200);
    play(
      round,
      by(0, { type: "start-election" }),
      host({ type: "set-loss", link: null, loss: 0.1 }),
    );
    const view = election.hostView(round);
    expect(view.clusters.map((cluster) => cluster.members)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(view.clusters[0]).toMatchObject({
      majority: 2,
      leader: null,
      term: 1,
      available: false,
      timeline: [{ term: 1, candidates: [0], leaders: [], electedAt: null }],
    });
    expect(view.nodes[0]).toMatchObject({ role: "candidate", term: 1, votedFor: 0, votes: 1 });
    expect(view.nodes[4]).toMatchObject({ role: "follower", timer: 0, cluster: 1 });
    expect(view.messages.map((message) => [message.kind, message.from, message.to])).toEqual([
      ["request-vote", 0, 1],
      ["request-vote", 0, 2],
    ]);
    expect(view.faults).toEqual([{ kind: "loss", fallacy: "fallacy.reliable", count: 6 }]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("§3.2: the projector's cluster timeline shows terms and leaders, the latest ones", () => {
    const round = electionRound({ electionTimeout: [10, 10] }, 3);
    for (let i = 0; i < 15; i++) {
      idle(round, 10);
      play(round, by(0, { type: "start-election" }));
    }
    const { timeline } = election.hostView(round).clusters[0]!;
    expect(timeline.map((record) => record.term)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
  });
});
