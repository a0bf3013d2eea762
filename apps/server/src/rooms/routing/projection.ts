import type { NodeId, Round, RoutingHostView, RoutingRound, RoutingView } from "@quorum/shared";
import { routing } from "@quorum/shared";
import type { RoundProjection } from "../projection.ts";
import { syncCounts, syncList, syncValues } from "../sync.ts";
import { routeRoutingEvents } from "./events.ts";
import {
  BoardFault,
  BoardLink,
  BoardNode,
  BoardPacket,
  type RoutingBoard,
  RoutingNeighbour,
  RoutingNode,
  RoutingNotice,
  RoutingPacket,
  RoutingProjection,
  RoutingReceived,
  RoutingUnacked,
} from "./schema.ts";

/** The routing round's projection: the host view as `board`, each watched router in `nodes`. */
export function createRoutingProjection(round: Round): RoundProjection {
  const root = new RoutingProjection();
  /** The node's entry, created on first use and brought up to date (it may have been unwatched). */
  const nodeEntry = (routingRound: RoutingRound, node: NodeId): RoutingNode => {
    const key = String(node);
    let entry = root.nodes.get(key);
    if (entry === undefined) {
      entry = new RoutingNode();
      root.nodes.set(key, entry);
    }
    projectNode(entry, routing.view(routingRound, node), routingRound);
    return entry;
  };
  const projection: RoundProjection = {
    field: "routing",
    root,
    hostRefs: [root.board],
    nodeRef: (current, node) => nodeEntry(current as RoutingRound, node),
    update(current, watched) {
      const routingRound = current as RoutingRound;
      projectBoard(root.board, routing.hostView(routingRound));
      for (const node of watched) nodeEntry(routingRound, node);
    },
    route: routeRoutingEvents,
  };
  projection.update(round, new Set());
  return projection;
}

function projectNode(entry: RoutingNode, view: RoutingView, round: RoutingRound): void {
  Object.assign(entry, {
    node: view.node,
    up: view.up,
    variant: view.variant,
    ttl: view.ttl,
    inboxLimit: view.inboxLimit,
    score: view.score,
    deliveryRate: view.deliveryRate,
  });
  syncList(
    entry.inbox,
    view.inbox,
    (packet) => packet.entry,
    (packet) => packet.entry,
    (packet) => {
      const created = new RoutingPacket();
      updatePacket(created, packet, view.tick);
      return created;
    },
    (existing, packet) => updatePacket(existing, packet, view.tick),
  );
  syncList(
    entry.neighbours,
    view.neighbours,
    (neighbour) => neighbour.node,
    (neighbour) => neighbour.node,
    (neighbour) => new RoutingNeighbour({ ...neighbour, name: nameOf(round, neighbour.node) }),
    (existing, neighbour) =>
      Object.assign(existing, { ...neighbour, name: nameOf(round, neighbour.node) }),
  );
  // R6, R7: only the variant's own lists travel; the others stay empty.
  const reliable = view.variant === "reliable";
  syncList(
    entry.unacked,
    reliable ? view.unacked : [],
    (waiting) => waiting.seq,
    (waiting) => waiting.seq,
    (waiting) => new RoutingUnacked(waiting),
    (existing, waiting) => Object.assign(existing, waiting),
  );
  syncList(
    entry.received,
    reliable ? view.received : [],
    (got) => `${got.src}:${got.seq}`,
    (got) => `${got.src}:${got.seq}`,
    (got) => new RoutingReceived(got),
    () => {},
  );
  syncValues(entry.seenFloods, view.variant === "flood" ? view.seenFloods : []);
  syncList(
    entry.notices,
    view.notices,
    (notice) => `${notice.kind}:${notice.packet}:${notice.tick}`,
    (notice) => `${notice.kind}:${notice.packet}:${notice.tick}`,
    (notice) => new RoutingNotice(notice),
    () => {},
  );
}

function updatePacket(
  entry: InstanceType<typeof RoutingPacket>,
  packet: RoutingView["inbox"][number],
  tick: number,
): void {
  Object.assign(entry, {
    entry: packet.entry,
    id: packet.id,
    src: packet.src,
    dst: packet.dst,
    ttl: packet.ttl,
    kind: packet.kind,
    seq: packet.seq ?? -1,
    from: packet.from ?? -1,
    arrivedAt: tick - packet.age,
  });
  entry.hints = packet.hints?.join(",") ?? "";
}

/** A node's name as its neighbours see it: its player's nickname, "" for a bot's node. */
function nameOf(round: RoutingRound, node: NodeId): string {
  return round.seats[node]?.name ?? "";
}

function projectBoard(board: RoutingBoard, view: RoutingHostView): void {
  Object.assign(board, {
    variant: view.variant,
    ttl: view.ttl,
    trafficRate: view.trafficRate,
    hints: view.hints,
  });
  syncList(
    board.nodes,
    view.nodes,
    (node) => node.node,
    (node) => node.node,
    (node) => new BoardNode({ ...node, bot: node.bot ?? "" }),
    (existing, node) => Object.assign(existing, { ...node, bot: node.bot ?? "" }),
  );
  syncList(
    board.links,
    view.links,
    (link) => link.link,
    (link) => link.link,
    (link) => new BoardLink({ ...link, blocked: link.blocked ?? "" }),
    (existing, link) => Object.assign(existing, { ...link, blocked: link.blocked ?? "" }),
  );
  syncList(
    board.packets,
    view.packets,
    (packet) => packet.message,
    (packet) => packet.message,
    (packet) => new BoardPacket(packet),
    () => {},
  );
  const { ends, ...counters } = view.counters;
  Object.assign(board.counters, counters);
  syncCounts(board.counters.ends, ends);
  syncList(
    board.faults,
    view.faults,
    (fault) => fault.kind,
    (fault) => fault.kind,
    (fault) => new BoardFault(fault),
    (existing, fault) => Object.assign(existing, fault),
  );
}
