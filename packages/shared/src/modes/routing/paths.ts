import { isUp, linkBlock, type NetState, neighbours } from "../../net/network.ts";
import type { NodeId } from "../../net/topology.ts";

/** Hop counts to one destination from every node; -1 where it cannot be reached. */
export type Distances = Int32Array;

interface Cache {
  version: number;
  live: Map<NodeId, Distances>;
  whole: Map<NodeId, Distances>;
}

// Derived from the round state, never part of it: keyed by its link list, refreshed whenever a
// crash, cut or partition bumps `net.version`.
const caches = new WeakMap<object, Cache>();

function cacheFor<P>(net: NetState<P>): Cache {
  let cache = caches.get(net.links);
  if (!cache) {
    cache = { version: net.version, live: new Map(), whole: new Map() };
    caches.set(net.links, cache);
  }
  if (cache.version !== net.version) {
    cache.version = net.version;
    cache.live.clear();
  }
  return cache;
}

/**
 * R8: what a converged distance-vector protocol knows — hops from each node to `dst` over the
 * links and nodes that are up right now.
 */
export function liveDistances<P>(net: NetState<P>, dst: NodeId): Distances {
  const cache = cacheFor(net);
  let distances = cache.live.get(dst);
  if (!distances) {
    distances = bfs(net, dst, true);
    cache.live.set(dst, distances);
  }
  return distances;
}

/** R9: hops to `dst` in the network as it was built, for stretch. */
export function baseDistances<P>(net: NetState<P>, dst: NodeId): Distances {
  const cache = cacheFor(net);
  let distances = cache.whole.get(dst);
  if (!distances) {
    distances = bfs(net, dst, false);
    cache.whole.set(dst, distances);
  }
  return distances;
}

function bfs<P>(net: NetState<P>, dst: NodeId, live: boolean): Distances {
  const distances = new Int32Array(net.nodeUp.length).fill(-1);
  if (live && !isUp(net, dst)) return distances;
  distances[dst] = 0;
  const queue = [dst];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of neighbours(net, node)) {
      if (distances[next.node] !== -1) continue;
      if (live && (linkBlock(net, next.link) || !isUp(net, next.node))) continue;
      distances[next.node] = distances[node]! + 1;
      queue.push(next.node);
    }
  }
  return distances;
}

/** R1: the longest shortest path of the network as built. */
export function diameter<P>(net: NetState<P>): number {
  let longest = 0;
  for (let node = 0; node < net.nodeUp.length; node++) {
    for (const hops of bfs(net, node, false)) longest = Math.max(longest, hops);
  }
  return longest;
}
