export * from "./net/topology.ts";
export * from "./rng.ts";
