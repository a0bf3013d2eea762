import { nextFloat, nextInt, type RngState, seedRng, type Topology } from "@quorum/shared";
import * as Phaser from "phaser";
import { type Box, type Fit, type Placed, place } from "./layout.ts";

/** The drawing's colours, read from CSS custom properties so the page and canvas agree. */
export interface Palette {
  link: number;
  node: number;
  nodeOutline: number;
  label: string;
  packet: number;
  packetOutline: number;
}

export interface NetworkSceneOptions {
  fit: Fit;
  palette: Palette;
  fontFamily: string;
  /** Packets stand still when the user asked for reduced motion (P7). */
  motion: boolean;
  /** Called once the scene exists and can be shown a network. */
  onReady(): void;
  /** Called after each full redraw, with what is on screen. */
  onDrawn(drawn: { nodes: number; links: number; labels: boolean }): void;
}

interface Packet {
  link: number;
  /** Travelling from link.a to link.b. */
  forward: boolean;
  progress: number;
  /** Milliseconds to cross the link. */
  duration: number;
}

/** Decoration only: a packet crosses a link in latency × this many ms, slow enough to follow. */
const MS_PER_LATENCY_TICK = 160;
/** Node numbers are shown only when nodes are at least this big (CSS px) to hold them. */
const MIN_LABELLED_RADIUS = 9;

/** Draws a topology: links as lines, nodes as numbered circles, packets as travelling dots. */
export class NetworkScene extends Phaser.Scene {
  private topology: Topology | null = null;
  private placed: Placed | null = null;
  private box: Box = { width: 1, height: 1, pixelRatio: 1 };
  private packets: Packet[] = [];
  private rng: RngState = seedRng(1);
  private linkLayer!: Phaser.GameObjects.Graphics;
  private nodeLayer!: Phaser.GameObjects.Graphics;
  private packetLayer!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];

  private readonly options: NetworkSceneOptions;

  constructor(options: NetworkSceneOptions) {
    super({ key: "network" });
    this.options = options;
  }

  create(): void {
    this.linkLayer = this.add.graphics();
    this.packetLayer = this.add.graphics();
    this.nodeLayer = this.add.graphics();
    this.options.onReady();
  }

  /** Shows another network (or the same one in a resized box). */
  show(topology: Topology, box: Box): void {
    if (topology !== this.topology) {
      this.topology = topology;
      this.rng = seedRng(topology.positions.length * 7919 + topology.links.length);
      this.packets = this.launchPackets(topology);
    }
    this.box = box;
    this.redraw();
  }

  setMotion(motion: boolean): void {
    this.options.motion = motion;
    this.drawPackets();
  }

  override update(_time: number, delta: number): void {
    if (!this.options.motion || !this.topology || this.packets.length === 0) return;
    // A long pause (a hidden tab) would otherwise teleport every packet.
    const step = Math.min(delta, 100);
    for (const packet of this.packets) {
      packet.progress += step / packet.duration;
      if (packet.progress >= 1) this.forward(packet, this.topology);
    }
    this.drawPackets();
  }

  private redraw(): void {
    if (!this.linkLayer || !this.topology) return;
    const { topology, box } = this;
    this.cameras.main.setSize(box.width, box.height);
    const placed = place(topology, box, this.options.fit);
    this.placed = placed;
    const { palette } = this.options;
    const ratio = box.pixelRatio;

    this.linkLayer.clear();
    this.linkLayer.lineStyle(Math.max(1.5 * ratio, placed.radius * 0.1), palette.link, 1);
    for (const link of topology.links) {
      const a = placed.centres[link.a]!;
      const b = placed.centres[link.b]!;
      this.linkLayer.lineBetween(a.x, a.y, b.x, b.y);
    }

    this.nodeLayer.clear();
    this.nodeLayer.fillStyle(palette.node, 1);
    this.nodeLayer.lineStyle(Math.max(1.5 * ratio, placed.radius * 0.12), palette.nodeOutline, 1);
    for (const centre of placed.centres) {
      this.nodeLayer.fillCircle(centre.x, centre.y, placed.radius);
      this.nodeLayer.strokeCircle(centre.x, centre.y, placed.radius);
    }

    const labelled = placed.radius >= MIN_LABELLED_RADIUS * ratio;
    this.placeLabels(labelled ? placed : null);
    this.drawPackets();
    this.options.onDrawn({
      nodes: topology.positions.length,
      links: topology.links.length,
      labels: labelled,
    });
  }

  private placeLabels(placed: Placed | null): void {
    const count = placed ? placed.centres.length : 0;
    while (this.labels.length > count) this.labels.pop()!.destroy();
    if (!placed) return;
    const fontSize = `${Math.round(placed.radius * (count > 99 ? 0.72 : 0.92))}px`;
    placed.centres.forEach((centre, node) => {
      let label = this.labels[node];
      if (!label) {
        label = this.add
          .text(0, 0, "", {
            fontFamily: this.options.fontFamily,
            fontStyle: "bold",
            color: this.options.palette.label,
          })
          .setOrigin(0.5, 0.5);
        this.labels[node] = label;
      }
      // Nodes are numbered from 1 for people; the generator counts from 0.
      label
        .setText(String(node + 1))
        .setFontSize(fontSize)
        .setPosition(centre.x, centre.y);
    });
  }

  private drawPackets(): void {
    const { placed, topology } = this;
    if (!this.packetLayer || !placed || !topology) return;
    const { palette } = this.options;
    const size = Math.max(3 * this.box.pixelRatio, placed.radius * 0.32);
    this.packetLayer.clear();
    this.packetLayer.fillStyle(palette.packet, 1);
    this.packetLayer.lineStyle(Math.max(1, size * 0.3), palette.packetOutline, 1);
    for (const packet of this.packets) {
      const link = topology.links[packet.link]!;
      const [from, to] = packet.forward ? [link.a, link.b] : [link.b, link.a];
      const start = placed.centres[from]!;
      const end = placed.centres[to]!;
      // Still packets sit where they are easiest to see: half-way along their link.
      const progress = this.options.motion ? packet.progress : 0.5;
      const x = start.x + (end.x - start.x) * progress;
      const y = start.y + (end.y - start.y) * progress;
      this.packetLayer.fillCircle(x, y, size);
      this.packetLayer.strokeCircle(x, y, size);
    }
  }

  private launchPackets(topology: Topology): Packet[] {
    const links = topology.links.length;
    if (links === 0) return [];
    const count = Math.min(links, Math.max(3, Math.round(links / 3)), 16);
    return Array.from({ length: count }, () => {
      const link = nextInt(this.rng, links);
      return {
        link,
        forward: nextFloat(this.rng) < 0.5,
        progress: nextFloat(this.rng),
        duration: crossingTime(topology.links[link]!.latency),
      };
    });
  }

  /** An arrived packet carries on over another link of the node it reached. */
  private forward(packet: Packet, topology: Topology): void {
    const arrived = topology.links[packet.link]!;
    const node = packet.forward ? arrived.b : arrived.a;
    const onward = topology.links.flatMap((link, index) =>
      index !== packet.link && (link.a === node || link.b === node) ? [index] : [],
    );
    const next = onward.length > 0 ? onward[nextInt(this.rng, onward.length)]! : packet.link;
    const link = topology.links[next]!;
    packet.link = next;
    packet.forward = link.a === node;
    packet.progress -= 1;
    packet.duration = crossingTime(link.latency);
  }
}

function crossingTime(latency: number): number {
  return Math.max(4, latency) * MS_PER_LATENCY_TICK;
}
