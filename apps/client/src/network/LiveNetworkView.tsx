import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import type { Pick } from "./LiveNetworkScene.ts";
import type { LiveNetwork, Marks, TickClock, Traffic } from "./live.ts";
import type { LiveDrawing } from "./mountLiveNetwork.ts";

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

type Status = "loading" | "ready" | "failed";

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
  const outer = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const drawing = useRef<LiveDrawing | null>(null);
  const [status, setStatus] = useState<Status>("loading");
  // The scene asks for words at draw time; keep the current language's.
  const causeText = useRef((cause: string) => cause);
  causeText.current = (cause) => {
    const key = `drop.${cause}` as const;
    return isDropKey(key) ? t(key) : cause;
  };

  useEffect(() => {
    let unmounted = false;
    const data = () => outer.current?.dataset ?? {};
    import("./mountLiveNetwork.ts")
      .then(({ mountLiveNetwork }) =>
        mountLiveNetwork(canvasHost.current!, {
          traffic,
          clock,
          causeText: (cause) => causeText.current(cause),
          onDrawn({ nodes, links, centres }) {
            const where = centres.map(({ x, y }) => `${Math.round(x)},${Math.round(y)}`).join(" ");
            Object.assign(data(), { nodes: String(nodes), links: String(links), centres: where });
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
  }, [traffic, clock]);

  useEffect(() => {
    if (status === "ready" && network) drawing.current?.show(network);
  }, [status, network]);

  useEffect(() => {
    if (status === "ready" && marks) drawing.current?.setMarks(marks);
  }, [status, marks]);

  const pick = (event: PointerEvent) => {
    const target = outer.current;
    if (!onPick || !target || !drawing.current) return;
    const rect = target.getBoundingClientRect();
    const found = drawing.current.pick(event.clientX - rect.left, event.clientY - rect.top);
    if (found) onPick(found);
  };

  const classes = ["network", "network--live", onPick && "network--pickable", className]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      ref={outer}
      class={classes}
      data-status={status}
      role="img"
      aria-label={label}
      onPointerUp={pick}
    >
      <div ref={canvasHost} class="network__canvas" />
      {status !== "ready" && (
        <p class="network__status">
          {status === "failed" ? t("network.failed") : t("network.loading")}
        </p>
      )}
    </div>
  );
}

const DROP_KEYS = new Set([
  "drop.loss",
  "drop.ttl",
  "drop.queue-full",
  "drop.link-down",
  "drop.node-down",
  "drop.partition",
  "drop.discard",
  "drop.duplicate",
] as const);

type DropKey = typeof DROP_KEYS extends Set<infer K> ? K : never;

function isDropKey(key: string): key is DropKey {
  return (DROP_KEYS as Set<string>).has(key);
}
