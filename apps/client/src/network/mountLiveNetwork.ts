import type { Point } from "@quorum/shared";
import * as Phaser from "phaser";
import { LiveNetworkScene, type LivePalette, type Pick } from "./LiveNetworkScene.ts";
import type { Box } from "./layout.ts";
import type { LiveNetwork, Marks, TickClock, Traffic } from "./live.ts";

/** A live round drawn by Phaser inside a DOM element; the element decides its size. */
export interface LiveDrawing {
  show(network: LiveNetwork): void;
  setMarks(marks: Marks): void;
  /** What is under a point given in CSS pixels from the element's top left corner. */
  pick(x: number, y: number): Pick;
  destroy(): void;
}

export interface LiveMountOptions {
  traffic: Traffic;
  clock: TickClock;
  causeText(cause: string): string;
  /** What is on screen; node centres in CSS pixels from the element's top left corner. */
  onDrawn(drawn: { nodes: number; links: number; centres: readonly Point[] }): void;
  onRenderer(renderer: "webgl" | "canvas"): void;
}

const reducedMotion = "(prefers-reduced-motion: reduce)";

/** Like mountNetwork, for a round in play: sharp on any screen, drawing only (P7). */
export function mountLiveNetwork(
  parent: HTMLElement,
  options: LiveMountOptions,
): Promise<LiveDrawing> {
  const style = getComputedStyle(parent);
  const motionQuery = matchMedia(reducedMotion);
  const pixelRatio = Math.min(window.devicePixelRatio || 1, 3);
  const measure = (): Box => ({
    width: Math.max(1, Math.round(parent.clientWidth * pixelRatio)),
    height: Math.max(1, Math.round(parent.clientHeight * pixelRatio)),
    pixelRatio,
  });
  let box = measure();
  let network: LiveNetwork | null = null;

  return new Promise((resolve) => {
    const scene = new LiveNetworkScene({
      palette: readPalette(style),
      fontFamily: style.fontFamily,
      motion: !motionQuery.matches,
      traffic: options.traffic,
      clock: options.clock,
      causeText: options.causeText,
      onReady: () => resolve(attach()),
      onDrawn: (drawn) =>
        options.onDrawn({
          ...drawn,
          centres: drawn.centres.map(({ x, y }) => ({ x: x / pixelRatio, y: y / pixelRatio })),
        }),
    });
    const game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      width: box.width,
      height: box.height,
      scale: { mode: Phaser.Scale.NONE, zoom: 1 / pixelRatio },
      transparent: true,
      banner: false,
      audio: { noAudio: true },
      // P7: the canvas only draws; clicks are read by the DOM element around it.
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      fps: { limit: 30 },
      scene,
      callbacks: {
        postBoot() {
          options.onRenderer(game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas");
        },
      },
    });

    function attach(): LiveDrawing {
      const resize = new ResizeObserver(() => {
        const next = measure();
        if (next.width === box.width && next.height === box.height) return;
        box = next;
        game.scale.resize(box.width, box.height);
        if (network) scene.show(network, box);
      });
      const onMotionChange = () => scene.setMotion(!motionQuery.matches);
      resize.observe(parent);
      motionQuery.addEventListener("change", onMotionChange);
      return {
        show(next) {
          network = next;
          scene.show(next, box);
        },
        setMarks: (marks) => scene.setMarks(marks),
        pick: (x, y) => scene.pick(x * pixelRatio, y * pixelRatio),
        destroy() {
          resize.disconnect();
          motionQuery.removeEventListener("change", onMotionChange);
          game.destroy(true);
        },
      };
    }
  });
}

function readPalette(style: CSSStyleDeclaration): LivePalette {
  const colour = (name: string) => style.getPropertyValue(name).trim();
  const number = (name: string) => Number.parseInt(colour(name).replace("#", ""), 16);
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
