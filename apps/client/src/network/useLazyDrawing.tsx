import { type Inputs, useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";

export type DrawingStatus = "loading" | "ready" | "failed";

/** Writes what is on screen into the outer element's data-* attributes (tests, debugging). */
export type Mirror = (values: Record<string, string>) => void;

/**
 * A Phaser drawing whose code is loaded only when the component first renders, mounted into
 * `canvasHost` and destroyed with it. `status` says whether it can be shown something yet; the
 * outer element carries it as data-status, and `mirror` writes more data-* attributes on it.
 * A new drawing is mounted whenever one of `inputs` changes.
 */
export function useLazyDrawing<Module, Drawing extends { destroy(): void }>(
  load: () => Promise<Module>,
  mount: (module: Module, parent: HTMLElement, mirror: Mirror) => Promise<Drawing>,
  inputs: Inputs,
) {
  const outer = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const drawing = useRef<Drawing | null>(null);
  const [status, setStatus] = useState<DrawingStatus>("loading");

  useEffect(() => {
    let unmounted = false;
    const mirror: Mirror = (values) => Object.assign(outer.current?.dataset ?? {}, values);
    load()
      .then((module) => mount(module, canvasHost.current!, mirror))
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
  }, inputs);

  return { outer, canvasHost, drawing, status };
}

/** "Loading…" or "could not be drawn" over the canvas until the drawing is ready. */
export function DrawingStatusNote({ status }: { status: DrawingStatus }) {
  const { t } = useI18n();
  if (status === "ready") return null;
  return (
    <p class="network__status">
      {status === "failed" ? t("network.failed") : t("network.loading")}
    </p>
  );
}
