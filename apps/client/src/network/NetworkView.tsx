import type { Topology } from "@quorum/shared";
import { useEffect } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { Fit } from "./layout.ts";
import { DrawingStatusNote, useLazyDrawing } from "./useLazyDrawing.tsx";

interface Props {
  topology: Topology | null;
  fit: Fit;
  /** A backdrop is hidden from screen readers; otherwise the drawing is announced as an image. */
  decorative?: boolean;
  class?: string;
}

/**
 * A network drawn by Phaser, which is loaded only when this first renders: never on the way to
 * the join form. What is on screen is mirrored as data-nodes / data-links / data-labels /
 * data-renderer on the outer element, for tests and for debugging on a classroom projector.
 */
export function NetworkView({ topology, fit, decorative = false, class: className }: Props) {
  const { t } = useI18n();
  const { outer, canvasHost, drawing, status } = useLazyDrawing(
    () => import("./mountNetwork.ts"),
    ({ mountNetwork }, parent, mirror) =>
      mountNetwork(parent, {
        fit,
        onDrawn({ nodes, links, labels }) {
          mirror({ nodes: String(nodes), links: String(links), labels: String(labels) });
        },
        onRenderer(renderer) {
          mirror({ renderer });
        },
      }),
    [fit],
  );

  useEffect(() => {
    if (status === "ready" && topology) drawing.current?.show(topology);
  }, [status, topology]);

  const canvas = <div ref={canvasHost} class="network__canvas" />;
  const classes = className ? `network ${className}` : "network";
  if (decorative) {
    return (
      <div ref={outer} class={classes} data-status={status} aria-hidden="true">
        {canvas}
      </div>
    );
  }
  const label = topology
    ? t("network.label", { nodes: topology.positions.length, links: topology.links.length })
    : t("network.loading");
  return (
    <div ref={outer} class={classes} data-status={status} role="img" aria-label={label}>
      {canvas}
      <DrawingStatusNote status={status} />
    </div>
  );
}
