import type { Point } from "@quorum/shared";

/**
 * Which part of a drawing is on screen: a zoom factor and how far the camera has moved, in
 * canvas pixels — the numbers Phaser's camera takes. The camera zooms about the middle of the
 * box, so `{ zoom: 1, x: 0, y: 0 }` shows the whole network.
 */
export interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

/** How far a drawing is zoomed in, and how far it could be. */
export interface ZoomState {
  zoom: number;
  maxZoom: number;
}

/** The box the drawing fills (canvas pixels) and how far in this network may be zoomed. */
export interface Frame {
  width: number;
  height: number;
  maxZoom: number;
}

export const WHOLE: Viewport = { zoom: 1, x: 0, y: 0 };
/** One press of a zoom button. */
export const ZOOM_STEP = 1.5;

/**
 * How far in a network is worth zooming: until a node is `largest` canvas pixels across, and
 * never more than 8× — close enough to read one router's links among a thousand.
 */
export function maxZoomFor(radius: number, largest: number): number {
  return Math.max(1, Math.min(8, largest / Math.max(1, radius)));
}

/** The drawing's point (canvas pixels at zoom 1) under a point of the screen (canvas pixels). */
export function toDrawing(view: Viewport, frame: Frame, screen: Point): Point {
  const cx = frame.width / 2;
  const cy = frame.height / 2;
  return {
    x: (screen.x - cx) / view.zoom + view.x + cx,
    y: (screen.y - cy) / view.zoom + view.y + cy,
  };
}

/** Where a point of the drawing (canvas pixels at zoom 1) is on screen now. */
export function toScreen(view: Viewport, frame: Frame, drawing: Point): Point {
  const cx = frame.width / 2;
  const cy = frame.height / 2;
  return {
    x: (drawing.x - view.x - cx) * view.zoom + cx,
    y: (drawing.y - view.y - cy) * view.zoom + cy,
  };
}

/** Zooms by `factor`, keeping the drawing's point under `at` (screen pixels) where it is. */
export function zoomAt(view: Viewport, frame: Frame, factor: number, at: Point): Viewport {
  const zoom = Math.min(frame.maxZoom, Math.max(1, view.zoom * factor));
  const fixed = toDrawing(view, frame, at);
  const cx = frame.width / 2;
  const cy = frame.height / 2;
  return clamp(
    { zoom, x: fixed.x - cx - (at.x - cx) / zoom, y: fixed.y - cy - (at.y - cy) / zoom },
    frame,
  );
}

/** Moves the picture by a drag of (dx, dy) screen pixels: it follows the finger. */
export function panBy(view: Viewport, frame: Frame, dx: number, dy: number): Viewport {
  return clamp({ ...view, x: view.x - dx / view.zoom, y: view.y - dy / view.zoom }, frame);
}

/** Never past the drawing's edge: at zoom z the camera may move (1 − 1/z) of half the box. */
export function clamp(view: Viewport, frame: Frame): Viewport {
  const zoom = Math.min(frame.maxZoom, Math.max(1, view.zoom));
  if (zoom === 1) return WHOLE;
  const room = 1 - 1 / zoom;
  const limit = (value: number, half: number) =>
    Math.min(half * room, Math.max(-half * room, value));
  return { zoom, x: limit(view.x, frame.width / 2), y: limit(view.y, frame.height / 2) };
}
