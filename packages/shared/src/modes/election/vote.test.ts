import { describe, expect, it } from "vitest";
import {
  answerVotes,
  by,
  cards,
  elect,
  electionRound,
  expire,
  idle,
  play,
  roles,
  terms,
} from "./testing.ts";
import { timeoutFor } from "./timers.ts";

const start = (node: number) => by(node, { type: "start-election" });
const vote = (node: number, card: number, grant = true) =>
  by(node, { type: "answer-vote", card, grant });
/** The newest RequestVote card at `node`. */
const newestCard = (round: Parameters<typeof cards>[0], node: number) =>
  cards(round, node, "request-vote").at(-1)!.id;

describe("E3 votes", () => {
  it("E3: a node may grant a RequestVote; the grant is recorded, answered and resets its timer", () => {
    const round = electionRound({}, 3);
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    const before = round.game.nodes[1]!.electionDeadline;
    const { rejections, events } = play(round, vote(1, newestCard(round, 1)));
    expect(rejections).toEqual([]);
    expect(round.game.nodes[1]).toMatchObject({ term: 1, votedFor: 0 });
    expect(round.game.nodes[1]!.electionDeadline).toBeGreaterThan(before);
    expect(events).toContainEqual({ type: "voted", node: 1, candidate: 0, term: 1, granted: true });
    expect(cards(round, 1, "request-vote")).toEqual([]);
  });

  it("E3: a node may always refuse, and the candidate hears no", () => {
    const round = electionRound({}, 3);
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    play(round, vote(1, newestCard(round, 1), false));
    expect(round.game.nodes[1]!.votedFor).toBeNull();
    expect(round.net.inFlight.map((m) => m.payload)).toContainEqual({
      kind: "vote",
      term: 1,
      granted: false,
    });
  });

  it("E3: a second grant in the same term is rejected: 'you already voted for X in term T'", () => {
    const round = electionRound({ electionTimeout: [10, 10] }, 5);
    idle(round, 10);
    play(round, start(0), start(4));
    idle(round, 1);
    const [fromZero, fromFour] = [0, 4].map(
      (candidate) => cards(round, 2, "request-vote").find((card) => card.from === candidate)!.id,
    );
    expect(play(round, vote(2, fromZero!)).rejections).toEqual([]);
    const { rejections } = play(round, vote(2, fromFour!));
    expect(rejections[0]?.rejection).toEqual({
      rule: "E3",
      code: "election.already-voted",
      params: { node: 0, term: 1 },
    });
    expect(round.game.nodes[2]!.votedFor).toBe(0);
    // Granting the same candidate again is no second vote.
    play(round, start(1));
    expect(round.game.nodes[2]!.votedFor).toBe(0);
  });

  it("E3: a candidate has voted for itself and cannot vote for a rival of its term", () => {
    const round = electionRound({ electionTimeout: [10, 10] }, 3);
    idle(round, 10);
    play(round, start(0), start(1));
    idle(round, 1);
    const { rejections } = play(round, vote(1, newestCard(round, 1)));
    expect(rejections[0]?.rejection).toEqual({
      rule: "E3",
      code: "election.voted-for-self",
      params: { term: 1 },
    });
  });

  it("E3: a grant is rejected when the candidate's last entry has an older term", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1, 2]);
    play(round, { actor: "host", action: { type: "command", cluster: 0, command: "x=1" } });
    play(round, by(0, { type: "heartbeat" }));
    idle(round, 3);
    expect(round.game.nodes[1]!.log).toHaveLength(1);
    // Node 2 crashes before it can store anything newer; node 1 has entry 1 of term 1.
    play(round, { actor: "host", action: { type: "crash", node: 0 } });
    round.game.nodes[2]!.log = [];
    expire(round, 2);
    play(round, start(2));
    idle(round, 1);
    const { rejections } = play(round, vote(1, newestCard(round, 1)));
    expect(rejections[0]?.rejection).toEqual({
      rule: "E3",
      code: "election.log-older-term",
      params: { node: 2, theirs: 0, mine: 1 },
    });
  });

  it("E3: with equal last terms, the shorter log is less up to date; the longer or equal one is not", () => {
    const round = electionRound({}, 3);
    const entry = (id: number) => ({ term: 1, command: `c${id}`, id });
    round.game.nodes[0]!.log = [entry(1), entry(2)];
    round.game.nodes[1]!.log = [entry(1)];
    round.game.nodes[2]!.log = [entry(1), entry(2)];
    for (const raft of round.game.nodes) raft.term = 1;
    expire(round, 1);
    play(round, start(1));
    idle(round, 1);
    expect(play(round, vote(0, newestCard(round, 0))).rejections[0]?.rejection).toEqual({
      rule: "E3",
      code: "election.log-shorter",
      params: { node: 1, theirs: 1, mine: 2 },
    });
    round.game.nodes[1]!.log = [entry(1), entry(2), entry(3)];
    expire(round, 1);
    play(round, start(1));
    idle(round, 1);
    expect(play(round, vote(2, newestCard(round, 2))).rejections).toEqual([]);
  });

  it("E3: a newer last term wins even against a longer log", () => {
    const round = electionRound({}, 3);
    round.game.nodes[0]!.log = [{ term: 2, command: "new", id: 9 }];
    round.game.nodes[1]!.log = [1, 2, 3].map((id) => ({ term: 1, command: `c${id}`, id }));
    for (const raft of round.game.nodes) raft.term = 2;
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    expect(play(round, vote(1, newestCard(round, 1))).rejections).toEqual([]);
  });

  it("E3: a card can be answered once, and only by the node that holds it", () => {
    const round = electionRound({}, 3);
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    const card = newestCard(round, 1);
    const noCard = { rule: "E3", code: "election.no-such-card" };
    expect(play(round, vote(2, card)).rejections[0]?.rejection).toEqual(noCard);
    expect(play(round, vote(1, card), vote(1, card)).rejections[0]?.rejection).toEqual(noCard);
  });
});

describe("E4 higher terms", () => {
  it("E4: a RequestVote of a higher term makes the receiver a follower of that term, its old vote void", () => {
    const round = electionRound({}, 3);
    elect(round, 0, [1]);
    expect(round.game.nodes[0]!.role).toBe("leader");
    round.game.nodes[2]!.term = 5;
    expire(round, 2);
    const { events } = play(round, start(2));
    expect(events.filter((event) => event.type === "stepped-down")).toEqual([]);
    const arrivals = idle(round, 1);
    expect(terms(round)).toEqual([6, 6, 6]);
    expect(roles(round)).toEqual(["follower", "follower", "candidate"]);
    expect(round.game.nodes[1]!.votedFor).toBeNull();
    expect(arrivals).toContainEqual({
      type: "stepped-down",
      node: 0,
      cluster: 0,
      term: 1,
      cause: "higher-term",
    });
  });

  it("E4: a stale request cannot be granted (the candidate's election is over)", () => {
    const round = electionRound({ assist: "manual" }, 3);
    expire(round, 0);
    play(round, start(0));
    round.game.nodes[1]!.term = 3;
    idle(round, 1);
    expect(play(round, vote(1, newestCard(round, 1))).rejections[0]?.rejection).toEqual({
      rule: "E4",
      code: "election.stale-request",
      params: { node: 0, term: 1, current: 3 },
    });
    play(round, vote(1, newestCard(round, 1), false));
    idle(round, 1);
    // The refusal carries term 3 back: the candidate becomes its follower.
    expect(round.game.nodes[0]).toMatchObject({ term: 3, role: "follower" });
  });

  it("E4: a message of a lower term changes nobody's term", () => {
    const round = electionRound({}, 3);
    round.game.nodes[1]!.term = 4;
    expire(round, 0);
    play(round, start(0));
    idle(round, 2);
    expect(terms(round)).toEqual([4, 4, 1]);
  });
});

describe("E5 majorities", () => {
  it("E5: a candidate with votes from a majority of its cluster becomes leader — not before", () => {
    const round = electionRound({}, 5);
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    answerVotes(round, [1], true);
    idle(round, 2);
    expect(round.game.nodes[0]).toMatchObject({ role: "candidate", votes: [0, 1] });
    answerVotes(round, [2], true);
    const events = idle(round, 1);
    expect(round.game.nodes[0]!.role).toBe("leader");
    expect(events).toContainEqual({ type: "elected", node: 0, cluster: 0, term: 1 });
    expect(round.game.clusters[0]!.terms).toEqual([
      expect.objectContaining({ term: 1, candidates: [0], leaders: [0], endedAt: null }),
    ]);
  });

  it("E5: refusals and repeated grants do not count", () => {
    const round = electionRound({}, 5);
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    answerVotes(round, [1, 2, 3], false);
    answerVotes(round, [4], true);
    idle(round, 3);
    expect(round.game.nodes[0]).toMatchObject({ role: "candidate", votes: [0, 4] });
  });

  it("E5: a split vote means a new timeout and a new term", () => {
    const round = electionRound({ electionTimeout: [30, 60] }, 4);
    idle(round, 60);
    play(round, start(0), start(2));
    idle(round, 1);
    // 1 votes for 0 and 3 for 2: two votes each, three needed.
    play(round, vote(1, cards(round, 1, "request-vote").find((c) => c.from === 0)!.id));
    play(round, vote(3, cards(round, 3, "request-vote").find((c) => c.from === 2)!.id));
    idle(round, 3);
    expect(roles(round)).toEqual(["candidate", "follower", "candidate", "follower"]);
    const first = round.game.nodes[0]!;
    expect(first.electionDeadline).toBe(61 + first.electionTimeout);
    expect(play(round, start(0)).rejections[0]?.rejection.code).toBe("election.timer-running");
    expire(round, 0);
    play(round, start(0));
    expect(round.game.nodes[0]).toMatchObject({ role: "candidate", term: 2, votes: [0] });
    expect(round.game.nodes[0]!.electionTimeout).toBe(
      timeoutFor(round.game.timerSeed, 0, 2, [30, 60]),
    );
  });

  it("E5: a majority counts the whole cluster, crashed members too", () => {
    const round = electionRound({}, 5);
    play(
      round,
      { actor: "host", action: { type: "crash", node: 3 } },
      { actor: "host", action: { type: "crash", node: 4 } },
    );
    expire(round, 0);
    play(round, start(0));
    idle(round, 1);
    answerVotes(round, [1], true);
    idle(round, 3);
    expect(round.game.nodes[0]!.role).toBe("candidate");
    answerVotes(round, [2], true);
    idle(round, 2);
    expect(round.game.nodes[0]!.role).toBe("leader");
  });
});
