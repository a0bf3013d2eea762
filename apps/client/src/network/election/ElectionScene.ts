import type { Point } from "@quorum/shared";
import * as Phaser from "phaser";
import { burst, cross, dashedLine, shorten, sync } from "../draw.ts";
import type { Box } from "../layout.ts";
import { DROP_FLASH_MS, groupLetter, type TickClock } from "../live.ts";
import {
  clamp,
  type Frame,
  maxZoomFor,
  panBy,
  toDrawing,
  toScreen,
  type Viewport,
  WHOLE,
  type ZoomState,
  zoomAt,
} from "../viewport.ts";
import { NO_RING_MARKS, type RingMarks, type RingsPicture } from "./picture.ts";
import type { RaftTraffic } from "./raftTraffic.ts";
import { layOutRings, type RingLayout } from "./rings.ts";
import { crown, dashedCircle, type MessageColours, messageShape, timerArc } from "./shapes.ts";

/** The election drawing's colours, read from CSS custom properties (election.css, Okabe–Ito). */
export interface RaftPalette extends MessageColours {
  ring: number;
  link: number;
  follower: number;
  candidate: number;
  leader: number;
  crown: number;
  nodeOutline: number;
  label: string;
  down: number;
  cut: number;
  drop: number;
  dropLabel: string;
  timer: number;
  timerTrack: number;
  expired: number;
  select: number;
  groups: number[];
}

export interface ElectionSceneOptions {
  palette: RaftPalette;
  fontFamily: string;
  /** P7: messages sit still half-way along their link and losses do not flash. */
  motion: boolean;
  traffic: RaftTraffic;
  clock: TickClock;
  /** The words of a drop's cause (drop.* keys) and of a node's term ("T4"). */
  causeText(cause: string): string;
  termText(term: number): string;
  onReady(): void;
  /** After each redraw, zoom or pan: what is on screen, each node's centre in canvas pixels. */
  onDrawn(drawn: { nodes: number; clusters: number; centres: readonly Point[] }): void;
}

export type RingPick = { kind: "node"; node: number } | null;

/** CSS pixels at the top of the drawing kept free for the zoom buttons (styles.css `.zoom`). */
const TOOLBAR = 64;
/** Zoomed in, a node grows to at most this many CSS pixels across its radius. */
const ZOOMED_RADIUS = 70;

/**
 * §3.2 drawn as it runs: each cluster a ring (solid while a leader is in office, dashed while
 * not) with its name, term and leader in the middle; each Raft server a node coloured and
 * labelled by role, the leader crowned, a follower's or candidate's election timer an arc that
 * runs down around it (E2), its term beside it; crashed servers greyed and crossed out;
 * partition groups shaded with their letter; messages flying by shape (shapes.ts) and losses
 * flashing with their cause. Colours always come with a shape or a word (P7).
 */
export class ElectionScene extends Phaser.Scene {
  private picture: RingsPicture | null = null;
  private layout: RingLayout | null = null;
  private layoutKey = "";
  private box: Box = { width: 1, height: 1, pixelRatio: 1 };
  private marks: RingMarks = NO_RING_MARKS;
  private view: Viewport = WHOLE;
  private groupLayer!: Phaser.GameObjects.Graphics;
  private ringLayer!: Phaser.GameObjects.Graphics;
  private messageLayer!: Phaser.GameObjects.Graphics;
  private nodeLayer!: Phaser.GameObjects.Graphics;
  private timerLayer!: Phaser.GameObjects.Graphics;
  private flashLayer!: Phaser.GameObjects.Graphics;
  private readonly texts = {
    numbers: [] as Phaser.GameObjects.Text[],
    labels: [] as Phaser.GameObjects.Text[],
    titles: [] as Phaser.GameObjects.Text[],
    lines: [] as Phaser.GameObjects.Text[],
    badges: [] as Phaser.GameObjects.Text[],
    causes: [] as Phaser.GameObjects.Text[],
  };
  private readonly options: ElectionSceneOptions;

  constructor(options: ElectionSceneOptions) {
    super({ key: "election-rings" });
    this.options = options;
  }

  create(): void {
    this.groupLayer = this.add.graphics();
    this.ringLayer = this.add.graphics();
    this.messageLayer = this.add.graphics();
    this.nodeLayer = this.add.graphics();
    this.timerLayer = this.add.graphics();
    this.flashLayer = this.add.graphics().setDepth(10);
    this.options.onReady();
  }

  show(picture: RingsPicture, box: Box): void {
    this.picture = picture;
    this.box = box;
    this.redraw();
  }

  setMarks(marks: RingMarks): void {
    this.marks = marks;
    this.redraw();
  }

  setMotion(motion: boolean): void {
    this.options.motion = motion;
  }

  /** The node under a point of the canvas (device pixels), if any. */
  pick(screenX: number, screenY: number): RingPick {
    const { layout } = this;
    if (!layout) return null;
    const { x, y } = toDrawing(this.view, this.frame(), { x: screenX, y: screenY });
    let best: RingPick = null;
    let bestDistance = layout.nodeRadius * 1.4;
    layout.centres.forEach((centre, node) => {
      const distance = Math.hypot(centre.x - x, centre.y - y);
      if (distance < bestDistance) {
        best = { kind: "node", node };
        bestDistance = distance;
      }
    });
    return best;
  }

  zoomAt(factor: number, at: Point): ZoomState {
    return this.look(zoomAt(this.view, this.frame(), factor, at));
  }

  panBy(dx: number, dy: number): ZoomState {
    return this.look(panBy(this.view, this.frame(), dx, dy));
  }

  resetView(): ZoomState {
    return this.look(WHOLE);
  }

  zoomState(): ZoomState {
    return { zoom: this.view.zoom, maxZoom: this.frame().maxZoom };
  }

  private frame(): Frame {
    const radius = this.layout?.nodeRadius ?? 40 * this.box.pixelRatio;
    return {
      width: this.box.width,
      height: this.box.height,
      maxZoom: maxZoomFor(radius, ZOOMED_RADIUS * this.box.pixelRatio),
    };
  }

  private look(view: Viewport): ZoomState {
    this.view = view;
    this.cameras.main.setZoom(view.zoom).setScroll(view.x, view.y);
    this.reportDrawn();
    return this.zoomState();
  }

  override update(): void {
    if (!this.layout || !this.picture) return;
    const now = performance.now();
    const tick = this.options.clock.at(now);
    this.options.traffic.prune(this.options.clock.last, now);
    this.drawTimers(tick);
    this.drawMessages(tick);
    this.drawDrops(now);
  }

  private redraw(): void {
    if (!this.ringLayer || !this.picture) return;
    const { picture, box } = this;
    this.cameras.main.setSize(box.width, box.height);
    const clusters = picture.clusters.map((cluster) => cluster.members);
    const key = `${box.width}x${box.height}:${JSON.stringify(clusters)}`;
    if (key !== this.layoutKey || !this.layout) {
      this.layoutKey = key;
      this.layout = layOutRings(clusters, box, TOOLBAR * box.pixelRatio);
    }
    this.view = clamp(this.view, this.frame());
    this.cameras.main.setZoom(this.view.zoom).setScroll(this.view.x, this.view.y);
    this.drawGroups(this.layout);
    this.drawRings(this.layout);
    this.drawNodes(this.layout);
    this.placeLabels(this.layout);
    this.reportDrawn();
  }

  private reportDrawn(): void {
    const { picture, layout } = this;
    if (!picture || !layout) return;
    const frame = this.frame();
    this.options.onDrawn({
      nodes: picture.nodes.length,
      clusters: picture.clusters.length,
      centres: layout.centres.map((centre) => toScreen(this.view, frame, centre)),
    });
  }

  private groupOf(node: number): number {
    return this.marks.draftGroups.get(node) ?? this.picture!.nodes[node]?.group ?? 0;
  }

  private drawGroups({ centres, nodeRadius }: RingLayout): void {
    const layer = this.groupLayer.clear();
    const { groups } = this.options.palette;
    centres.forEach((centre, node) => {
      const group = this.groupOf(node);
      if (group <= 0) return;
      const colour = groups[(group - 1) % groups.length]!;
      layer.fillStyle(colour, 0.3).fillCircle(centre.x, centre.y, nodeRadius * 2.1);
      // A drawn-but-not-applied group gets a ring, so it reads as a plan, not a fact.
      if (this.marks.draftGroups.has(node)) {
        layer
          .lineStyle(nodeRadius * 0.14, colour, 1)
          .strokeCircle(centre.x, centre.y, nodeRadius * 1.85);
      }
    });
  }

  private drawRings({ centres, rings, nodeRadius }: RingLayout): void {
    const { palette } = this.options;
    const ratio = this.box.pixelRatio;
    const layer = this.ringLayer.clear();
    const width = Math.max(2 * ratio, nodeRadius * 0.09);
    // A big cluster's full mesh is hundreds of lines: fainter, so its messages stand out.
    const largest = Math.max(...this.picture!.clusters.map((cluster) => cluster.members.length));
    const faint = largest > 10 ? 0.18 : 0.45;
    this.picture!.clusters.forEach((cluster, index) => {
      const ring = rings[index];
      if (!ring) return;
      if (cluster.available) {
        layer.lineStyle(width * 1.6, palette.ring, 0.55);
        layer.strokeCircle(ring.centre.x, ring.centre.y, ring.radius);
      } else {
        dashedCircle(layer, ring.centre.x, ring.centre.y, ring.radius, width * 1.6, palette.ring);
      }
    });
    for (const link of this.picture!.links) {
      const a = centres[link.a];
      const b = centres[link.b];
      if (!a || !b) continue;
      if (link.blocked === "link-down") {
        layer.lineStyle(width * 1.3, palette.cut, 1);
        dashedLine(layer, a.x, a.y, b.x, b.y, width * 5, width * 4);
        cross(layer, (a.x + b.x) / 2, (a.y + b.y) / 2, nodeRadius * 0.3, width * 1.2, palette.cut);
      } else if (link.blocked === "partition") {
        layer.lineStyle(width * 0.6, palette.link, 0.35);
        dashedLine(layer, a.x, a.y, b.x, b.y, width * 2, width * 4);
      } else {
        layer.lineStyle(width * 0.7, palette.link, faint).lineBetween(a.x, a.y, b.x, b.y);
      }
    }
  }

  private drawNodes({ centres, nodeRadius: r }: RingLayout): void {
    const { palette } = this.options;
    const layer = this.nodeLayer.clear();
    const outline = Math.max(1.5 * this.box.pixelRatio, r * 0.1);
    const fill = {
      follower: palette.follower,
      candidate: palette.candidate,
      leader: palette.leader,
    };
    this.picture!.nodes.forEach((node, index) => {
      const centre = centres[index];
      if (!centre) return;
      if (this.marks.selectedNode === index) {
        // A ring, not a filled halo: a filled yellow disc would read as a candidate.
        layer.lineStyle(r * 0.2, palette.select, 1).strokeCircle(centre.x, centre.y, r * 1.62);
        layer.lineStyle(outline * 0.6, palette.nodeOutline, 1);
        layer.strokeCircle(centre.x, centre.y, r * 1.74);
      }
      layer.fillStyle(node.up ? fill[node.role] : palette.down, 1);
      layer.fillCircle(centre.x, centre.y, r);
      const leads = node.up && node.role === "leader";
      // P7, E1: the role by shape too — a leader's crown and thick outline, a candidate's dashes.
      if (node.up && node.role === "candidate") {
        dashedCircle(layer, centre.x, centre.y, r, outline * 1.3, palette.nodeOutline, 14);
      } else {
        layer.lineStyle(outline * (leads ? 1.8 : 1), palette.nodeOutline, 1);
        layer.strokeCircle(centre.x, centre.y, r);
      }
      if (!node.up) cross(layer, centre.x, centre.y, r * 0.75, outline * 1.4, palette.nodeOutline);
      if (leads) {
        const fill = node.stale ? palette.hollow : palette.crown;
        crown(layer, centre.x, centre.y, r, fill, palette.nodeOutline);
      }
    });
  }

  /** Which way is out of its ring at a node: labels go there, leaving the middle to the ring's own. */
  private outward(node: number): Point {
    const { layout, picture } = this;
    const centre = layout!.centres[node]!;
    const ring = layout!.rings[picture!.nodes[node]?.cluster ?? -1];
    const dx = ring ? centre.x - ring.centre.x : 0;
    const dy = ring ? centre.y - ring.centre.y : 1;
    const length = Math.hypot(dx, dy);
    return length < 1 ? { x: 0, y: 1 } : { x: dx / length, y: dy / length };
  }

  private placeLabels({ centres, rings, nodeRadius: r }: RingLayout): void {
    const { nodes, clusters } = this.picture!;
    const ratio = this.box.pixelRatio;
    const { texts } = this;
    const roomy = r >= 12 * ratio;
    const numberSize = Math.round(r * (nodes.length > 99 ? 0.72 : 0.85));
    const labelSize = Math.round(Math.max(12 * ratio, Math.min(r * 0.46, 24 * ratio)));
    sync(texts.numbers, nodes.length, () => this.label("bold"));
    sync(texts.labels, roomy ? nodes.length : 0, () => this.label("bold"));
    nodes.forEach((node, index) => {
      const centre = centres[index];
      if (!centre) return;
      const alpha = node.up ? 1 : 0.55;
      show(texts.numbers[index], String(index + 1), numberSize, centre.x, centre.y, alpha);
      const label = texts.labels[index];
      if (!label) return;
      // Its name, then its term and, standing for election, its votes: "Ada", "T3 · 2/3".
      const status = [this.options.termText(node.term), node.up ? node.tag : ""]
        .filter(Boolean)
        .join(" · ");
      const words = [shorten(node.name, 12), status].filter(Boolean).join("\n");
      const out = this.outward(index);
      // Past the timer's arc; above a leader, past its crown too.
      const lift = node.up && node.role === "leader" && out.y < 0 ? -out.y * r * 0.95 : 0;
      const x = centre.x + out.x * r * 1.6;
      const y = centre.y + out.y * r * 1.6 - lift;
      const align = out.x > 0.35 ? "left" : out.x < -0.35 ? "right" : "center";
      if (label.style.align !== align) label.setAlign(align);
      label.setOrigin(0.5 - out.x * 0.5, 0.5 - out.y * 0.5);
      show(label, words, labelSize, x, y, alpha);
      this.keepInside(label);
    });
    const titleSize = (radius: number) =>
      Math.round(Math.max(16 * ratio, Math.min(radius * 0.15, 40 * ratio)));
    sync(texts.titles, clusters.length, () => this.label("bold"));
    sync(texts.lines, clusters.length, () =>
      this.label("normal").setOrigin(0.5, 0).setAlign("center"),
    );
    clusters.forEach((cluster, index) => {
      const ring = rings[index];
      if (!ring) return;
      const size = titleSize(ring.radius);
      const { x, y } = ring.centre;
      const lines = cluster.lines.join("\n");
      show(texts.titles[index], cluster.title, size, x, y - size * 0.9, 1);
      show(texts.lines[index], lines, Math.round(size * 0.8), x, y - size * 0.2, 1);
    });
    const grouped = centres.flatMap((centre, node) => {
      const group = this.groupOf(node);
      return centre && group > 0 ? [{ centre, group, out: this.outward(node) }] : [];
    });
    sync(texts.badges, grouped.length, () => this.label("bold"));
    grouped.forEach(({ centre, group, out }, index) => {
      // Beside the node, a quarter turn from its label, the lower way (a crown sits on top).
      const side = out.x >= 0 ? { x: -out.y, y: out.x } : { x: out.y, y: -out.x };
      const x = centre.x + side.x * r * 1.6;
      const y = centre.y + side.y * r * 1.6;
      show(texts.badges[index], groupLetter(group), Math.round(r * 0.7), x, y, 1);
    });
  }

  /** Moves a label that would cross the drawing's edge back inside it, beside its node. */
  private keepInside(text: Phaser.GameObjects.Text): void {
    const margin = 4 * this.box.pixelRatio;
    const left = text.x - text.originX * text.width;
    const top = text.y - text.originY * text.height;
    const dx =
      Math.max(0, margin - left) - Math.max(0, left + text.width - (this.box.width - margin));
    const dy =
      Math.max(0, margin - top) - Math.max(0, top + text.height - (this.box.height - margin));
    if (dx !== 0 || dy !== 0) text.setPosition(text.x + dx, text.y + dy);
  }

  private drawTimers(tick: number): void {
    const { palette } = this.options;
    const { centres, nodeRadius: r } = this.layout!;
    const layer = this.timerLayer.clear();
    const width = Math.max(2 * this.box.pixelRatio, r * 0.12);
    this.picture!.nodes.forEach((node, index) => {
      const centre = centres[index];
      if (!centre || !node.up || node.deadline === null || node.timeout <= 0) return;
      const left = Math.max(0, node.deadline - tick);
      // Apart from the node's outline, so the arc never reads as a second one.
      const ring = r + r * 0.18 + width / 2;
      if (left <= 0) {
        // E2: the timer ran out — this server may stand for election now.
        dashedCircle(layer, centre.x, centre.y, ring, width, palette.expired, 12);
        return;
      }
      const share = Math.min(1, left / node.timeout);
      timerArc(layer, centre.x, centre.y, ring, width, share, palette.timer, palette.timerTrack);
    });
  }

  private drawMessages(tick: number): void {
    const { palette, motion, traffic } = this.options;
    const { centres, nodeRadius } = this.layout!;
    const layer = this.messageLayer.clear();
    const size = Math.max(4 * this.box.pixelRatio, nodeRadius * 0.27);
    for (const message of traffic.messages.values()) {
      const from = centres[message.from];
      const to = centres[message.to];
      if (!from || !to) continue;
      const span = message.arriveAt - message.sentAt;
      const progress = !motion
        ? 0.5
        : span <= 0
          ? 1
          : Math.min(1, Math.max(0, (tick - message.sentAt) / span));
      const x = from.x + (to.x - from.x) * progress;
      const y = from.y + (to.y - from.y) * progress;
      messageShape(layer, message, x, y, size, palette);
    }
  }

  private drawDrops(now: number): void {
    const { palette, motion, traffic, causeText } = this.options;
    const { centres, nodeRadius: r } = this.layout!;
    const layer = this.flashLayer.clear();
    const drops = traffic.drops;
    const fontSize = `${Math.round(Math.max(13 * this.box.pixelRatio, r * 0.5))}px`;
    sync(this.texts.causes, drops.length, () =>
      this.label("bold").setDepth(11).setColor(palette.dropLabel),
    );
    drops.forEach((drop, index) => {
      const centre = centres[drop.node];
      const text = this.texts.causes[index]!;
      if (!centre) {
        text.setVisible(false);
        return;
      }
      const age = (now - drop.at) / DROP_FLASH_MS;
      const alpha = motion ? Math.max(0, 1 - age * age) : 1;
      const grow = motion ? 1 + age * 0.6 : 1;
      burst(layer, centre.x, centre.y, r * grow, r * 0.14, palette.drop, alpha);
      if (text.style.fontSize !== fontSize) text.setFontSize(fontSize);
      // Towards the middle of its ring: the node's own label is on the outside.
      const out = this.outward(drop.node);
      const rise = motion ? age * r * 0.5 : 0;
      text
        .setVisible(true)
        .setText(causeText(drop.cause))
        .setPosition(centre.x - out.x * r * 1.7, centre.y - out.y * r * 1.7 - rise)
        .setAlpha(alpha);
    });
  }

  private label(style: string): Phaser.GameObjects.Text {
    return this.add
      .text(0, 0, "", {
        fontFamily: this.options.fontFamily,
        fontStyle: style,
        color: this.options.palette.label,
        // A light halo keeps words readable over links and shaded groups.
        stroke: "#ffffff",
        strokeThickness: 4 * this.box.pixelRatio,
      })
      .setOrigin(0.5, 0.5)
      .setDepth(5);
  }
}

/**
 * Sets a label's words, size and place. A text's texture is drawn again whenever its words or
 * size change, so each is set only when it differs.
 */
function show(
  text: Phaser.GameObjects.Text | undefined,
  words: string,
  size: number,
  x: number,
  y: number,
  alpha: number,
): void {
  if (!text) return;
  const fontSize = `${size}px`;
  if (text.style.fontSize !== fontSize) text.setFontSize(fontSize);
  if (text.text !== words) text.setText(words);
  text
    .setPosition(x, y)
    .setAlpha(alpha)
    .setVisible(words !== "");
}
