import type { Point } from "@quorum/shared";
import type { PacketKind } from "@quorum/shared/modes/routing/packet";
import * as Phaser from "phaser";
import { burst, cross, dashedLine, shorten, sync } from "./draw.ts";
import { type Box, type Placed, place } from "./layout.ts";
import {
  DROP_FLASH_MS,
  type FlyingPacket,
  groupLetter,
  type LiveNetwork,
  type Marks,
  NO_MARKS,
  progressAt,
  type TickClock,
  type Traffic,
} from "./live.ts";
import { spread } from "./spread.ts";
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
} from "./viewport.ts";

/** The live drawing's colours, read from CSS custom properties (styles.css, Okabe–Ito). */
export interface LivePalette {
  link: number;
  node: number;
  nodeOutline: number;
  label: string;
  down: number;
  cut: number;
  drop: number;
  dropLabel: string;
  data: number;
  ack: number;
  flood: number;
  packetOutline: number;
  select: number;
  groups: number[];
}

export interface LiveSceneOptions {
  palette: LivePalette;
  fontFamily: string;
  /** P7: packets sit still half-way along their link and drops do not flash. */
  motion: boolean;
  traffic: Traffic;
  clock: TickClock;
  /** The cause of a drop as people read it (drop.* message keys). */
  causeText(cause: string): string;
  onReady(): void;
  /** After each redraw, zoom or pan: what is on screen, and where each node's centre shows (canvas pixels). */
  onDrawn(drawn: { nodes: number; links: number; centres: readonly Point[] }): void;
}

export type Pick = { kind: "node"; node: number } | { kind: "link"; link: number } | null;

/** Node radius limits in CSS pixels: readable from the back row, never balloons. */
const MAX_RADIUS = 34;
const MIN_RADIUS = 6;
/** CSS pixels at the top of the drawing kept free for the zoom buttons (styles.css `.zoom`). */
const TOOLBAR = 40;
/** Zoomed in, a node grows to at most this many CSS pixels across its radius. */
const ZOOMED_RADIUS = 60;
/** Dash and gap of a cut link, in multiples of the line width. */
const DASH = [4, 3] as const;

/**
 * Draws a round as it runs: nodes with their names (greyed and crossed out when crashed), links
 * (dashed when cut, faint when a partition blocks them), partition groups as shaded halos with
 * their letter, packets by kind (circle data, square ack, diamond flood) and drops as a flashing
 * cross with the cause. Colours always come with a shape or a word (P7).
 */
export class LiveNetworkScene extends Phaser.Scene {
  private network: LiveNetwork | null = null;
  private placed: Placed | null = null;
  /** The layout is worked out again only when the positions or the box change. */
  private layoutKey = "";
  private box: Box = { width: 1, height: 1, pixelRatio: 1 };
  private marks: Marks = NO_MARKS;
  private view: Viewport = WHOLE;
  private groupLayer!: Phaser.GameObjects.Graphics;
  private linkLayer!: Phaser.GameObjects.Graphics;
  private packetLayer!: Phaser.GameObjects.Graphics;
  private nodeLayer!: Phaser.GameObjects.Graphics;
  private flashLayer!: Phaser.GameObjects.Graphics;
  private numbers: Phaser.GameObjects.Text[] = [];
  private names: Phaser.GameObjects.Text[] = [];
  private badges: Phaser.GameObjects.Text[] = [];
  private causes: Phaser.GameObjects.Text[] = [];
  private readonly options: LiveSceneOptions;

  constructor(options: LiveSceneOptions) {
    super({ key: "live-network" });
    this.options = options;
  }

  create(): void {
    this.groupLayer = this.add.graphics();
    this.linkLayer = this.add.graphics();
    this.packetLayer = this.add.graphics();
    this.nodeLayer = this.add.graphics();
    this.flashLayer = this.add.graphics().setDepth(10);
    this.options.onReady();
  }

  show(network: LiveNetwork, box: Box): void {
    this.network = network;
    this.box = box;
    this.redraw();
  }

  setMarks(marks: Marks): void {
    this.marks = marks;
    this.redraw();
  }

  setMotion(motion: boolean): void {
    this.options.motion = motion;
  }

  /** What is under a point of the canvas (device pixels): a node first, else a link near it. */
  pick(screenX: number, screenY: number): Pick {
    const { placed, network } = this;
    if (!placed || !network) return null;
    const { x, y } = toDrawing(this.view, this.frame(), { x: screenX, y: screenY });
    let best: Pick = null;
    let bestDistance = placed.radius * 1.3;
    placed.centres.forEach((centre, node) => {
      const distance = Math.hypot(centre.x - x, centre.y - y);
      if (distance < bestDistance) {
        best = { kind: "node", node };
        bestDistance = distance;
      }
    });
    if (best) return best;
    // A finger's width on screen, whatever the zoom.
    let linkDistance = Math.max((10 * this.box.pixelRatio) / this.view.zoom, placed.radius * 0.6);
    network.links.forEach((link, id) => {
      const a = placed.centres[link.a]!;
      const b = placed.centres[link.b]!;
      const distance = distanceToSegment(x, y, a.x, a.y, b.x, b.y);
      if (distance < linkDistance) {
        best = { kind: "link", link: id };
        linkDistance = distance;
      }
    });
    return best;
  }

  /** Zooms by `factor` about a point of the canvas (device pixels); 1 / factor zooms out. */
  zoomAt(factor: number, at: { x: number; y: number }): ZoomState {
    return this.look(zoomAt(this.view, this.frame(), factor, at));
  }

  /** Follows a drag of (dx, dy) device pixels. */
  panBy(dx: number, dy: number): ZoomState {
    return this.look(panBy(this.view, this.frame(), dx, dy));
  }

  /** Back to the whole network. */
  resetView(): ZoomState {
    return this.look(WHOLE);
  }

  zoomState(): ZoomState {
    return { zoom: this.view.zoom, maxZoom: this.frame().maxZoom };
  }

  private frame(): Frame {
    const radius = this.placed?.radius ?? MAX_RADIUS * this.box.pixelRatio;
    return {
      width: this.box.width,
      height: this.box.height,
      maxZoom: maxZoomFor(radius, ZOOMED_RADIUS * this.box.pixelRatio),
    };
  }

  private look(view: Viewport): ZoomState {
    const labelsChange = view.zoom >= 2 !== this.view.zoom >= 2;
    this.view = view;
    this.cameras.main.setZoom(view.zoom).setScroll(view.x, view.y);
    if (labelsChange && this.placed) this.placeLabels(this.placed);
    this.reportDrawn();
    return this.zoomState();
  }

  override update(): void {
    if (!this.placed || !this.network) return;
    const now = performance.now();
    const tick = this.options.clock.at(now);
    this.options.traffic.prune(this.options.clock.last, now);
    this.drawPackets(tick);
    this.drawFlashes(now);
  }

  private redraw(): void {
    if (!this.linkLayer || !this.network) return;
    const { network, box } = this;
    this.cameras.main.setSize(box.width, box.height);
    const key = `${box.width}x${box.height}:${network.nodes.map((node) => `${node.x},${node.y}`).join(";")}`;
    if (key !== this.layoutKey || !this.placed) {
      this.layoutKey = key;
      this.placed = layOut(network, box);
    }
    const placed = this.placed;
    // A new size keeps the zoom but never shows past the drawing's edge.
    this.view = clamp(this.view, this.frame());
    this.cameras.main.setZoom(this.view.zoom).setScroll(this.view.x, this.view.y);
    this.drawGroups(placed);
    this.drawLinks(placed);
    this.drawNodes(placed);
    this.placeLabels(placed);
    this.reportDrawn();
  }

  /** Tells the page what is on screen, with each node's centre where it shows now. */
  private reportDrawn(): void {
    const { network, placed } = this;
    if (!network || !placed) return;
    const frame = this.frame();
    this.options.onDrawn({
      nodes: network.nodes.length,
      links: network.links.length,
      centres: placed.centres.map((centre) => toScreen(this.view, frame, centre)),
    });
  }

  private drawGroups({ centres, radius }: Placed): void {
    const layer = this.groupLayer.clear();
    const { groups } = this.options.palette;
    const groupOf = (node: number) =>
      this.marks.draftGroups.get(node) ?? this.network!.nodes[node]!.group;
    centres.forEach((centre, node) => {
      const group = groupOf(node);
      if (group <= 0) return;
      const colour = groups[(group - 1) % groups.length]!;
      layer.fillStyle(colour, 0.28).fillCircle(centre.x, centre.y, radius * 2);
      // A drawn-but-not-applied group gets a ring, so it reads as a plan, not a fact.
      if (this.marks.draftGroups.has(node)) {
        layer.lineStyle(radius * 0.12, colour, 1).strokeCircle(centre.x, centre.y, radius * 1.7);
      }
    });
  }

  private drawLinks({ centres, radius }: Placed): void {
    const { palette } = this.options;
    const layer = this.linkLayer.clear();
    const width = Math.max(2 * this.box.pixelRatio, radius * 0.12);
    this.network!.links.forEach((link, id) => {
      const a = centres[link.a]!;
      const b = centres[link.b]!;
      const selected = this.marks.selectedLink === id;
      if (selected) {
        layer.lineStyle(width * 4, palette.select, 0.9).lineBetween(a.x, a.y, b.x, b.y);
      }
      if (link.blocked === "link-down") {
        layer.lineStyle(width * 1.4, palette.cut, 1);
        dashedLine(layer, a.x, a.y, b.x, b.y, DASH[0] * width * 1.4, DASH[1] * width * 1.4);
        // N7: a cross in the middle says "cut" without relying on the colour.
        const mx = (a.x + b.x) / 2;
        const my = (a.y + b.y) / 2;
        cross(layer, mx, my, radius * 0.35, width * 1.2, palette.cut);
      } else if (link.blocked === "partition") {
        layer.lineStyle(width * 0.8, palette.link, 0.45);
        dashedLine(layer, a.x, a.y, b.x, b.y, DASH[0] * width * 0.6, DASH[1] * width * 0.6);
      } else {
        layer.lineStyle(width, palette.link, 1).lineBetween(a.x, a.y, b.x, b.y);
      }
    });
  }

  private drawNodes({ centres, radius }: Placed): void {
    const { palette } = this.options;
    const layer = this.nodeLayer.clear();
    const outline = Math.max(1.5 * this.box.pixelRatio, radius * 0.12);
    centres.forEach((centre, node) => {
      const up = this.network!.nodes[node]!.up;
      if (this.marks.selectedNode === node) {
        layer.fillStyle(palette.select, 1).fillCircle(centre.x, centre.y, radius * 1.45);
      }
      layer.fillStyle(up ? palette.node : palette.down, 1).fillCircle(centre.x, centre.y, radius);
      layer.lineStyle(outline, palette.nodeOutline, 1).strokeCircle(centre.x, centre.y, radius);
      if (!up) cross(layer, centre.x, centre.y, radius * 0.75, outline * 1.4, palette.nodeOutline);
    });
  }

  private placeLabels({ centres, radius }: Placed): void {
    const network = this.network!;
    const ratio = this.box.pixelRatio;
    // Zoomed in, a crowded network has room for its names.
    const many = centres.length > 40 && this.view.zoom < 2;
    const numberSize = Math.round(radius * (centres.length > 99 ? 0.72 : 0.9));
    const nameSize = Math.round(Math.max(12 * ratio, Math.min(radius * 0.62, 22 * ratio)));
    const onScreen = radius * (this.view.zoom >= 2 ? 2 : 1);
    const showNumbers = onScreen >= 9 * ratio;
    // Names need room: below the node, unless nodes are too close to hold them.
    const showNames = !many && onScreen >= 12 * ratio;
    sync(this.numbers, showNumbers ? centres.length : 0, () => this.label("bold"));
    sync(this.names, showNames ? centres.length : 0, () => this.label("bold"));
    centres.forEach((centre, node) => {
      const info = network.nodes[node]!;
      this.numbers[node]
        ?.setText(String(node + 1))
        .setFontSize(`${numberSize}px`)
        .setPosition(centre.x, centre.y)
        .setAlpha(info.up ? 1 : 0.6);
      this.names[node]
        ?.setText(shorten(info.name, 14))
        .setFontSize(`${nameSize}px`)
        .setOrigin(0.5, 0)
        .setPosition(centre.x, centre.y + radius * 1.12)
        .setAlpha(info.up ? 1 : 0.55);
    });
    const grouped = centres.flatMap((centre, node) => {
      const group = this.marks.draftGroups.get(node) ?? network.nodes[node]!.group;
      return group > 0 ? [{ centre, group }] : [];
    });
    sync(this.badges, grouped.length, () => this.label("bold"));
    grouped.forEach(({ centre, group }, index) => {
      this.badges[index]!.setText(groupLetter(group))
        .setFontSize(`${Math.round(radius * 0.75)}px`)
        .setPosition(centre.x + radius * 1.25, centre.y - radius * 1.25);
    });
  }

  private drawPackets(tick: number): void {
    const { palette, motion, traffic } = this.options;
    const { centres, radius } = this.placed!;
    const layer = this.packetLayer.clear();
    const size = Math.max(4 * this.box.pixelRatio, radius * 0.34);
    layer.lineStyle(Math.max(1, size * 0.3), palette.packetOutline, 1);
    for (const packet of traffic.packets.values()) {
      const from = centres[packet.from];
      const to = centres[packet.to];
      if (!from || !to) continue;
      // Not yet on the wire by the smoothed clock: it still sits at its sender.
      const progress = motion ? progressAt(packet, tick) : 0.5;
      const x = from.x + (to.x - from.x) * progress;
      const y = from.y + (to.y - from.y) * progress;
      packetShape(layer, packet, x, y, size, colourOf(packet.kind, palette));
    }
  }

  private drawFlashes(now: number): void {
    const { palette, motion, traffic, causeText } = this.options;
    const { centres, radius } = this.placed!;
    const layer = this.flashLayer.clear();
    const flashes = traffic.flashes.slice(-24);
    // A label's texture is drawn again whenever its colour or size is set, so both are set once.
    const fontSize = `${Math.round(Math.max(13 * this.box.pixelRatio, radius * 0.6))}px`;
    sync(this.causes, flashes.length, () =>
      this.label("bold").setOrigin(0.5, 1).setDepth(11).setColor(palette.dropLabel),
    );
    flashes.forEach((flash, index) => {
      const centre = centres[flash.node];
      const text = this.causes[index]!;
      if (!centre) {
        text.setVisible(false);
        return;
      }
      const age = (now - flash.at) / DROP_FLASH_MS;
      const alpha = motion ? Math.max(0, 1 - age * age) : 1;
      const grow = motion ? 1 + age * 0.6 : 1;
      burst(layer, centre.x, centre.y, radius * grow, radius * 0.16, palette.drop, alpha);
      if (text.style.fontSize !== fontSize) text.setFontSize(fontSize);
      text
        .setVisible(true)
        .setText(causeText(flash.cause))
        .setPosition(centre.x, centre.y - radius * 1.8 - (motion ? age * radius * 0.5 : 0))
        .setAlpha(alpha);
    });
  }

  private label(style: string): Phaser.GameObjects.Text {
    return this.add
      .text(0, 0, "", {
        fontFamily: this.options.fontFamily,
        fontStyle: style,
        color: this.options.palette.label,
        // A light halo keeps names readable over links and shaded groups.
        stroke: "#ffffff",
        strokeThickness: 4 * this.box.pixelRatio,
      })
      .setOrigin(0.5, 0.5)
      .setDepth(5);
  }
}

/**
 * Where each node goes in a box of canvas pixels: the generator's positions fitted with room
 * around them for names and drop causes, nodes big enough to read from the back of a room, and
 * pushed apart where they would hide each other.
 */
function layOut(network: LiveNetwork, box: Box): Placed {
  const ratio = box.pixelRatio;
  const inset = Math.round(Math.min(box.width, box.height) * 0.05 + 24 * ratio);
  // The zoom buttons sit in the top right corner; no node goes under them.
  const top = inset + TOOLBAR * ratio;
  const inner = { ...box, width: box.width - 2 * inset, height: box.height - inset - top };
  // Stretched (within limits) to the box: a wide screen gives the nodes more room.
  const fitted = place({ positions: network.nodes, links: [] }, inner, "fill");
  // The layout's radius keeps the closest pair apart; a sparse network gets bigger nodes, sized
  // by the room each node has on average, and `spread` parts the few that come too close.
  const roomy = Math.sqrt((inner.width * inner.height) / Math.max(1, network.nodes.length)) * 0.16;
  const radius = Math.min(MAX_RADIUS * ratio, Math.max(fitted.radius, roomy, MIN_RADIUS * ratio));
  const centres = fitted.centres.map((centre) => ({ x: centre.x + inset, y: centre.y + top }));
  const bounds = {
    minX: inset,
    minY: top,
    maxX: box.width - inset,
    maxY: box.height - inset,
  };
  return { radius, centres: spread(centres, radius * 2.5, bounds) };
}

function colourOf(kind: PacketKind, palette: LivePalette): number {
  return kind === "ack" ? palette.ack : kind === "flood" ? palette.flood : palette.data;
}

/** Data: a circle; ack: a square; flood: a diamond. */
function packetShape(
  layer: Phaser.GameObjects.Graphics,
  packet: FlyingPacket,
  x: number,
  y: number,
  size: number,
  colour: number,
): void {
  layer.fillStyle(colour, 1);
  if (packet.kind === "ack") {
    layer
      .fillRect(x - size, y - size, size * 2, size * 2)
      .strokeRect(x - size, y - size, size * 2, size * 2);
  } else if (packet.kind === "flood") {
    const d = size * 1.35;
    const points = [
      new Phaser.Math.Vector2(x, y - d),
      new Phaser.Math.Vector2(x + d, y),
      new Phaser.Math.Vector2(x, y + d),
      new Phaser.Math.Vector2(x - d, y),
    ];
    layer.fillPoints(points, true).strokePoints(points, true);
  } else {
    layer.fillCircle(x, y, size).strokeCircle(x, y, size);
  }
}

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
