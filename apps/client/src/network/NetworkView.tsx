import type { Topology } from "@quorum/shared";
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { Fit } from "./layout.ts";
import type { NetworkDrawing } from "./mountNetwork.ts";

interface Props {
  topology: Topology | null;
  fit: Fit;
  /** A backdrop is hidden from screen readers; otherwise the drawing is announced as an image. */
  decorative?: boolean;
  class?: string;
}

type Status = "loading" | "ready" | "failed";

/**
 * A network drawn by Phaser, which is loaded only when this first renders: never on the way to
 * the join form. What is on screen is mirrored as data-nodes / data-links / data-labels /
 * data-renderer on the outer element, for tests and for debugging on a classroom projector.
 */
export function NetworkView({ topology, fit, decorative = false, class: className }: Props) {
  const { t } = useI18n();
  const outer = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const drawing = useRef<NetworkDrawing | null>(null);
  const [status, setStatus] = useState<Status>("loading");

  useEffect(() => {
    let unmounted = false;
    const data = () => outer.current?.dataset ?? {};
    import("./mountNetwork.ts")
      .then(({ mountNetwork }) =>
        mountNetwork(canvasHost.current!, {
          fit,
          onDrawn({ nodes, links, labels }) {
            Object.assign(data(), {
              nodes: String(nodes),
              links: String(links),
              labels: String(labels),
            });
          },
          onRenderer(renderer) {
            data().renderer = renderer;
          },
        }),
      )
      .then((mounted) => {
        if (unmounted) return mounted.destroy();
        drawing.current = mounted;
        setStatus("ready");
      })
      .catch(() => {
        if (!unmounted) setStatus("failed");
      });
    return () => {
      unmounted = true;
      drawing.current?.destroy();
      drawing.current = null;
    };
  }, [fit]);

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
      {status !== "ready" && (
        <p class="network__status">
          {status === "failed" ? t("network.failed") : t("network.loading")}
        </p>
      )}
    </div>
  );
}
