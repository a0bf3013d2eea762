import type { Topology } from "@quorum/shared";

interface Props {
  topology: Topology | null;
  class?: string;
}

/**
 * A still drawing of a network in plain SVG — for the phone's landing page, where a small
 * decorative band does not justify downloading the Phaser renderer (P8, phone budget).
 * Mirrors data-nodes / data-links like NetworkView, so tests read both the same way.
 */
export function NetworkSketch({ topology, class: className }: Props) {
  const classes = className ? `network network--sketch ${className}` : "network network--sketch";
  if (!topology) return <div class={classes} data-status="loading" aria-hidden="true" />;
  const { positions, links } = topology;
  // A wide, short band: spread x over the width, keep a margin so nodes aren't cut.
  const at = (i: number) => positions[i] ?? { x: 0.5, y: 0.5 };
  const x = (i: number) => 4 + at(i).x * 92;
  const y = (i: number) => 8 + at(i).y * 84;
  return (
    <div
      class={classes}
      data-status="ready"
      data-renderer="svg"
      data-nodes={positions.length}
      data-links={links.length}
      aria-hidden="true"
    >
      <svg viewBox="0 0 100 100" preserveAspectRatio="xMidYMid meet" role="presentation">
        {links.map((link) => (
          <line
            key={`${link.a}-${link.b}`}
            class="network-sketch__link"
            x1={x(link.a)}
            y1={y(link.a)}
            x2={x(link.b)}
            y2={y(link.b)}
          />
        ))}
        {positions.map((_, node) => (
          <circle key={node} class="network-sketch__node" cx={x(node)} cy={y(node)} r={3} />
        ))}
      </svg>
    </div>
  );
}
