import { DROP_CAUSES } from "@quorum/shared/net/network";
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n.tsx";
import type { TickClock } from "../live.ts";
import { DrawingStatusNote, useLazyDrawing } from "../useLazyDrawing.tsx";
import { useZoomGestures } from "../useZoomGestures.ts";
import { ZoomControls } from "../ZoomControls.tsx";
import type { RingMarks, RingsPicture } from "./picture.ts";
import type { RaftTraffic } from "./raftTraffic.ts";

/** The rings' code (Phaser with it), loaded once; the lobby fetches it early. */
export const loadElectionDrawing = () => import("./mountElection.ts");

/** Fetches the rings' code once an election round is coming, so its first tick is drawn at once. */
export function usePreloadedElectionDrawing(coming: boolean): void {
  useEffect(() => {
    if (!coming) return;
    loadElectionDrawing().catch(() => {
      // Loaded again, with its error shown, when the round's drawing mounts.
    });
  }, [coming]);
}

interface Props {
  picture: RingsPicture | null;
  traffic: RaftTraffic;
  clock: TickClock;
  marks?: RingMarks;
  /** A click on a node; the same actions have DOM controls (P7). */
  onPickNode?(node: number): void;
  /** What the drawing shows, for screen readers. */
  label: string;
  class?: string;
}

/**
 * A leader-election round drawn by Phaser as rings (loaded with this component). Mirrors what is
 * on screen as data-nodes / data-clusters and data-centres (each node's "x,y" in CSS pixels) on
 * the outer element, for tests and debugging.
 */
export function ElectionDrawing({
  picture,
  traffic,
  clock,
  marks,
  onPickNode,
  label,
  class: className,
}: Props) {
  const { t } = useI18n();
  // The scene asks for words at draw time; keep the current language's.
  const words = useRef({ cause: (cause: string) => cause, term: (term: number) => String(term) });
  words.current = {
    cause: (cause) => {
      const known = DROP_CAUSES.find((entry) => entry === cause);
      return known ? t(`drop.${known}`) : cause;
    },
    term: (term) => t("teach.election.termShort", { term }),
  };
  const { outer, canvasHost, drawing, status } = useLazyDrawing(
    loadElectionDrawing,
    ({ mountElection }, parent, mirror) =>
      mountElection(parent, {
        traffic,
        clock,
        causeText: (cause) => words.current.cause(cause),
        termText: (term) => words.current.term(term),
        onDrawn({ nodes, clusters, centres }) {
          const where = centres.map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`).join(" ");
          mirror({ nodes: String(nodes), clusters: String(clusters), centres: where });
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
    (picked) => onPickNode?.(picked.node),
  );

  useEffect(() => {
    if (status !== "ready" || !picture || !drawing.current) return;
    drawing.current.show(picture);
    zoom.setState(drawing.current.zoomState());
  }, [status, picture]);

  useEffect(() => {
    if (status === "ready" && marks) drawing.current?.setMarks(marks);
  }, [status, marks]);

  const classes = [
    "network",
    "network--live",
    "election-drawing",
    onPickNode && "network--pickable",
    zoom.state.zoom > 1 && "network--zoomed",
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
