import type { Point } from "@quorum/shared";
import type { TickClock } from "../live.ts";
import { centresInCss, hostPhaser, inCssPixels, type PageLook } from "../phaserHost.ts";
import type { ZoomState } from "../viewport.ts";
import { ElectionScene, type RaftPalette, type RingPick } from "./ElectionScene.ts";
import type { RingMarks, RingsPicture } from "./picture.ts";
import type { RaftTraffic } from "./raftTraffic.ts";

/** The election rings drawn by Phaser inside a DOM element; the element decides its size. */
export interface ElectionDrawing {
  show(picture: RingsPicture): void;
  setMarks(marks: RingMarks): void;
  /** The node under a point given in CSS pixels from the element's top left corner. */
  pick(x: number, y: number): RingPick;
  zoomAt(factor: number, x: number, y: number): ZoomState;
  panBy(dx: number, dy: number): ZoomState;
  resetView(): ZoomState;
  zoomState(): ZoomState;
  destroy(): void;
}

export interface ElectionMountOptions {
  traffic: RaftTraffic;
  clock: TickClock;
  causeText(cause: string): string;
  termText(term: number): string;
  /** What is on screen; node centres in CSS pixels from the element's top left corner. */
  onDrawn(drawn: { nodes: number; clusters: number; centres: readonly Point[] }): void;
  onRenderer(renderer: "webgl" | "canvas"): void;
}

/**
 * Like mountLiveNetwork, for a leader-election round. Canvas, as the routing drawing: many small
 * shapes a frame are cheaper there than on Phaser's WebGL path (docs/benchmarks.md).
 */
export async function mountElection(
  parent: HTMLElement,
  options: ElectionMountOptions,
): Promise<ElectionDrawing> {
  let picture: RingsPicture | null = null;
  const host = await hostPhaser(parent, {
    scene: (look, onReady) =>
      new ElectionScene({
        palette: readPalette(look),
        fontFamily: look.fontFamily,
        motion: look.motion,
        traffic: options.traffic,
        clock: options.clock,
        causeText: options.causeText,
        termText: options.termText,
        onReady,
        onDrawn: (drawn) =>
          options.onDrawn({
            ...drawn,
            centres: centresInCss(drawn.centres, look.pixelRatio),
          }),
      }),
    resized(scene, box) {
      if (picture) scene.show(picture, box);
    },
    onRenderer: options.onRenderer,
    renderer: "canvas",
  });
  const { scene, pixelRatio } = host;
  return {
    show(next) {
      picture = next;
      scene.show(next, host.box());
    },
    setMarks: (marks) => scene.setMarks(marks),
    ...inCssPixels(scene, pixelRatio),
    destroy: host.destroy,
  };
}

/** The palette from CSS custom properties (election.css). */
function readPalette({ colour, number }: PageLook): RaftPalette {
  return {
    ring: number("--raft-ring"),
    link: number("--net-link"),
    follower: number("--raft-follower"),
    candidate: number("--raft-candidate"),
    leader: number("--raft-leader"),
    crown: number("--raft-crown"),
    nodeOutline: number("--net-node-outline"),
    label: colour("--net-label"),
    down: number("--net-down"),
    cut: number("--net-cut"),
    drop: number("--net-drop"),
    dropLabel: colour("--net-drop-label"),
    timer: number("--raft-timer"),
    timerTrack: number("--raft-timer-track"),
    expired: number("--raft-expired"),
    select: number("--net-select"),
    groups: [1, 2, 3, 4].map((group) => number(`--net-group-${group}`)),
    request: number("--raft-request"),
    vote: number("--raft-vote"),
    append: number("--raft-append"),
    reply: number("--raft-reply"),
    outline: number("--net-packet-outline"),
    hollow: number("--raft-hollow"),
  };
}
