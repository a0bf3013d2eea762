import type { NodeId } from "../../net/topology.ts";
import { nextIntBetween, seedRng } from "../../rng.ts";

/**
 * E2: the election timeout of `node` in `term`, in ticks: drawn from `range`, independently per
 * node and per term, from the round's timer seed. A pure function of its arguments, so that
 * a node that resets its timer twice in a term waits as long both times, and a split vote's
 * candidates draw afresh in the next term.
 */
export function timeoutFor(
  timerSeed: number,
  node: NodeId,
  term: number,
  range: readonly [number, number],
): number {
  const mixed = timerSeed ^ Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(term + 1, 0x85ebca6b);
  return nextIntBetween(seedRng(mixed >>> 0), range[0], range[1]);
}
