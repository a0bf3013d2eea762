import { createElectionProjection } from "@quorum/server/rooms/election/projection";
import { ClassroomState } from "@quorum/server/rooms/state";
import { Wire } from "@quorum/server/rooms/testing";
import {
  createRound,
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
import { readElectionView } from "../apps/client/src/play/election/view.ts";

/**
 * The phone's reading of its Raft server against the real wire (issue 6): the server projects a
 * busy election round, the encoder sends each student its own node (D4), and the client's own
 * mapper must give back the engine's ElectionView of that node, tick after tick.
 */
describe("the election phone reads the wire", () => {
  it("D4, E1–E8: the client's view of its own node is the engine's, every tick", () => {
    const rng = seedRng(11);
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
      seatsOf(8, ["raft", null, "careless", null, "raft", "raft", null, null]),
      11,
    ) as ElectionRound;
    const projection = createElectionProjection(round);
    const state = new ClassroomState();
    state.election = projection.root as never;
    const wire = new Wire(state);
    const watched = new Set<NodeId>([1, 3, 6]);
    const phones = new Map(
      [...watched].map((node) => [node, wire.join([projection.nodeRef(round, node)])]),
    );
    const seen = { cards: 0, log: 0, leaders: 0, candidates: 0, expired: 0 };
    for (let tick = 1; tick <= 500; tick++) {
      const acts = randomActs(round, rng, nextInt(rng, 3), "permissive");
      step(
        election,
        round,
        acts.map((act, seq) => ({ t: round.tick + 1, seq, ...act })),
      );
      projection.update(round, watched);
      state.tick = round.tick;
      wire.patch();
      for (const [node, phone] of phones) {
        // biome-ignore lint/suspicious/noExplicitAny: the decoded state, as the phone holds it.
        const decoded: any = phone.decoder.state.toJSON();
        const view = election.view(round, node);
        expect(readElectionView(decoded.election.nodes[String(node)], decoded.tick)).toEqual(view);
        seen.cards += view.cards.length;
        seen.log += view.log.length;
        if (view.role === "leader") seen.leaders++;
        if (view.role === "candidate") seen.candidates++;
        if (view.timer?.expired) seen.expired++;
      }
    }
    // Busy enough for every part of the view to have been compared.
    expect(seen.cards).toBeGreaterThan(50);
    expect(seen.log).toBeGreaterThan(50);
    expect(seen.leaders).toBeGreaterThan(10);
    expect(seen.candidates).toBeGreaterThan(10);
    expect(seen.expired).toBeGreaterThan(10);
  });
});
