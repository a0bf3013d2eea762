import type { Topology } from "@quorum/shared";
import * as Phaser from "phaser";
import type { Box, Fit } from "./layout.ts";
import { NetworkScene, type NetworkSceneOptions, type Palette } from "./NetworkScene.ts";

/** A Phaser game drawing one network inside a DOM element; the element decides its size. */
export interface NetworkDrawing {
  show(topology: Topology): void;
  destroy(): void;
}

const reducedMotion = "(prefers-reduced-motion: reduce)";

export interface MountOptions {
  fit: Fit;
  onDrawn: NetworkSceneOptions["onDrawn"];
  /** Which renderer Phaser chose (WebGL where the device has it). */
  onRenderer(renderer: "webgl" | "canvas"): void;
}

/**
 * Mounts the drawing in `parent`, an element with a size and no other content. The canvas is
 * sized in device pixels and shown at the parent's CSS size, so lines and numbers stay sharp on
 * phones and projectors alike.
 */
export function mountNetwork(
  parent: HTMLElement,
  { fit, onDrawn, onRenderer }: MountOptions,
): Promise<NetworkDrawing> {
  const style = getComputedStyle(parent);
  const motionQuery = matchMedia(reducedMotion);
  // Fixed for the drawing's life; a window dragged to another screen keeps its first sharpness.
  const pixelRatio = Math.min(window.devicePixelRatio || 1, 3);
  const measure = (): Box => ({
    width: Math.max(1, Math.round(parent.clientWidth * pixelRatio)),
    height: Math.max(1, Math.round(parent.clientHeight * pixelRatio)),
    pixelRatio,
  });
  let box = measure();
  let topology: Topology | null = null;

  return new Promise((resolve) => {
    const scene = new NetworkScene({
      fit,
      palette: readPalette(style),
      fontFamily: style.fontFamily,
      motion: !motionQuery.matches,
      onReady: () => resolve(attach()),
      onDrawn,
    });
    const game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      width: box.width,
      height: box.height,
      // Device pixels in the canvas, zoomed out to CSS pixels on the page.
      scale: { mode: Phaser.Scale.NONE, zoom: 1 / pixelRatio },
      transparent: true,
      banner: false,
      audio: { noAudio: true },
      // P7: the canvas only draws; every control is a DOM element. Touches scroll the page.
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      fps: { limit: 30 },
      scene,
      callbacks: {
        postBoot() {
          onRenderer(game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas");
        },
      },
    });

    /** Once the scene exists: follow the element's size, visibility and the motion setting. */
    function attach(): NetworkDrawing {
      const resize = new ResizeObserver(() => {
        const next = measure();
        if (next.width === box.width && next.height === box.height) return;
        box = next;
        game.scale.resize(box.width, box.height);
        if (topology) scene.show(topology, box);
      });
      // Scrolled out of sight (a phone typing into the join form): stop drawing, save battery.
      const visibility = new IntersectionObserver(([entry]) => {
        if (entry?.isIntersecting) game.resume();
        else game.pause();
      });
      const onMotionChange = () => scene.setMotion(!motionQuery.matches);
      resize.observe(parent);
      visibility.observe(parent);
      motionQuery.addEventListener("change", onMotionChange);
      return {
        show(next) {
          topology = next;
          scene.show(next, box);
        },
        destroy() {
          resize.disconnect();
          visibility.disconnect();
          motionQuery.removeEventListener("change", onMotionChange);
          game.destroy(true);
        },
      };
    }
  });
}

function readPalette(style: CSSStyleDeclaration): Palette {
  const colour = (name: string) => style.getPropertyValue(name).trim();
  const number = (name: string) => Number.parseInt(colour(name).replace("#", ""), 16);
  return {
    link: number("--net-link"),
    node: number("--net-node"),
    nodeOutline: number("--net-node-outline"),
    label: colour("--net-label"),
    packet: number("--net-packet"),
    packetOutline: number("--net-packet-outline"),
  };
}
