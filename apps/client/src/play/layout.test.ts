import { describe, expect, it } from "vitest";
import { compassArrow, LABEL, neighbourSpots } from "./layout.ts";

const apart = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.abs(p.x - q.x) >= LABEL.width - 1e-9 || Math.abs(p.y - q.y) >= LABEL.height - 1e-9;

describe("the phone's neighbourhood map", () => {
  it("R2: a neighbour is drawn in its real direction", () => {
    const [east, north, west] = neighbourSpots([
      { dx: 1, dy: 0 },
      { dx: 0, dy: -1 },
      { dx: -1, dy: 0 },
    ]);
    expect(east!.x).toBeGreaterThan(70);
    expect(east!.y).toBeCloseTo(50);
    expect(north!.y).toBeLessThan(20);
    expect(west!.x).toBeLessThan(30);
  });

  it("P7: neighbours in almost the same direction get labels that do not overlap, in order", () => {
    const spots = neighbourSpots([
      { dx: 0.1, dy: 0.99 },
      { dx: 0.15, dy: 0.98 },
      { dx: -0.9, dy: -0.3 },
      { dx: 0.8, dy: -0.6 },
      { dx: -0.95, dy: -0.2 },
    ]);
    for (const [i, p] of spots.entries()) {
      for (const q of spots.slice(i + 1)) expect(apart(p, q)).toBe(true);
    }
    // The one slightly more to the east stays east of the other.
    expect(spots[1]!.x).toBeGreaterThan(spots[0]!.x);
  });

  it("a lone neighbour and no neighbours at all", () => {
    expect(neighbourSpots([])).toEqual([]);
    expect(neighbourSpots([{ dx: 0, dy: 1 }])[0]!.y).toBeCloseTo(88);
  });

  it("a hub's listed neighbours point in their real direction", () => {
    const arrow = (dx: number, dy: number) => compassArrow(Math.atan2(dy, dx));
    expect(arrow(1, 0)).toBe("→");
    expect(arrow(0, -1)).toBe("↑");
    expect(arrow(-1, 0.1)).toBe("←");
    expect(arrow(-1, -0.1)).toBe("←");
    expect(arrow(0.7, 0.7)).toBe("↘");
    expect(arrow(-0.7, -0.7)).toBe("↖");
  });
});
