import {
  createRound,
  type ElectionHostView,
  type ElectionRound,
  election,
  type NodeId,
  nextInt,
  seedRng,
  step,
} from "@quorum/shared";
import { randomActs } from "@quorum/shared/modes/election/randomActs";
import { seatsOf } from "@quorum/shared/testing";
import { describe, expect, it } from "vitest";
import { ClassroomState } from "../state.ts";
import { Wire, type WireClient } from "../testing.ts";
import { createElectionProjection } from "./projection.ts";
import { hostViewOf, unavailableTicksOf, viewOf } from "./testing.ts";

/** Float32 fields come back as the nearest float32. */
function asSent(view: ElectionHostView): ElectionHostView {
  return {
    ...view,
    nodes: view.nodes.map((node) => ({ ...node, x: Math.fround(node.x), y: Math.fround(node.y) })),
    links: view.links.map((link) => ({ ...link, loss: Math.fround(link.loss) })),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the decoded state, checked field by field below.
const decoded = (client: WireClient): any => client.decoder.state.toJSON();

describe("the election projection as clients decode it", () => {
  it.each([1, 6])(
    "D4, P4: every field of a student's view and of the host view arrives, tick after tick; nothing else does (seed %i)",
    (seed) => {
      const rng = seedRng(seed);
      // Manual, permissive, lossy and busy: cards pile up, logs diverge, violations happen.
      const round = createRound(
        election,
        {
          clusterSize: 4,
          assist: "manual",
          enforcement: "permissive",
          latency: [1, 4],
          electionTimeout: [15, 30],
          heartbeatInterval: 6,
        },
        seatsOf(12, ["raft", null, "careless", null, "raft", "raft", null, null, "raft"]),
        seed,
      ) as ElectionRound;
      const projection = createElectionProjection(round);
      const state = new ClassroomState();
      state.election = projection.root as never;
      const wire = new Wire(state);
      const host = wire.join(projection.hostRefs);
      const students = new Map<NodeId, WireClient>();
      const watched = new Set<NodeId>();
      // As the room does (views.ts): a student's connection shows its node; a new one after a leave.
      const seat = (node: NodeId) => {
        watched.add(node);
        students.set(node, wire.join([projection.nodeRef(round, node)]));
      };
      const leave = (node: NodeId) => {
        watched.delete(node);
        wire.leave(students.get(node)!);
      };
      seat(1);
      let projector: WireClient | undefined;
      const checked = { cards: 0, log: 0, violations: 0, leaders: 0, available: 0, unavailable: 0 };

      for (let tick = 1; tick <= 600; tick++) {
        if (tick === 150) seat(6);
        if (tick === 200) projector = wire.join(projection.hostRefs);
        if (tick === 250) leave(1); // its entry stays as it was, not brought up to date
        if (tick === 300) seat(1);
        // The students at nodes 1 and 3 grant and accept everything, as careless as permitted.
        const careless = [1, 3].flatMap((node) =>
          round.net.inbox[node]!.map((card) => ({
            actor: node,
            action:
              card.payload.kind === "request-vote"
                ? { type: "answer-vote", card: card.id, grant: true }
                : { type: "answer-append", card: card.id, accept: true },
          })),
        );
        const acts = [...careless, ...randomActs(round, rng, nextInt(rng, 3), "permissive")];
        step(
          election,
          round,
          acts.map((act, seq) => ({ t: round.tick + 1, seq, ...act })),
        );
        projection.update(round, watched);
        state.tick = round.tick;
        wire.patch();

        const expected = asSent(election.hostView(round));
        for (const screen of projector ? [host, projector] : [host]) {
          const seen = decoded(screen);
          expect(seen.election.nodes).toEqual({});
          expect(hostViewOf(seen.election.board, seen.tick)).toEqual(expected);
          seen.election.board.clusters.forEach((cluster: never, index: number) => {
            const counted = round.game.clusters[index]!.unavailableTicks;
            expect(unavailableTicksOf(cluster, seen.tick)).toBe(counted);
          });
          expect(seen.election.board.counters.drops).toEqual(round.net.drops);
        }
        for (const node of watched) {
          const seen = decoded(students.get(node)!);
          expect(Object.keys(seen.election.nodes)).toEqual([String(node)]);
          expect(seen.election.board).toEqual({});
          const view = election.view(round, node);
          expect(viewOf(seen.election.nodes[String(node)], seen.tick)).toEqual(view);
          checked.cards += view.cards.length;
          checked.log += view.log.length;
          if (view.role === "leader") checked.leaders++;
        }
        checked.violations = expected.violations.length;
        for (const cluster of expected.clusters)
          checked[cluster.available ? "available" : "unavailable"]++;
      }
      // The round was busy enough for every part of the views to have been compared.
      expect(checked.cards).toBeGreaterThan(100);
      expect(checked.log).toBeGreaterThan(100);
      expect(checked.leaders).toBeGreaterThan(10);
      expect(checked.violations).toBeGreaterThan(0);
      expect(checked.available).toBeGreaterThan(10);
      expect(checked.unavailable).toBeGreaterThan(10);
    },
  );

  it("D4: between real changes a student's patch carries the tick alone — nothing counts down in its state", () => {
    const students = 30;
    const round = createRound(election, {}, seatsOf(students), 3) as ElectionRound;
    const projection = createElectionProjection(round);
    const state = new ClassroomState();
    state.election = projection.root as never;
    const wire = new Wire(state);
    const watched = new Set(Array.from({ length: students }, (_, node) => node));
    for (const node of watched) wire.join([projection.nodeRef(round, node)]);
    const bare = wire.join([]);
    wire.patch();
    /** The view without what follows from the tick alone (ages, time left, seconds left). */
    const lasting = (node: NodeId) => {
      const { tick: _, timer, startElection, cards, ...view } = election.view(round, node);
      return JSON.stringify({
        ...view,
        deadline: timer?.deadline,
        startElection: startElection?.code,
        cards: cards.map(({ age: __, ...card }) => card),
      });
    };
    let before = [...watched].map(lasting);
    let quiet = 0;
    const rng = seedRng(3);
    for (let tick = 1; tick <= 800; tick++) {
      // Every student plays as the Raft bot would; the teacher sends a command now and then.
      const acts: { actor: NodeId | "host"; action: unknown }[] = [...watched].flatMap((node) => {
        const view = tick % 5 === 0 ? election.botView(round, node) : null;
        const action = view && election.bot(view, "raft", rng);
        return action ? [{ actor: node, action }] : [];
      });
      if (tick % 50 === 0) {
        const command = { type: "command", cluster: nextInt(rng, 6), command: `x=${tick}` };
        acts.push({ actor: "host", action: command });
      }
      step(
        election,
        round,
        acts.map((act, seq) => ({ t: round.tick + 1, seq, ...act })),
      );
      projection.update(round, watched);
      state.tick = round.tick;
      const sizes = wire.patch();
      const after = [...watched].map(lasting);
      after.forEach((view, node) => {
        if (view !== before[node]) return;
        quiet++;
        expect(sizes[node], `node ${node} at tick ${tick}`).toBe(sizes[students]);
      });
      before = after;
    }
    expect(bare.decoder.state.toJSON()).toMatchObject({ tick: 800 });
    expect(quiet).toBeGreaterThan(students * 500);
  });
});
