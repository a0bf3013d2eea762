import type { Topology } from "@quorum/shared";
import type { Fit } from "./layout.ts";
import { NetworkScene, type NetworkSceneOptions, type Palette } from "./NetworkScene.ts";
import { hostPhaser, type PageLook } from "./phaserHost.ts";

/** A Phaser game drawing one network inside a DOM element; the element decides its size. */
export interface NetworkDrawing {
  show(topology: Topology): void;
  destroy(): void;
}

export interface MountOptions {
  fit: Fit;
  onDrawn: NetworkSceneOptions["onDrawn"];
  /** Which renderer Phaser chose (WebGL where the device has it). */
  onRenderer(renderer: "webgl" | "canvas"): void;
}

/**
 * Mounts the drawing in `parent`, an element with a size and no other content (hostPhaser),
 * sharp on any screen and paused while scrolled out of sight.
 */
export async function mountNetwork(
  parent: HTMLElement,
  { fit, onDrawn, onRenderer }: MountOptions,
): Promise<NetworkDrawing> {
  let topology: Topology | null = null;
  const host = await hostPhaser(parent, {
    scene: (look, onReady) =>
      new NetworkScene({
        fit,
        palette: readPalette(look),
        fontFamily: look.fontFamily,
        motion: look.motion,
        onReady,
        onDrawn,
      }),
    resized(scene, box) {
      if (topology) scene.show(topology, box);
    },
    onRenderer,
    pauseWhenHidden: true,
  });
  return {
    show(next) {
      topology = next;
      host.scene.show(next, host.box());
    },
    destroy: host.destroy,
  };
}

function readPalette({ colour, number }: PageLook): Palette {
  return {
    link: number("--net-link"),
    node: number("--net-node"),
    nodeOutline: number("--net-node-outline"),
    label: colour("--net-label"),
    packet: number("--net-packet"),
    packetOutline: number("--net-packet-outline"),
  };
}
