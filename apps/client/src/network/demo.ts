import { generateTopology, seedRng, type Topology } from "@quorum/shared";

/** The landing page's illustration: a small internet-like network, the same on every visit. */
export function demoTopology(): Topology {
  return generateTopology({ preset: "scale-free", size: 18 }, seedRng(2024));
}
