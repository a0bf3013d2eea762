import type { Point } from "@quorum/shared";
import { LiveNetworkScene, type LivePalette, type Pick } from "./LiveNetworkScene.ts";
import type { LiveNetwork, Marks, TickClock, Traffic } from "./live.ts";
import {
  centresInCss,
  hostPhaser,
  inCssPixels,
  type PageLook,
  type Renderer,
} from "./phaserHost.ts";
import type { ZoomState } from "./viewport.ts";

/** A live round drawn by Phaser inside a DOM element; the element decides its size. */
export interface LiveDrawing {
  show(network: LiveNetwork): void;
  setMarks(marks: Marks): void;
  /** What is under a point given in CSS pixels from the element's top left corner. */
  pick(x: number, y: number): Pick;
  /** Zooms by `factor` about a point in CSS pixels from the element's top left corner. */
  zoomAt(factor: number, x: number, y: number): ZoomState;
  /** Follows a drag of (dx, dy) CSS pixels. */
  panBy(dx: number, dy: number): ZoomState;
  resetView(): ZoomState;
  zoomState(): ZoomState;
  destroy(): void;
}

export interface LiveMountOptions {
  traffic: Traffic;
  clock: TickClock;
  causeText(cause: string): string;
  /** What is on screen; node centres in CSS pixels from the element's top left corner. */
  onDrawn(drawn: { nodes: number; links: number; centres: readonly Point[] }): void;
  onRenderer(renderer: "webgl" | "canvas"): void;
  /**
   * Canvas by default: a thousand packets are a thousand small shapes a frame, which Canvas 2D
   * draws in ~4 ms while Phaser's WebGL path spends ~25 ms tessellating them in JavaScript and,
   * on a machine without a GPU, reaches 3–6 fps (docs/benchmarks.md, "Projector").
   */
  renderer?: Renderer;
}

/** Like mountNetwork, for a round in play: sharp on any screen, drawing only (P7). */
export async function mountLiveNetwork(
  parent: HTMLElement,
  options: LiveMountOptions,
): Promise<LiveDrawing> {
  let network: LiveNetwork | null = null;
  const host = await hostPhaser(parent, {
    scene: (look, onReady) =>
      new LiveNetworkScene({
        palette: readPalette(look),
        fontFamily: look.fontFamily,
        motion: look.motion,
        traffic: options.traffic,
        clock: options.clock,
        causeText: options.causeText,
        onReady,
        onDrawn: (drawn) =>
          options.onDrawn({
            ...drawn,
            centres: centresInCss(drawn.centres, look.pixelRatio),
          }),
      }),
    resized(scene, box) {
      if (network) scene.show(network, box);
    },
    onRenderer: options.onRenderer,
    renderer: options.renderer ?? "canvas",
  });
  const { scene, pixelRatio } = host;
  return {
    show(next) {
      network = next;
      scene.show(next, host.box());
    },
    setMarks: (marks) => scene.setMarks(marks),
    ...inCssPixels(scene, pixelRatio),
    destroy: host.destroy,
  };
}

function readPalette({ colour, number }: PageLook): LivePalette {
  return {
    link: number("--net-link"),
    node: number("--net-node"),
    nodeOutline: number("--net-node-outline"),
    label: colour("--net-label"),
    down: number("--net-down"),
    cut: number("--net-cut"),
    drop: number("--net-drop"),
    dropLabel: colour("--net-drop-label"),
    data: number("--net-packet"),
    ack: number("--net-ack"),
    flood: number("--net-flood"),
    packetOutline: number("--net-packet-outline"),
    select: number("--net-select"),
    groups: [1, 2, 3, 4].map((group) => number(`--net-group-${group}`)),
  };
}
