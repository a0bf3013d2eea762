/**
 * D1 fuzzing for election rounds: random inputs, valid and invalid. Imported by `*.test.ts`
 * files only.
 */
import { chance, nextInt, nextIntBetween, pick, type RngState } from "../../rng.ts";
import type { ElectionRound } from "./actions.ts";
import { ELECTION_BOTS } from "./bot.ts";
import { ASSIST_LEVELS } from "./config.ts";
import { type Act, by, host } from "./testing.ts";

/** Shapes no schema accepts, as a player's or the host's input. JSON-safe, so logs round-trip. */
const MALFORMED: unknown[] = [
  null,
  "vote",
  {},
  { type: "answer-vote", card: 1 },
  { type: "answer-vote", card: -1, grant: true },
  { type: "answer-append", card: 1.5, accept: true },
  { type: "heartbeat", to: "1" },
  { type: "command", cluster: 0, command: "" },
  { type: "command", cluster: 0, command: "x".repeat(41) },
  { type: "configure", assist: "autopilot" },
  { type: "configure", electionTimeout: [50, 10] },
  { type: "crash", node: -1 },
];

/**
 * D1 fuzzing: random inputs for one tick, valid and invalid, from random actors — votes granted
 * and refused at random, AppendEntries accepted and refused, elections, heartbeats, the host's
 * faults, commands and settings (never the enforcement: see `permissive`). Every choice is drawn
 * from `rng`, so a seed replays the same inputs.
 */
export function randomActs(
  round: ElectionRound,
  rng: RngState,
  count: number,
  enforcement: "strict" | "permissive" = "strict",
): Act[] {
  const acts: Act[] = [];
  for (let i = 0; i < count; i++) {
    const roll = nextInt(rng, 100);
    if (roll < 60) acts.push(randomNodeAct(round, rng));
    else if (roll < 64) acts.push(by(nextInt(rng, round.seats.length), pick(rng, MALFORMED)));
    else if (roll < 67) acts.push(host(pick(rng, MALFORMED)));
    else acts.push(host(randomHostAction(round, rng, enforcement)));
  }
  return acts;
}

function randomNodeAct(round: ElectionRound, rng: RngState): Act {
  const nodes = round.seats.length;
  const actor = chance(rng, 0.02) ? nodes + nextInt(rng, 2) : nextInt(rng, nodes);
  const inbox = round.net.inbox[actor] ?? [];
  const card = inbox.length > 0 && chance(rng, 0.9) ? pick(rng, inbox).id : nextInt(rng, 50);
  const to = nextInt(rng, nodes + 1);
  return by(
    actor,
    pick(rng, [
      { type: "start-election" },
      { type: "start-election" },
      { type: "answer-vote", card, grant: chance(rng, 0.7) },
      { type: "answer-vote", card, grant: chance(rng, 0.7) },
      { type: "answer-append", card, accept: chance(rng, 0.7) },
      { type: "answer-append", card, accept: chance(rng, 0.7) },
      { type: "heartbeat" },
      { type: "heartbeat" },
      { type: "heartbeat", to },
      { type: "crash" },
      { type: "restart" },
    ]),
  );
}

function randomHostAction(
  round: ElectionRound,
  rng: RngState,
  enforcement: "strict" | "permissive",
): unknown {
  const nodes = round.seats.length;
  const node = () => nextInt(rng, nodes + (chance(rng, 0.03) ? 2 : 0));
  const links = round.net.links.length;
  const link = () => (chance(rng, 0.3) ? null : nextInt(rng, Math.max(1, links)));
  switch (nextInt(rng, 14)) {
    case 0:
    case 1:
      return { type: "crash", node: node() };
    case 2:
    case 3:
      return { type: "restart", node: node() };
    case 4:
      return {
        type: links > 0 ? pick(rng, ["cut", "heal-link"]) : "heal-all",
        link: nextInt(rng, Math.max(1, links)),
      };
    case 5:
      return { type: "set-loss", link: link(), loss: pick(rng, [0, 0, 0.1, 0.3, 1]) };
    case 6:
      return {
        type: "set-latency",
        link: link(),
        latency: nextIntBetween(rng, 1, 8),
        jitter: nextInt(rng, 3),
      };
    case 7: {
      const shuffled = Array.from({ length: nodes }, (_, n) => n).filter(() => chance(rng, 0.4));
      return { type: "partition", groups: [shuffled] };
    }
    case 8:
      return { type: "heal-all" };
    case 9:
    case 10:
    case 11:
      return {
        type: "command",
        cluster: nextInt(rng, round.game.clusters.length + 1),
        command: `x=${nextInt(rng, 100)}`,
        ...(chance(rng, 0.2) ? { node: nextInt(rng, nodes) } : {}),
      };
    case 12:
      return {
        type: "configure",
        enforcement,
        ...(chance(rng, 0.5) ? { assist: pick(rng, ASSIST_LEVELS) } : {}),
        ...(chance(rng, 0.3) ? { heartbeatInterval: nextIntBetween(rng, 3, 30) } : {}),
        ...(chance(rng, 0.3)
          ? { electionTimeout: [nextIntBetween(rng, 15, 30), nextIntBetween(rng, 30, 60)] }
          : {}),
      };
    default:
      return {
        type: "seat",
        node: nextInt(rng, nodes),
        name: `s${nextInt(rng, 100)}`,
        bot: pick(rng, [null, null, ...ELECTION_BOTS, "no-such-bot"]),
      };
  }
}
