import type { Point } from "@quorum/shared";

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Pushes apart drawn nodes that sit closer than `gap`, so that no node hides another (a random
 * geometric network can place two nodes almost on top of each other). Drawing only: the
 * topology is unchanged. Deterministic, so the same network always looks the same.
 */
export function spread(
  points: readonly Point[],
  gap: number,
  bounds: Bounds,
  rounds = 80,
): Point[] {
  const placed = points.map((point) => ({ x: point.x, y: point.y }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const p = placed[i]!;
        const q = placed[j]!;
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= gap) continue;
        if (distance < 1e-6) {
          // Same spot: part them in a direction fixed by their numbers.
          const angle = (i * 7 + j * 13) % 360;
          [dx, dy, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (gap - distance) / 2 / distance;
        p.x -= dx * push;
        p.y -= dy * push;
        q.x += dx * push;
        q.y += dy * push;
        moved = true;
      }
    }
    for (const point of placed) {
      point.x = Math.min(bounds.maxX, Math.max(bounds.minX, point.x));
      point.y = Math.min(bounds.maxY, Math.max(bounds.minY, point.y));
    }
    if (!moved) break;
  }
  return placed;
}
