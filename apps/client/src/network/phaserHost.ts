import * as Phaser from "phaser";
import { hexColour } from "./colour.ts";
import type { Box } from "./layout.ts";
import type { ZoomState } from "./viewport.ts";

/** What a scene takes from the page it is drawn in, read once before Phaser starts. */
export interface PageLook {
  fontFamily: string;
  /** False when the user asked for reduced motion (P7). */
  motion: boolean;
  /** Canvas pixels per CSS pixel, fixed for the drawing's life. */
  pixelRatio: number;
  /** A CSS custom property as it is, e.g. `--net-label` for Phaser's text colour. */
  colour(property: string): string;
  /** A `#rrggbb` or `#rgb` CSS custom property as the number Phaser's graphics take. */
  number(property: string): number;
}

/** The scenes a host can hold: both follow the reduced-motion setting while they run. */
interface HostedScene extends Phaser.Scene {
  setMotion(motion: boolean): void;
}

export interface HostOptions<S extends HostedScene> {
  /** Builds the scene, which calls `onReady` once it can draw. */
  scene(look: PageLook, onReady: () => void): S;
  /** The element changed size; the canvas already has the new one. */
  resized(scene: S, box: Box): void;
  /** Which renderer Phaser chose (WebGL where the device has it). */
  onRenderer(renderer: "webgl" | "canvas"): void;
  /** Stop drawing while the element is scrolled out of sight. @default false */
  pauseWhenHidden?: boolean;
  /** Phaser's renderer: WebGL where the device has it, or always Canvas. @default "auto" */
  renderer?: Renderer;
}

export type Renderer = "auto" | "canvas" | "webgl";

/** What a zoomable scene answers, in canvas pixels (LiveNetworkScene, ElectionScene). */
interface ZoomableScene<Picked> {
  pick(x: number, y: number): Picked;
  zoomAt(factor: number, at: { x: number; y: number }): ZoomState;
  panBy(dx: number, dy: number): ZoomState;
  resetView(): ZoomState;
  zoomState(): ZoomState;
}

/** A scene's pick, zoom and pan for the page, which speaks in CSS pixels. */
export function inCssPixels<Picked>(scene: ZoomableScene<Picked>, pixelRatio: number) {
  return {
    pick: (x: number, y: number) => scene.pick(x * pixelRatio, y * pixelRatio),
    zoomAt: (factor: number, x: number, y: number) =>
      scene.zoomAt(factor, { x: x * pixelRatio, y: y * pixelRatio }),
    panBy: (dx: number, dy: number) => scene.panBy(dx * pixelRatio, dy * pixelRatio),
    resetView: () => scene.resetView(),
    zoomState: () => scene.zoomState(),
  };
}

/** Canvas pixels to CSS pixels, for what a drawing tells the page about node centres. */
export function centresInCss<P extends { x: number; y: number }>(
  centres: readonly P[],
  pixelRatio: number,
): { x: number; y: number }[] {
  return centres.map(({ x, y }) => ({ x: x / pixelRatio, y: y / pixelRatio }));
}

/** A running Phaser game with one scene, sized to its element. */
export interface PhaserHost<S> {
  scene: S;
  /** Canvas pixels per CSS pixel, fixed for the drawing's life. */
  pixelRatio: number;
  /** The canvas size now, in device pixels. */
  box(): Box;
  destroy(): void;
}

const reducedMotion = "(prefers-reduced-motion: reduce)";
const RENDERERS = { auto: Phaser.AUTO, canvas: Phaser.CANVAS, webgl: Phaser.WEBGL } as const;

/**
 * Starts Phaser in `parent`, an element with a size and no other content, and resolves once the
 * scene is ready. The canvas is sized in device pixels and shown at the parent's CSS size, so
 * lines and numbers stay sharp on phones and projectors alike.
 */
export function hostPhaser<S extends HostedScene>(
  parent: HTMLElement,
  options: HostOptions<S>,
): Promise<PhaserHost<S>> {
  const style = getComputedStyle(parent);
  const motionQuery = matchMedia(reducedMotion);
  // Fixed for the drawing's life; a window dragged to another screen keeps its first sharpness.
  const pixelRatio = Math.min(window.devicePixelRatio || 1, 3);
  const measure = (): Box => ({
    width: Math.max(1, Math.round(parent.clientWidth * pixelRatio)),
    height: Math.max(1, Math.round(parent.clientHeight * pixelRatio)),
    pixelRatio,
  });
  const colour = (property: string) => style.getPropertyValue(property).trim();
  const look: PageLook = {
    fontFamily: style.fontFamily,
    motion: !motionQuery.matches,
    pixelRatio,
    colour,
    // The build's CSS minifier writes #ffffff as #fff.
    number: (property) => hexColour(colour(property)),
  };
  let box = measure();

  return new Promise((resolve) => {
    const scene = options.scene(look, () => resolve(attach()));
    const game = new Phaser.Game({
      type: RENDERERS[options.renderer ?? "auto"],
      parent,
      width: box.width,
      height: box.height,
      // Device pixels in the canvas, zoomed out to CSS pixels on the page.
      scale: { mode: Phaser.Scale.NONE, zoom: 1 / pixelRatio },
      transparent: true,
      banner: false,
      audio: { noAudio: true },
      // P7: the canvas only draws; controls are DOM elements, clicks are read by the element
      // around it, touches scroll the page.
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      fps: { limit: 30 },
      scene,
      callbacks: {
        postBoot() {
          options.onRenderer(game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas");
        },
      },
    });

    /** Once the scene exists: follow the element's size, visibility and the motion setting. */
    function attach(): PhaserHost<S> {
      const resize = new ResizeObserver(() => {
        const next = measure();
        if (next.width === box.width && next.height === box.height) return;
        box = next;
        game.scale.resize(box.width, box.height);
        options.resized(scene, box);
      });
      // Scrolled out of sight (a phone typing into the join form): stop drawing, save battery.
      const visibility = options.pauseWhenHidden
        ? new IntersectionObserver(([entry]) => {
            if (entry?.isIntersecting) game.resume();
            else game.pause();
          })
        : null;
      const onMotionChange = () => scene.setMotion(!motionQuery.matches);
      resize.observe(parent);
      visibility?.observe(parent);
      motionQuery.addEventListener("change", onMotionChange);
      return {
        scene,
        pixelRatio,
        box: () => box,
        destroy() {
          resize.disconnect();
          visibility?.disconnect();
          motionQuery.removeEventListener("change", onMotionChange);
          game.destroy(true);
        },
      };
    }
  });
}
