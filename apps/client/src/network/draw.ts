import type * as Phaser from "phaser";

/** Drawing pieces both live scenes share: the routing network and the election rings. */
type Layer = Phaser.GameObjects.Graphics;

/** A dashed line: `dash` drawn, `gap` left out, in canvas pixels. */
export function dashedLine(
  layer: Layer,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  dash: number,
  gap: number,
): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  for (let at = 0; at < length; at += dash + gap) {
    const end = Math.min(length, at + dash);
    layer.lineBetween(x1 + ux * at, y1 + uy * at, x1 + ux * end, y1 + uy * end);
  }
}

export function cross(
  layer: Layer,
  x: number,
  y: number,
  half: number,
  width: number,
  colour: number,
  alpha = 1,
): void {
  layer.lineStyle(width, colour, alpha);
  layer.lineBetween(x - half, y - half, x + half, y + half);
  layer.lineBetween(x - half, y + half, x + half, y - half);
}

/** N6: a lost message — rays around the node, so it never looks like a crashed node's cross. */
export function burst(
  layer: Layer,
  x: number,
  y: number,
  radius: number,
  width: number,
  colour: number,
  alpha: number,
): void {
  layer.lineStyle(width, colour, alpha);
  for (let ray = 0; ray < 8; ray++) {
    const angle = (ray * Math.PI) / 4 + Math.PI / 8;
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    layer.lineBetween(
      x + dx * radius * 1.15,
      y + dy * radius * 1.15,
      x + dx * radius * 1.5,
      y + dy * radius * 1.5,
    );
  }
}

/** Keeps exactly `count` text objects in a pool, making or destroying the difference. */
export function sync<T extends Phaser.GameObjects.Text>(
  pool: T[],
  count: number,
  make: () => T,
): void {
  while (pool.length > count) pool.pop()!.destroy();
  while (pool.length < count) pool.push(make());
}

/** At most `max` characters, the last one an ellipsis when it is cut. */
export function shorten(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}
