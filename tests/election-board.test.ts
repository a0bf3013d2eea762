import { createElectionProjection } from "@quorum/server/rooms/election/projection";
import { ClassroomState } from "@quorum/server/rooms/state";
import { Wire } from "@quorum/server/rooms/testing";
import {
  createRound,
  type ElectionHostView,
  type ElectionRound,
  election,
  nextInt,
  seedRng,
  step,
} from "@quorum/shared";
import { randomActs } from "@quorum/shared/modes/election/randomActs";
import { seatsOf } from "@quorum/shared/testing";
import { describe, expect, it } from "vitest";
import { electionBoardOf } from "../apps/client/src/teach/election/board.ts";

/** Float32 fields come back as the nearest float32. */
function asSent(view: ElectionHostView): ElectionHostView {
  return {
    ...view,
    nodes: view.nodes.map((node) => ({ ...node, x: Math.fround(node.x), y: Math.fround(node.y) })),
    links: view.links.map((link) => ({ ...link, loss: Math.fround(link.loss) })),
  };
}

/**
 * The console's and the projector's reading of the election board against the real wire
 * (issue 6): the server projects a busy round, the encoder sends the host its board (P4), and
 * the client's own mapper must give back the engine's ElectionHostView, tick after tick, with
 * each timer's deadline and each cluster's time without a leader as the engine counts them.
 */
describe("the election console reads the wire", () => {
  it("P4, E1–E9: the client's board is the engine's host view, every tick", () => {
    const rng = seedRng(6);
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
      6,
    ) as ElectionRound;
    const projection = createElectionProjection(round);
    const state = new ClassroomState();
    state.election = projection.root as never;
    const wire = new Wire(state);
    const host = wire.join(projection.hostRefs);
    const seen = { leaders: 0, unavailable: 0, violations: 0, messages: 0 };
    for (let tick = 1; tick <= 600; tick++) {
      // The students at nodes 1 and 3 grant and accept everything: safety breaks (E7).
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
      projection.update(round, new Set());
      state.tick = round.tick;
      wire.patch();
      // biome-ignore lint/suspicious/noExplicitAny: the decoded state, as the console holds it.
      const decoded: any = host.decoder.state.toJSON();
      const board = electionBoardOf(decoded.election.board, decoded.tick);
      expect(board).not.toBeNull();
      const { clusters, nodes, drops, ...rest } = board!;
      const engine = asSent(election.hostView(round));
      expect({
        ...rest,
        clusters: clusters.map(({ unavailableTicks: _, ...cluster }) => cluster),
        nodes: nodes.map(({ deadline: _, ...node }) => node),
      }).toEqual(engine);
      // E9, E2: what the board counts down arrives as the tick it counts to.
      expect(clusters.map((cluster) => cluster.unavailableTicks)).toEqual(
        round.game.clusters.map((cluster) => cluster.unavailableTicks),
      );
      expect(nodes.map((node) => node.deadline)).toEqual(
        round.game.nodes.map((raft) => (raft.role === "leader" ? null : raft.electionDeadline)),
      );
      expect(drops).toEqual(
        Object.fromEntries(Object.entries(round.net.drops).filter(([, count]) => count > 0)),
      );
      seen.leaders += clusters.filter((cluster) => cluster.leader !== null).length;
      seen.unavailable += clusters.filter((cluster) => !cluster.available).length;
      seen.violations = engine.violations.length;
      seen.messages += engine.messages.length;
    }
    // Busy enough for every part of the board to have been compared.
    expect(seen.leaders).toBeGreaterThan(50);
    expect(seen.unavailable).toBeGreaterThan(50);
    expect(seen.violations).toBeGreaterThan(0);
    expect(seen.messages).toBeGreaterThan(100);
  });
});
