import type { Point, Topology } from "@quorum/shared";

/** How a drawing uses its box: keep the network's proportions, or stretch it (a backdrop). */
export type Fit = "contain" | "fill";

export interface Placed {
  /** Node centres in canvas pixels. */
  centres: Point[];
  /** Node radius in canvas pixels. */
  radius: number;
}

export interface Box {
  width: number;
  height: number;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
}

/** Largest node radius, in CSS pixels: big enough to read from the back of a room. */
const MAX_RADIUS = 30;
const MIN_RADIUS = 4;
/** A stretched backdrop may distort the network's proportions by at most this factor. */
const MAX_STRETCH = 2.4;

/** Places the generator's unit-square positions (N1) into a canvas, with room for the nodes. */
export function place(topology: Topology, box: Box, fit: Fit): Placed {
  const { positions } = topology;
  // Never more than a sixteenth of the box: a few nodes should not look like balloons.
  const maxRadius = Math.min(MAX_RADIUS * box.pixelRatio, Math.min(box.width, box.height) / 16);
  let radius = maxRadius;
  let centres: Point[] = [];
  // The radius depends on how close nodes end up, which depends on the margin the radius needs:
  // two passes settle it.
  for (let pass = 0; pass < 2; pass++) {
    // Room for the outline and a little air between the outermost nodes and the box's edge.
    const margin = radius * 1.25 + 8 * box.pixelRatio;
    centres = fitInto(positions, box, margin, fit);
    const spacing = closestPair(centres);
    radius = clamp(spacing * 0.36, MIN_RADIUS * box.pixelRatio, maxRadius);
  }
  return { centres, radius };
}

function fitInto(positions: readonly Point[], box: Box, margin: number, fit: Fit): Point[] {
  const xs = positions.map((p) => p.x);
  const ys = positions.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const roomX = Math.max(1, box.width - 2 * margin);
  const roomY = Math.max(1, box.height - 2 * margin);
  // A flat shape (a line) has no extent on one axis; it must not blow the scale up.
  let scaleX = spanX > 1e-6 ? roomX / spanX : Number.POSITIVE_INFINITY;
  let scaleY = spanY > 1e-6 ? roomY / spanY : Number.POSITIVE_INFINITY;
  if (fit === "contain") {
    scaleX = scaleY = Math.min(scaleX, scaleY);
  } else {
    scaleX = Math.min(scaleX, scaleY * MAX_STRETCH);
    scaleY = Math.min(scaleY, scaleX * MAX_STRETCH);
  }
  if (!Number.isFinite(scaleX)) scaleX = 0;
  if (!Number.isFinite(scaleY)) scaleY = 0;
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  return positions.map((p) => ({
    x: box.width / 2 + (p.x - centreX) * scaleX,
    y: box.height / 2 + (p.y - centreY) * scaleY,
  }));
}

function closestPair(points: readonly Point[]): number {
  let closest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const d = Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
      if (d < closest) closest = d;
    }
  }
  return closest;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
