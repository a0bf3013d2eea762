/** Where a neighbour sits on the phone's map, in percent of the map's width and height. */
export interface MapSpot {
  x: number;
  y: number;
  /** The direction it is drawn in, in radians (screen coordinates: y grows downwards). */
  angle: number;
}

/** A label's size in percent of a 360 px phone's map (about 110 × 60 px of 330 × 270 px). */
export interface LabelSize {
  width: number;
  height: number;
}

/** @default a name and one line of link facts */
export const LABEL = { width: 34, height: 24 } as const satisfies LabelSize;

/** More neighbours than this do not fit around a node on a phone; they are listed instead. */
export const ROOMY_NEIGHBOURS = 7;

/** Radii of the ellipse the labels sit on: a label 40 % wide centred at 20–80 % stays inside. */
const RADIUS_X = 30;
const RADIUS_Y = 38;
const STEP = 0.02;

/**
 * Each neighbour in its real direction from this node (view.neighbours dx/dy), nudged apart just
 * enough that labels in almost the same direction do not cover each other. The order around the
 * circle never changes, so "left of me" stays left of me.
 */
export function neighbourSpots(
  directions: readonly { dx: number; dy: number }[],
  label: LabelSize = LABEL,
): MapSpot[] {
  const count = directions.length;
  if (count === 0) return [];
  const order = directions
    .map(({ dx, dy }, index) => ({ index, angle: Math.atan2(dy, dx) }))
    .sort((p, q) => p.angle - q.angle || p.index - q.index);
  const angles = order.map((entry) => entry.angle);
  // Push neighbours apart a little at a time until no two labels overlap (up to ROOMY_NEIGHBOURS
  // there is room for that; a hub's neighbours are listed instead).
  for (let round = 0; round < 400 && count > 1; round++) {
    let moved = false;
    for (let i = 0; i < count; i++) {
      const next = (i + 1) % count;
      const wrap = next === 0 ? 2 * Math.PI : 0;
      const space = angles[next]! + wrap - angles[i]!;
      // A pair already opposite each other has nothing to gain from moving.
      if (space > Math.PI || !overlaps(angles[i]!, angles[next]!, label)) continue;
      angles[i]! -= STEP;
      angles[next]! += STEP;
      moved = true;
    }
    if (!moved) break;
  }
  const spots: MapSpot[] = new Array(count);
  order.forEach(({ index }, i) => {
    spots[index] = spotAt(angles[i]!);
  });
  return spots;
}

function spotAt(angle: number): MapSpot {
  return { x: 50 + RADIUS_X * Math.cos(angle), y: 50 + RADIUS_Y * Math.sin(angle), angle };
}

function overlaps(a: number, b: number, label: LabelSize): boolean {
  const p = spotAt(a);
  const q = spotAt(b);
  return Math.abs(p.x - q.x) < label.width && Math.abs(p.y - q.y) < label.height;
}

const ARROWS = ["→", "↘", "↓", "↙", "←", "↖", "↑", "↗"] as const;

/** The compass arrow nearest to a direction in screen radians (0 is east, y grows downwards). */
export function compassArrow(angle: number): string {
  const eighth = Math.round(angle / (Math.PI / 4));
  return ARROWS[((eighth % 8) + 8) % 8]!;
}
