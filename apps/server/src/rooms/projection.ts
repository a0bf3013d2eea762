import type { Ref } from "@colyseus/schema";
import type { NodeId, RoomMode, Round, RoundEvent } from "@quorum/shared";
import { createElectionProjection } from "./election/projection.ts";
import { createRoutingProjection } from "./routing/projection.ts";

/** A client-ready event of one tick (SERVER_MESSAGE.events); its shape is the mode's. */
export type WireEvent = { type: string } & Record<string, unknown>;

/**
 * How one game mode's round reaches the clients (P4, D4): a schema subtree under
 * `state[field]`, filtered per client with StateView, and the tick's events split by audience.
 * The room knows nothing mode-specific beyond this interface.
 */
export interface RoundProjection {
  /** The ClassroomState field that holds `root` while the round exists. */
  readonly field: ProjectionField;
  readonly root: Ref;
  /** What the host's and the projector's views hold: the whole picture. */
  readonly hostRefs: readonly Ref[];
  /** What a student at `node` sees, brought up to date and attached under `root`. */
  nodeRef(round: Round, node: NodeId): Ref;
  /** Brings the projection up to date; only `watched` nodes (seated students) are refreshed. */
  update(round: Round, watched: ReadonlySet<NodeId>): void;
  /** Every event for the host; each watched node's events about itself for its student. */
  route(
    events: readonly RoundEvent[],
    watched: ReadonlySet<NodeId>,
  ): { host: WireEvent[]; nodes: Map<NodeId, WireEvent[]> };
}

/** The state fields that hold a round projection (state.ts): each mode's is named after it. */
export type ProjectionField = RoomMode;

/** Every mode a room hosts (ROOM_MODES) has its projection: the one mode-specific part. */
const PROJECTIONS: Record<RoomMode, (round: Round) => RoundProjection> = {
  routing: createRoutingProjection,
  election: createElectionProjection,
};

export function projectionFor(mode: string): ((round: Round) => RoundProjection) | undefined {
  return Object.hasOwn(PROJECTIONS, mode) ? PROJECTIONS[mode as RoomMode] : undefined;
}
