import { describe, expect, it } from "vitest";
import { layOutRings } from "./rings.ts";

const box = { width: 1600, height: 800, pixelRatio: 1 };
const clusters = (sizes: number[]) => {
  let next = 0;
  return sizes.map((size) => Array.from({ length: size }, () => next++));
};

describe("§3.2: every cluster drawn as a ring", () => {
  it("members sit around their ring from the top, clockwise, as the engine places them", () => {
    const { centres, rings, nodeRadius } = layOutRings(clusters([4]), box);
    const { centre, radius } = rings[0]!;
    expect(centres[0]!.x).toBeCloseTo(centre.x);
    expect(centres[0]!.y).toBeCloseTo(centre.y - radius);
    expect(centres[1]!.x).toBeCloseTo(centre.x + radius);
    expect(centres[2]!.y).toBeCloseTo(centre.y + radius);
    expect(nodeRadius).toBeLessThanOrEqual(44);
  });

  it("rings share the box in the grid that makes them largest, never overlapping nor leaving it", () => {
    for (const sizes of [[5, 5], [5, 5, 5, 4, 4], [15], [3, 3, 3, 3, 3, 3, 3, 3, 3]]) {
      const { rings, centres, nodeRadius } = layOutRings(clusters(sizes), box, 40);
      for (const [i, a] of rings.entries()) {
        for (const b of rings.slice(i + 1)) {
          const apart = Math.hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y);
          expect(apart).toBeGreaterThan(a.radius + b.radius + 2 * nodeRadius);
        }
      }
      for (const { x, y } of centres) {
        expect(x - nodeRadius).toBeGreaterThanOrEqual(0);
        expect(x + nodeRadius).toBeLessThanOrEqual(box.width);
        expect(y - nodeRadius).toBeGreaterThanOrEqual(40);
        expect(y + nodeRadius).toBeLessThanOrEqual(box.height);
      }
    }
    // Two clusters on a wide screen sit side by side.
    const two = layOutRings(clusters([5, 5]), box).rings;
    expect(two[0]!.centre.y).toBeCloseTo(two[1]!.centre.y);
  });

  it("neighbours on a ring never touch, even in one cluster of a whole class", () => {
    const { centres, nodeRadius } = layOutRings(clusters([40]), box);
    const gap = Math.hypot(centres[0]!.x - centres[1]!.x, centres[0]!.y - centres[1]!.y);
    expect(gap).toBeGreaterThan(2 * nodeRadius);
  });
});
