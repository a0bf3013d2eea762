import * as Phaser from "phaser";
import type { FlyingRaft } from "./raftTraffic.ts";

/**
 * The election drawing's marks (P7: every colour comes with a shape). Messages: RequestVote a
 * diamond, a vote a circle, AppendEntries a square, its reply a triangle; an answer that says
 * no and a heartbeat (no entries) are hollow.
 */

type Layer = Phaser.GameObjects.Graphics;

export interface MessageColours {
  request: number;
  vote: number;
  append: number;
  reply: number;
  outline: number;
  hollow: number;
}

export function messageShape(
  layer: Layer,
  message: FlyingRaft,
  x: number,
  y: number,
  size: number,
  colours: MessageColours,
): void {
  const hollow = message.ok === false || (message.kind === "append" && message.entries === 0);
  const colour = {
    "request-vote": colours.request,
    vote: colours.vote,
    append: colours.append,
    "append-reply": colours.reply,
  }[message.kind];
  layer.fillStyle(hollow ? colours.hollow : colour, 1);
  layer.lineStyle(Math.max(1, size * (hollow ? 0.45 : 0.3)), hollow ? colour : colours.outline, 1);
  switch (message.kind) {
    case "request-vote": {
      const d = size * 1.4;
      polygon(layer, [x, y - d, x + d, y, x, y + d, x - d, y]);
      break;
    }
    case "vote":
      layer.fillCircle(x, y, size).strokeCircle(x, y, size);
      break;
    case "append": {
      const half = message.entries > 0 ? size * 1.05 : size * 0.9;
      layer.fillRect(x - half, y - half, half * 2, half * 2);
      layer.strokeRect(x - half, y - half, half * 2, half * 2);
      break;
    }
    case "append-reply": {
      const h = size * 1.3;
      polygon(layer, [x, y - h, x + h, y + h * 0.8, x - h, y + h * 0.8]);
      break;
    }
  }
}

/** E6: the leader's crown, sitting on top of its node. */
export function crown(
  layer: Layer,
  x: number,
  y: number,
  radius: number,
  fill: number,
  outline: number,
): void {
  const width = radius * 1.5;
  const base = y - radius * 0.82;
  const top = base - radius * 0.85;
  const dip = base - radius * 0.42;
  const left = x - width / 2;
  const right = x + width / 2;
  layer.fillStyle(fill, 1).lineStyle(Math.max(1.5, radius * 0.1), outline, 1);
  polygon(layer, [
    left,
    base,
    right,
    base,
    right,
    top,
    x + width / 4,
    dip,
    x,
    top - radius * 0.1,
    x - width / 4,
    dip,
    left,
    top,
  ]);
}

/** E2: the time left of a node's election timer, an arc that shrinks clockwise from the top. */
export function timerArc(
  layer: Layer,
  x: number,
  y: number,
  radius: number,
  width: number,
  share: number,
  colour: number,
  track: number,
): void {
  layer.lineStyle(width, track, 1).strokeCircle(x, y, radius);
  if (share <= 0) return;
  const start = -Math.PI / 2;
  layer.lineStyle(width, colour, 1);
  layer.beginPath();
  layer.arc(x, y, radius, start, start + share * Math.PI * 2, false, 0.02);
  layer.strokePath();
}

/** A circle of dashes: a ring without a leader in office, or a timer that ran out. */
export function dashedCircle(
  layer: Layer,
  x: number,
  y: number,
  radius: number,
  width: number,
  colour: number,
  dashes = 36,
): void {
  layer.lineStyle(width, colour, 1);
  const step = (Math.PI * 2) / dashes;
  for (let dash = 0; dash < dashes; dash++) {
    layer.beginPath();
    layer.arc(x, y, radius, dash * step, dash * step + step * 0.55, false, 0.02);
    layer.strokePath();
  }
}

function polygon(layer: Layer, flat: number[]): void {
  const points: Phaser.Math.Vector2[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    points.push(new Phaser.Math.Vector2(flat[i]!, flat[i + 1]!));
  }
  layer.fillPoints(points, true).strokePoints(points, true);
}
