import type { NodeId } from "../../net/topology.ts";
import type { ElectionGame } from "./game.ts";
import { majority } from "./raft.ts";

/** E7: the properties Raft guarantees, as the checker names them. */
export const SAFETY_PROPERTIES = [
  "election-safety",
  "log-matching",
  "leader-completeness",
  "committed-lost",
] as const;
export type SafetyProperty = (typeof SAFETY_PROPERTIES)[number];

/** E7: one broken guarantee, pinpointed: when, where, which term and which nodes. */
export interface Violation {
  property: SafetyProperty;
  tick: number;
  cluster: number;
  term: number;
  nodes: NodeId[];
  /** The log index concerned; null for two leaders in one term. */
  index: number | null;
}

/** An entry the checker saw committed, as it was when first seen. */
export interface CommittedEntry {
  term: number;
  id: number;
  command: string;
  /** The term of the first node seen with it committed: every later leader must hold it. */
  commitTerm: number;
  at: number;
}

/** What the checker remembers between ticks: per cluster, the committed log as it was seen. */
export interface SafetyWatch {
  committed: CommittedEntry[][];
  violations: Violation[];
}

export function createSafetyWatch(clusters: number): SafetyWatch {
  return { committed: Array.from({ length: clusters }, () => []), violations: [] };
}

/**
 * E7: checks a round's Raft state after a tick and returns the violations not reported before
 * (they are also added to `watch`). Pure apart from `watch`: the mode runs it every tick, and
 * `checkSafety` runs it with a fresh watch over any replay log.
 */
export function inspectSafety(watch: SafetyWatch, game: ElectionGame, tick: number): Violation[] {
  const found: Violation[] = [];
  const report = (violation: Omit<Violation, "tick">) => {
    const known = [...watch.violations, ...found].some(
      (seen) =>
        seen.property === violation.property &&
        seen.cluster === violation.cluster &&
        seen.term === violation.term &&
        seen.index === violation.index,
    );
    if (!known) found.push({ ...violation, tick });
  };
  game.clusters.forEach((cluster, index) => {
    const check = { game, cluster: index, members: cluster.members, report };
    // Election safety: at most one leader per term, over the cluster's whole history.
    for (const record of cluster.terms) {
      if (record.leaders.length > 1) {
        report({
          property: "election-safety",
          cluster: index,
          term: record.term,
          nodes: [...record.leaders],
          index: null,
        });
      }
    }
    checkLogMatching(check);
    checkCommitted(check, watch.committed[index]!, tick);
  });
  watch.violations.push(...found);
  return found;
}

interface ClusterCheck {
  game: ElectionGame;
  cluster: number;
  members: readonly NodeId[];
  report(violation: Omit<Violation, "tick">): void;
}

/**
 * Log matching: two logs with an entry of the same index and term hold the same entries up to
 * it. Entry ids are unique, so it is enough that every (index, term) pair names one entry and
 * one predecessor: by induction the whole prefixes are then equal.
 */
function checkLogMatching({ game, cluster, members, report }: ClusterCheck): void {
  const seen = new Map<string, { id: number; previous: number; node: NodeId }>();
  for (const node of members) {
    const log = game.nodes[node]!.log;
    log.forEach((entry, at) => {
      const key = `${at + 1}:${entry.term}`;
      const previous = at === 0 ? 0 : log[at - 1]!.id;
      const first = seen.get(key);
      if (!first) seen.set(key, { id: entry.id, previous, node });
      else if (first.id !== entry.id || first.previous !== previous) {
        report({
          property: "log-matching",
          cluster,
          term: entry.term,
          nodes: [first.node, node],
          index: at + 1,
        });
      }
    });
  }
}

/** Committed entries are never lost, and every later leader holds them (leader completeness). */
function checkCommitted(
  { game, cluster, members, report }: ClusterCheck,
  committed: CommittedEntry[],
  tick: number,
): void {
  for (const node of members) {
    const { log, commitIndex, term } = game.nodes[node]!;
    const upTo = Math.min(commitIndex, log.length);
    for (let index = 1; index <= upTo; index++) {
      const entry = log[index - 1]!;
      const known = committed[index - 1];
      if (!known) {
        const { term: entryTerm, id, command } = entry;
        committed.push({ term: entryTerm, id, command, commitTerm: term, at: tick });
      } else if (known.id !== entry.id) {
        // A node applied another entry at an index that was already committed.
        report({ property: "committed-lost", cluster, term: known.term, nodes: [node], index });
      }
    }
  }
  const needed = majority(members.length);
  const leaders = members.filter((node) => game.nodes[node]!.role === "leader");
  committed.forEach((entry, at) => {
    const holds = (node: NodeId) => game.nodes[node]!.log[at]?.id === entry.id;
    const holders = members.reduce((count, node) => count + (holds(node) ? 1 : 0), 0);
    if (holders < needed) {
      report({
        property: "committed-lost",
        cluster,
        term: entry.term,
        nodes: members.filter((node) => !holds(node)),
        index: at + 1,
      });
    }
    for (const node of leaders) {
      const term = game.nodes[node]!.term;
      if (term > entry.commitTerm && !holds(node)) {
        report({ property: "leader-completeness", cluster, term, nodes: [node], index: at + 1 });
      }
    }
  });
}
