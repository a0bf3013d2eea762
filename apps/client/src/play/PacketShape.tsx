import type { RoutingView } from "@quorum/shared/modes/routing/index";

type PacketKind = RoutingView["inbox"][number]["kind"];

/**
 * P7: a packet's kind as a shape as well as a colour, so it reads in greyscale and for every kind
 * of colour vision: data a circle, an ack a triangle, a flood a diamond.
 */
export function PacketShape({ kind }: { kind: PacketKind }) {
  return (
    <svg class={`packet-shape packet-shape--${kind}`} viewBox="0 0 20 20" aria-hidden="true">
      {kind === "data" && <circle cx="10" cy="10" r="7" />}
      {kind === "ack" && <path d="M10 3 17.5 16.5H2.5Z" />}
      {kind === "flood" && <path d="M10 2 18 10 10 18 2 10Z" />}
    </svg>
  );
}
