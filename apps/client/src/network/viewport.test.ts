import { describe, expect, it } from "vitest";
import { clamp, maxZoomFor, panBy, toDrawing, toScreen, WHOLE, zoomAt } from "./viewport.ts";

const frame = { width: 1000, height: 600, maxZoom: 8 };

describe("viewport (zoom and pan for large networks)", () => {
  it("shows the drawing as it is at zoom 1", () => {
    expect(toDrawing(WHOLE, frame, { x: 120, y: 450 })).toEqual({ x: 120, y: 450 });
  });

  it("keeps the point under the cursor where it is while zooming", () => {
    const at = { x: 800, y: 100 };
    const before = toDrawing(WHOLE, frame, at);
    const zoomed = zoomAt(WHOLE, frame, 2, at);
    expect(zoomed.zoom).toBe(2);
    const after = toDrawing(zoomed, frame, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    const back = toScreen(zoomed, frame, after);
    expect(back.x).toBeCloseTo(at.x);
    expect(back.y).toBeCloseTo(at.y);
  });

  it("zooms no further out than the whole network and no further in than the frame allows", () => {
    expect(zoomAt(WHOLE, frame, 0.5, { x: 0, y: 0 })).toEqual(WHOLE);
    expect(zoomAt(WHOLE, frame, 100, { x: 500, y: 300 }).zoom).toBe(8);
    expect(zoomAt(WHOLE, { ...frame, maxZoom: 1.5 }, 4, { x: 500, y: 300 }).zoom).toBe(1.5);
  });

  it("lets a dense network zoom in further than a sparse one", () => {
    expect(maxZoomFor(6, 120)).toBe(8);
    expect(maxZoomFor(40, 120)).toBe(3);
    expect(maxZoomFor(200, 120)).toBe(1);
  });

  it("moves the picture with the drag and never past the drawing's edge", () => {
    const zoomed = { zoom: 2, x: 0, y: 0 };
    // Dragging right by 100 screen pixels shows what lay 50 drawing pixels to the left.
    expect(panBy(zoomed, frame, 100, 0)).toEqual({ zoom: 2, x: -50, y: 0 });
    const far = panBy(zoomed, frame, -5000, -5000);
    expect(far).toEqual({ zoom: 2, x: 250, y: 150 });
    // The screen's corner then shows the drawing's corner exactly.
    expect(toDrawing(far, frame, { x: 1000, y: 600 })).toEqual({ x: 1000, y: 600 });
  });

  it("cannot pan the whole network off screen", () => {
    expect(panBy(WHOLE, frame, 300, 300)).toEqual(WHOLE);
    expect(clamp({ zoom: 0.2, x: 40, y: -40 }, frame)).toEqual(WHOLE);
  });
});
