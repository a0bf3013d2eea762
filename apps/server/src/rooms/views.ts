import { type Ref, StateView } from "@colyseus/schema";
import type { ActiveRound, ClassroomClient } from "./context.ts";

/** What each client's StateView holds now, so that a change removes exactly the old refs. */
const shown = new WeakMap<StateView, readonly Ref[]>();

/**
 * D4, P4: makes `client` see exactly `refs` of the filtered state: the host view for host and
 * projector, its own node's view for a seated student, nothing of the round otherwise.
 */
export function showOnly(client: ClassroomClient, refs: readonly Ref[]): void {
  client.view ??= new StateView();
  const view = client.view;
  const before = shown.get(view) ?? [];
  for (const ref of before) if (!refs.includes(ref)) view.remove(ref);
  for (const ref of refs) if (!before.includes(ref)) view.add(ref);
  shown.set(view, refs);
}

/** The refs `client` may see of `round`; `node` is a student's node, if it has one. */
export function refsFor(
  client: ClassroomClient,
  round: ActiveRound | undefined,
  node: number | undefined,
): readonly Ref[] {
  if (round === undefined) return [];
  const identity = client.auth;
  if (identity?.role === "host" || identity?.role === "projector") {
    return round.projection.hostRefs;
  }
  if (identity?.role === "player" && node !== undefined) {
    return [round.projection.nodeRef(round.runner.round, node)];
  }
  return [];
}
