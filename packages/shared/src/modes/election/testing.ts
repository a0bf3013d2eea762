/**
 * Test helpers for driving election rounds by hand. Imported by `*.test.ts` files only; nothing
 * in the engine or the apps may depend on it.
 */
import type { RoundEvent } from "../../engine/contract.ts";
import { createRound, type InputRejection, step } from "../../engine/round.ts";
import type { Message } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";
import { type Act, by, seatsOf } from "../../testing.ts";
import type { ElectionRound, ElectionTypes } from "./actions.ts";
import { election } from "./index.ts";
import type { RaftMessage } from "./raft.ts";

export { type Act, by, host, seatsOf } from "../../testing.ts";

export type ElectionRoundEvent = RoundEvent<ElectionTypes>;

/**
 * An election round of humans only, with one-tick links and the assisted level unless `config`
 * says otherwise — so that nothing happens that the test did not make happen.
 */
export function electionRound(
  config: Record<string, unknown>,
  size: number,
  options: { seed?: number; bots?: readonly (string | null)[] } = {},
): ElectionRound {
  return createRound(
    election,
    { latency: [1, 1], ...config },
    seatsOf(size, options.bots),
    options.seed ?? 1,
  );
}

const nextSeq = new WeakMap<ElectionRound, number>();

export interface Played {
  rejections: InputRejection[];
  events: ElectionRoundEvent[];
}

/** Plays one tick with `acts` as its inputs, in the order given. */
export function play(round: ElectionRound, ...acts: Act[]): Played {
  let seq = nextSeq.get(round) ?? 1;
  const inputs = acts.map((act) => ({ t: round.tick + 1, seq: seq++, ...act }));
  nextSeq.set(round, seq);
  const events: ElectionRoundEvent[] = [];
  const rejections = step(election, round, inputs, (event) => events.push(event));
  return { rejections, events };
}

/** Plays `ticks` ticks without inputs and returns every event of them. */
export function idle(round: ElectionRound, ticks: number): ElectionRoundEvent[] {
  const events: ElectionRoundEvent[] = [];
  for (let i = 0; i < ticks; i++) events.push(...play(round).events);
  return events;
}

/** Plays until `done` holds (checked after each tick); fails loudly after `limit` ticks. */
export function until(round: ElectionRound, done: () => boolean, limit = 2000): void {
  for (let i = 0; i < limit; i++) {
    if (done()) return;
    play(round);
  }
  if (!done()) throw new Error(`condition not reached within ${limit} ticks (tick ${round.tick})`);
}

/** Lets `node`'s election timer run out. */
export function expire(round: ElectionRound, node: NodeId): void {
  until(round, () => round.tick >= round.game.nodes[node]!.electionDeadline);
}

/** The cards waiting in `node`'s inbox, of one kind. */
export function cards(
  round: ElectionRound,
  node: NodeId,
  kind: "request-vote" | "append",
): Message<RaftMessage>[] {
  return round.net.inbox[node]!.filter((message) => message.payload.kind === kind);
}

/** Grants (or refuses) every RequestVote card at `voters`, once they arrived. */
export function answerVotes(
  round: ElectionRound,
  voters: readonly NodeId[],
  grant: boolean,
): Played {
  return play(
    round,
    ...voters.flatMap((voter) =>
      cards(round, voter, "request-vote").map((card) =>
        by(voter, { type: "answer-vote", card: card.id, grant }),
      ),
    ),
  );
}

/**
 * Elects `candidate` in its cluster: its timer runs out, it stands, `voters` grant its request
 * as soon as it arrives. Returns the term it won.
 */
export function elect(round: ElectionRound, candidate: NodeId, voters: readonly NodeId[]): number {
  expire(round, candidate);
  play(round, by(candidate, { type: "start-election" }));
  const term = round.game.nodes[candidate]!.term;
  until(round, () =>
    voters.every((voter) =>
      cards(round, voter, "request-vote").some((card) => card.from === candidate),
    ),
  );
  answerVotes(round, voters, true);
  until(round, () => round.game.nodes[candidate]!.role === "leader");
  return term;
}

export const roles = (round: ElectionRound) => round.game.nodes.map((raft) => raft.role);
export const terms = (round: ElectionRound) => round.game.nodes.map((raft) => raft.term);
export const commands = (round: ElectionRound, node: NodeId) =>
  round.game.nodes[node]!.log.map((entry) => entry.command);
