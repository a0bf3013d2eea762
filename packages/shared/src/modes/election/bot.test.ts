import { describe, expect, it } from "vitest";
import { seedRng } from "../../rng.ts";
import type { ElectionRound } from "./actions.ts";
import { bot } from "./bot.ts";
import { election } from "./index.ts";
import { by, cards, elect, electionRound, expire, host, idle, play } from "./testing.ts";

const decide = (round: ElectionRound, node: number, kind = "raft") =>
  bot(election.view(round, node), kind, seedRng(1));

/** Two candidates of term 1; node 2 has granted node 0's request and holds node 4's. */
function rivalry(enforcement: "strict" | "permissive") {
  const round = electionRound({ enforcement, electionTimeout: [10, 10] }, 5);
  idle(round, 10);
  play(round, by(0, { type: "start-election" }), by(4, { type: "start-election" }));
  idle(round, 1);
  const [fromZero, fromFour] = [0, 4].map(
    (candidate) => cards(round, 2, "request-vote").find((card) => card.from === candidate)!,
  );
  play(round, by(2, { type: "answer-vote", card: fromZero!.id, grant: true }));
  return { round, card: fromFour!.id };
}

describe("D5 Raft bots", () => {
  it("D5: the Raft bot grants a vote the rules allow and refuses one they forbid", () => {
    const round = electionRound({}, 3);
    expire(round, 0);
    play(round, by(0, { type: "start-election" }));
    idle(round, 1);
    const card = cards(round, 1, "request-vote")[0]!.id;
    expect(decide(round, 1)).toEqual({ type: "answer-vote", card, grant: true });
    const { round: rival, card: second } = rivalry("strict");
    expect(decide(rival, 2)).toEqual({ type: "answer-vote", card: second, grant: false });
  });

  it("D5: under permissive enforcement the Raft bot still refuses a double vote; the careless bot grants it", () => {
    const { round, card } = rivalry("permissive");
    expect(decide(round, 2)).toEqual({ type: "answer-vote", card, grant: false });
    expect(decide(round, 2, "careless")).toEqual({ type: "answer-vote", card, grant: true });
    const strict = rivalry("strict");
    expect(decide(strict.round, 2, "careless")).toMatchObject({ grant: false });
  });

  it("D5: the Raft bot accepts AppendEntries that pass the check, refuses those that do not", () => {
    const round = electionRound({ assist: "manual" }, 3);
    elect(round, 0, [1, 2]);
    play(round, by(0, { type: "heartbeat", to: 1 }));
    round.game.nodes[0]!.log = [{ term: 1, command: "x", id: 5 }];
    round.game.nodes[0]!.peers[1]!.nextIndex = 2;
    play(round, by(0, { type: "heartbeat", to: 2 }));
    idle(round, 1);
    const fine = cards(round, 1, "append").at(-1)!.id;
    const gap = cards(round, 2, "append").at(-1)!.id;
    expect(round.net.inbox[1]!.map((message) => message.id)).toEqual([fine]);
    expect(decide(round, 1)).toEqual({ type: "answer-append", card: fine, accept: true });
    expect(round.net.inbox[2]!.map((message) => message.id)).toEqual([gap]);
    expect(decide(round, 2)).toEqual({ type: "answer-append", card: gap, accept: false });
  });

  it("D5: a bot leader sends heartbeats when one is due, a follower stands once its timer expires, otherwise it waits", () => {
    const round = electionRound({ heartbeatInterval: 20 }, 3);
    expect(decide(round, 0)).toBeNull();
    expect(election.botView(round, 0)).toBeNull();
    elect(round, 0, [1, 2]);
    expect(decide(round, 0)).toEqual({ type: "heartbeat" });
    play(round, by(0, { type: "heartbeat" }));
    idle(round, 5);
    expect(decide(round, 0)).toBeNull();
    play(round, host({ type: "command", cluster: 0, command: "x=1" }));
    expect(decide(round, 0)).toEqual({ type: "heartbeat" });
    expire(round, 1);
    expect(decide(round, 1)).toEqual({ type: "start-election" });
  });

  it("D5: the baseline is the round again with Raft bots at every node (no students' inputs)", () => {
    expect(election.baselineBot).toBe("raft");
  });
});
