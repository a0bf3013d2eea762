import type { Point } from "@quorum/shared";
import { useRef, useState } from "preact/hooks";
import { ZOOM_STEP, type ZoomState } from "./viewport.ts";

/** What the gestures move: the drawing, in CSS pixels from its element's top left corner. */
export interface Zoomable {
  zoomAt(factor: number, x: number, y: number): ZoomState;
  panBy(dx: number, dy: number): ZoomState;
  resetView(): ZoomState;
}

/** A press that moves less than this (CSS pixels) is a click, not a drag. */
const CLICK_SLOP = 6;

/**
 * Zoom and pan for a drawing of a large network: drag to move, pinch or Ctrl + wheel to zoom
 * about the fingers or the pointer, and buttons for both (P7: every gesture has a control). A
 * press that does not move picks what is under it (`onPick`), so clicking a node or link still
 * works.
 */
export function useZoomGestures<Picked>(
  target: () => {
    element: HTMLElement;
    drawing: Zoomable & { pick(x: number, y: number): Picked };
  } | null,
  onPick: (picked: NonNullable<Picked>) => void,
) {
  const [state, setState] = useState<ZoomState>({ zoom: 1, maxZoom: 1 });
  const pointers = useRef(new Map<number, Point>());
  const press = useRef<{ start: Point; moved: boolean } | null>(null);

  const where = (event: PointerEvent | WheelEvent, element: HTMLElement): Point => {
    const rect = element.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const centre = (element: HTMLElement): Point => ({
    x: element.clientWidth / 2,
    y: element.clientHeight / 2,
  });

  const handlers = {
    onPointerDown(event: PointerEvent) {
      const found = target();
      if (!found || (event.pointerType === "mouse" && event.button !== 0)) return;
      // The zoom buttons on the drawing are pressed, not dragged.
      if (event.target instanceof Element && event.target.closest("button")) return;
      const point = where(event, found.element);
      pointers.current.set(event.pointerId, point);
      if (pointers.current.size === 1) press.current = { start: point, moved: false };
      // Only a zoomed drawing keeps the pointer: otherwise a finger still scrolls the page.
      if (state.zoom > 1 || pointers.current.size > 1) {
        found.element.setPointerCapture?.(event.pointerId);
      }
    },
    onPointerMove(event: PointerEvent) {
      const found = target();
      const previous = pointers.current.get(event.pointerId);
      if (!found || !previous) return;
      const point = where(event, found.element);
      pointers.current.set(event.pointerId, point);
      const current = press.current;
      if (!current) return;
      const others = [...pointers.current].filter(([id]) => id !== event.pointerId);
      if (others.length === 1) {
        // Pinch: the distance between two fingers sets the zoom, about their middle.
        const other = others[0]![1];
        const before = Math.hypot(previous.x - other.x, previous.y - other.y);
        const after = Math.hypot(point.x - other.x, point.y - other.y);
        current.moved = true;
        if (before > 0) {
          const middle = { x: (point.x + other.x) / 2, y: (point.y + other.y) / 2 };
          setState(found.drawing.zoomAt(after / before, middle.x, middle.y));
        }
        return;
      }
      const far = Math.hypot(point.x - current.start.x, point.y - current.start.y);
      if (!current.moved && far < CLICK_SLOP) return;
      current.moved = true;
      setState(found.drawing.panBy(point.x - previous.x, point.y - previous.y));
    },
    onPointerUp(event: PointerEvent) {
      const known = pointers.current.delete(event.pointerId);
      if (!known) return;
      const current = press.current;
      if (pointers.current.size > 0) return;
      press.current = null;
      const found = target();
      if (!current || current.moved || !found) return;
      const point = where(event, found.element);
      const picked = found.drawing.pick(point.x, point.y);
      if (picked) onPick(picked);
    },
    /** Lost, or (not captured) gone off the drawing: forget it. */
    onPointerCancel(event: PointerEvent) {
      pointers.current.delete(event.pointerId);
      if (pointers.current.size === 0) press.current = null;
    },
    /** Ctrl + wheel, and a trackpad's pinch (which browsers send as one); a plain wheel scrolls the page. */
    onWheel(event: WheelEvent) {
      const found = target();
      if (!found || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1;
      const point = where(event, found.element);
      setState(found.drawing.zoomAt(Math.exp(-event.deltaY * lines * 0.002), point.x, point.y));
    },
  };

  const buttons = {
    zoomIn() {
      const found = target();
      if (!found) return;
      const { x, y } = centre(found.element);
      setState(found.drawing.zoomAt(ZOOM_STEP, x, y));
    },
    zoomOut() {
      const found = target();
      if (!found) return;
      const { x, y } = centre(found.element);
      setState(found.drawing.zoomAt(1 / ZOOM_STEP, x, y));
    },
    reset() {
      const found = target();
      if (found) setState(found.drawing.resetView());
    },
  };

  return { state, setState, handlers, buttons };
}
