export * from "./engine/contract.ts";
export * from "./engine/faults.ts";
export * from "./engine/round.ts";
export * from "./hash.ts";
export * from "./modes/routing/index.ts";
export * from "./net/network.ts";
export * from "./net/topology.ts";
export * from "./rng.ts";
