import { PACKET_ENDS } from "@quorum/shared/modes/routing/packet";
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { Pick } from "./LiveNetworkScene.ts";
import type { LiveNetwork, Marks, TickClock, Traffic } from "./live.ts";
import { DrawingStatusNote, useLazyDrawing } from "./useLazyDrawing.tsx";
import { useZoomGestures } from "./useZoomGestures.ts";
import { ZoomControls } from "./ZoomControls.tsx";

/** The drawing's code (Phaser with it), loaded once; screens that will draw fetch it early. */
export const loadLiveDrawing = () => import("./mountLiveNetwork.ts");

/** Fetches the drawing while the class gathers, so the round's first tick is drawn at once. */
export function usePreloadedLiveDrawing(): void {
  useEffect(() => {
    loadLiveDrawing().catch(() => {
      // Loaded again, with its error shown, when the round's drawing mounts.
    });
  }, []);
}

interface Props {
  network: LiveNetwork | null;
  traffic: Traffic;
  clock: TickClock;
  marks?: Marks;
  /** A click on a node or link of the drawing; the same actions have DOM controls (P7). */
  onPick?(pick: NonNullable<Pick>): void;
  /** What the drawing shows, for screen readers. */
  label: string;
  class?: string;
}

/**
 * A running round drawn by Phaser (loaded with this component). Mirrors what is on screen as
 * data-nodes / data-links / data-renderer and data-centres (each node's "x,y" in CSS pixels) on
 * the outer element, for tests and debugging.
 */
export function LiveNetworkView({
  network,
  traffic,
  clock,
  marks,
  onPick,
  label,
  class: className,
}: Props) {
  const { t } = useI18n();
  // The scene asks for words at draw time; keep the current language's.
  const causeText = useRef((cause: string) => cause);
  causeText.current = (cause) => {
    const end = PACKET_ENDS.find((known) => known === cause);
    return end ? t(`drop.${end}`) : cause;
  };
  const { outer, canvasHost, drawing, status } = useLazyDrawing(
    loadLiveDrawing,
    ({ mountLiveNetwork }, parent, mirror) =>
      mountLiveNetwork(parent, {
        traffic,
        clock,
        causeText: (cause) => causeText.current(cause),
        onDrawn({ nodes, links, centres }) {
          const where = centres.map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`).join(" ");
          mirror({ nodes: String(nodes), links: String(links), centres: where });
        },
        onRenderer(renderer) {
          mirror({ renderer });
        },
      }),
    [traffic, clock],
  );

  const zoom = useZoomGestures(
    () =>
      outer.current && drawing.current
        ? { element: outer.current, drawing: drawing.current }
        : null,
    (picked) => onPick?.(picked),
  );

  useEffect(() => {
    if (status !== "ready" || !network || !drawing.current) return;
    drawing.current.show(network);
    zoom.setState(drawing.current.zoomState());
  }, [status, network]);

  useEffect(() => {
    if (status === "ready" && marks) drawing.current?.setMarks(marks);
  }, [status, marks]);

  const zoomed = zoom.state.zoom > 1;
  const classes = [
    "network",
    "network--live",
    onPick && "network--pickable",
    zoomed && "network--zoomed",
    className,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      ref={outer}
      class={classes}
      data-status={status}
      data-zoom={zoom.state.zoom.toFixed(2)}
      onPointerDown={zoom.handlers.onPointerDown}
      onPointerMove={zoom.handlers.onPointerMove}
      onPointerUp={zoom.handlers.onPointerUp}
      onPointerCancel={zoom.handlers.onPointerCancel}
      onPointerLeave={zoom.handlers.onPointerCancel}
      onWheel={zoom.handlers.onWheel}
    >
      <div ref={canvasHost} class="network__canvas" role="img" aria-label={label} />
      <DrawingStatusNote status={status} />
      {status === "ready" && <ZoomControls zoom={zoom} />}
    </div>
  );
}
