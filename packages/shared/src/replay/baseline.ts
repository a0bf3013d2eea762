import type { AnyMode, Round } from "../engine/contract.ts";
import { createRound, type Input, step } from "../engine/round.ts";
import type { ReplayLog } from "./log.ts";

/**
 * R9: the round again with `bot` at every node — same config, seed (so the same traffic) and the
 * same teacher faults at the same ticks, none of the players' inputs.
 */
export function playBaseline(log: ReplayLog, mode: AnyMode, bot: string): Round {
  const seats = log.roster.map((seat) => ({ name: seat.name, bot }));
  const round = createRound(mode, log.config, seats, log.seed);
  const faults = new Map<number, Input[]>();
  for (const input of log.inputs) {
    if (input.actor !== "host" || isSeatChange(input.action)) continue;
    const list = faults.get(input.t);
    if (list) list.push(input);
    else faults.set(input.t, [input]);
  }
  while (round.tick < log.endTick) step(mode, round, faults.get(round.tick + 1) ?? []);
  return round;
}

function isSeatChange(action: unknown): boolean {
  return (
    typeof action === "object" && action !== null && (action as { type?: unknown }).type === "seat"
  );
}
