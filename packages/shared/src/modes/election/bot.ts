import type { RngState } from "../../rng.ts";
import type { ElectionAction } from "./actions.ts";
import { waivable } from "./rules.ts";
import type { ElectionBotView } from "./view.ts";

/**
 * D5: the kinds of bot that can sit at a Raft server. `raft` follows the protocol; `careless`
 * grants every vote and accepts every AppendEntries whenever permissive enforcement (E7) lets
 * it — a way to watch safety fail without a class to break the rules.
 */
export const ELECTION_BOTS = ["raft", "careless"] as const;
export type ElectionBot = (typeof ELECTION_BOTS)[number];

/**
 * One decision from what the server knows (D4): answer the oldest card, then keep the followers'
 * timers from expiring as a leader (E6), then stand for election once the timer has run out (E2).
 */
export function bot(view: ElectionBotView, kind: string, _rng: RngState): ElectionAction | null {
  const card = view.cards[0];
  if (card) {
    const careless = kind === "careless" && view.enforcement === "permissive";
    const yes = card.verdict === null || (careless && waivable(card.verdict));
    return card.kind === "request-vote"
      ? { type: "answer-vote", card: card.card, grant: yes }
      : { type: "answer-append", card: card.card, accept: yes };
  }
  if (view.role === "leader" && view.heartbeatDue) return { type: "heartbeat" };
  if (view.startElection === null) return { type: "start-election" };
  return null;
}
