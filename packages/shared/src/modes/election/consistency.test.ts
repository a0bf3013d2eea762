import { describe, expect, it } from "vitest";
import { election } from "./index.ts";
import { appendVerdict, waivable } from "./rules.ts";
import { by, cards, elect, electionRound, idle, play } from "./testing.ts";

const heartbeat = (node: number, to?: number) => by(node, { type: "heartbeat", to });

describe("E6 follower consistency check", () => {
  it("E6: accepting AppendEntries whose previous entry the follower lacks is rejected", () => {
    const round = electionRound({ assist: "manual" }, 3);
    elect(round, 0, [1, 2]);
    round.game.nodes[0]!.peers[0]!.nextIndex = 3;
    round.game.nodes[0]!.log = [1, 2].map((id) => ({ term: 1, command: `c${id}`, id }));
    play(round, heartbeat(0, 1));
    idle(round, 1);
    const card = cards(round, 1, "append")[0]!;
    const accept = by(1, { type: "answer-append", card: card.id, accept: true });
    expect(play(round, accept).rejections[0]?.rejection).toEqual({
      rule: "E6",
      code: "election.log-missing",
      params: { index: 2, length: 0 },
    });
    expect(election.view(round, 1).cards[0]?.verdict?.code).toBe("election.log-missing");
    play(round, by(1, { type: "answer-append", card: card.id, accept: false }));
    idle(round, 1);
    expect(round.game.nodes[0]!.peers[0]).toMatchObject({ nextIndex: 1, matchIndex: 0 });
  });

  it("E6: accepting AppendEntries whose previous entry has another term is rejected", () => {
    const round = electionRound({ assist: "manual" }, 3);
    round.game.nodes[1]!.log = [{ term: 1, command: "other", id: 50 }];
    for (const raft of round.game.nodes) raft.term = 1;
    round.game.nodes[0]!.log = [{ term: 2, command: "mine", id: 51 }];
    elect(round, 0, [2]);
    round.game.nodes[0]!.peers[0]!.nextIndex = 2;
    play(round, heartbeat(0, 1));
    idle(round, 1);
    const card = cards(round, 1, "append")[0]!;
    expect(
      play(round, by(1, { type: "answer-append", card: card.id, accept: true })).rejections[0]
        ?.rejection,
    ).toEqual({
      rule: "E6",
      code: "election.log-mismatch",
      params: { index: 1, term: 2, mine: 1 },
    });
  });

  it("E6: in the assisted level the engine runs the check itself and refuses for the follower", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    round.game.nodes[0]!.log = [{ term: 1, command: "x", id: 7 }];
    round.game.nodes[0]!.peers[0]!.nextIndex = 2;
    play(round, heartbeat(0, 1));
    idle(round, 1);
    expect(cards(round, 1, "append")).toEqual([]);
    expect(round.game.nodes[1]!.log).toEqual([]);
    expect(round.net.inFlight.map((message) => message.payload)).toContainEqual({
      kind: "append-reply",
      term: 1,
      success: false,
      matchIndex: 0,
    });
  });

  it("E6: only a follower takes entries, whatever the enforcement", () => {
    const round = electionRound({}, 3);
    const leader = { ...round.game.nodes[0]!, role: "leader" as const, term: 2 };
    const stale = { term: 1, prevLogIndex: 0, prevLogTerm: 0 };
    expect(appendVerdict(leader, 1, stale)).toEqual({ rule: "E6", code: "election.not-follower" });
    expect(waivable(appendVerdict(leader, 1, stale)!)).toBe(false);
    expect(appendVerdict({ ...leader, role: "follower" }, 1, stale)?.code).toBe(
      "election.stale-leader",
    );
  });
});
