import { describe, expect, it } from "vitest";
import { spread } from "./spread.ts";

const bounds = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
const closest = (points: { x: number; y: number }[]) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      best = Math.min(best, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    }
  }
  return best;
};

describe("spread", () => {
  it("parts nodes that would hide each other, inside the box, the same way every time", () => {
    const points = [
      { x: 50, y: 50 },
      { x: 50, y: 50 },
      { x: 52, y: 51 },
      { x: 10, y: 90 },
    ];
    const once = spread(points, 12, bounds);
    expect(closest(once)).toBeGreaterThan(11);
    for (const point of once) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(100);
    }
    expect(spread(points, 12, bounds)).toEqual(once);
    expect(once[3]).toEqual({ x: 10, y: 90 });
  });
});
