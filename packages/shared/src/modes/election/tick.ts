import { isUp } from "../../net/network.ts";
import type { ElectionCtx, ElectionRound } from "./actions.ts";
import { apply } from "./apply.ts";
import { bot } from "./bot.ts";
import { currentLeader, hasQuorum } from "./hostView.ts";
import { trackPartitions } from "./partitions.ts";
import { validate } from "./rules.ts";
import { inspectSafety } from "./safety.ts";
import { botView } from "./view.ts";

/**
 * After the network delivered: in the watch level the Raft bot plays the students' nodes (E8);
 * then the figures of the debrief are counted (E9) and safety is checked (E7).
 */
export function tick(round: ElectionRound, ctx: ElectionCtx): void {
  if (round.config.assist === "watch") playStudents(round, ctx);
  trackPartitions(round, ctx.tick);
  for (const cluster of round.game.clusters) {
    const leader = currentLeader(round, cluster.members);
    if (leader === null || !hasQuorum(round, leader)) cluster.unavailableTicks++;
  }
  for (const violation of inspectSafety(round.game.safety, round.game, ctx.tick)) {
    ctx.emit({ type: "violation", ...violation });
  }
}

/** E8 watch: every seat without a bot is played by the Raft bot, as the engine plays bots (D5). */
function playStudents(round: ElectionRound, ctx: ElectionCtx): void {
  const interval = Math.max(1, round.config.botThinkTicks);
  round.seats.forEach((seat, node) => {
    if (seat.bot || !isUp(round.net, node) || (node + round.tick) % interval !== 0) return;
    const view = botView(round, node);
    const action = view && bot(view, "raft", round.rng);
    if (action && !validate(round, node, action)) apply(round, node, action, ctx);
  });
}
