import type { Point } from "@quorum/shared";
import type { Box } from "../layout.ts";

/** One cluster's ring, in canvas pixels. */
export interface Ring {
  centre: Point;
  radius: number;
}

export interface RingLayout {
  /** Each node's centre, by node number. */
  centres: Point[];
  /** Each cluster's ring, in cluster order. */
  rings: Ring[];
  nodeRadius: number;
}

/** Node radius limits in CSS pixels: readable from the back row, never a balloon. */
const MAX_NODE_RADIUS = 44;
const MIN_NODE_RADIUS = 6;
/**
 * Room beyond a node's centre, in node radii, for what is drawn outside its ring: the crown and
 * two lines of label above or below, a label's width beside it.
 */
const LABEL_ROOM = { x: 3.8, y: 2.7 };
/** Neighbours on a ring stay this share of their distance apart (0.5 would make them touch). */
const SPACING = 0.3;

/**
 * §3.2: every cluster drawn as a ring, its members around it in order from the top, clockwise
 * (as the engine places them). The rings share the box in the grid of columns and rows that
 * gives them the largest radius; a short last row is centred. `top` canvas pixels stay free
 * (the zoom buttons sit there).
 */
export function layOutRings(
  clusters: readonly (readonly number[])[],
  box: Box,
  top = 0,
): RingLayout {
  const ratio = box.pixelRatio;
  const inset = 12 * ratio;
  const area = {
    x: inset,
    y: top + inset,
    width: Math.max(1, box.width - 2 * inset),
    height: Math.max(1, box.height - top - 2 * inset),
  };
  const count = Math.max(1, clusters.length);
  const largest = Math.max(1, ...clusters.map((members) => members.length));
  // A node's radius as a share of its ring's: neighbours on the ring keep their distance.
  const share = largest === 1 ? 0.5 : Math.min(0.5, SPACING * 2 * Math.sin(Math.PI / largest));
  const maxNode = MAX_NODE_RADIUS * ratio;

  let best = { columns: 1, rows: count, radius: 0, nodeRadius: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const halfWidth = area.width / columns / 2;
    const halfHeight = area.height / rows / 2;
    let radius = Math.min(
      halfWidth / (1 + LABEL_ROOM.x * share),
      halfHeight / (1 + LABEL_ROOM.y * share),
    );
    let nodeRadius = radius * share;
    if (nodeRadius > maxNode) {
      nodeRadius = maxNode;
      radius = Math.min(halfWidth - LABEL_ROOM.x * maxNode, halfHeight - LABEL_ROOM.y * maxNode);
    }
    if (radius > best.radius) best = { columns, rows, radius, nodeRadius };
  }
  const { columns, rows } = best;
  const radius = Math.max(1, best.radius);
  const nodeRadius = Math.max(MIN_NODE_RADIUS * ratio, best.nodeRadius);
  const cell = Math.min(area.width / columns, area.height / rows);
  const gridHeight = cell * rows;

  const rings: Ring[] = clusters.map((_, index) => {
    const row = Math.floor(index / columns);
    const inRow = Math.min(columns, count - row * columns);
    const rowWidth = cell * inRow;
    const column = index % columns;
    return {
      centre: {
        x: area.x + (area.width - rowWidth) / 2 + cell * (column + 0.5),
        y: area.y + (area.height - gridHeight) / 2 + cell * (row + 0.5),
      },
      radius,
    };
  });

  const centres: Point[] = [];
  clusters.forEach((members, index) => {
    const { centre } = rings[index]!;
    members.forEach((node, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
      const r = members.length === 1 ? 0 : radius;
      centres[node] = { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
    });
  });
  return { centres, rings, nodeRadius };
}
