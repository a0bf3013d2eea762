import type { AssistLevel, Enforcement } from "@quorum/shared";
import { clusterMembers } from "@quorum/shared/modes/election/clusters";
import type { HostCommand } from "@quorum/shared/platform/protocol";

/** E2: election timeout ranges a teacher picks from, in ticks (100 ms). */
export const ELECTION_TIMEOUTS = {
  short: [40, 80],
  normal: [80, 160],
  long: [150, 300],
} as const satisfies Record<string, readonly [number, number]>;
export type TimeoutChoice = keyof typeof ELECTION_TIMEOUTS;

/** The settings a teacher picks for the next leader-election round (electionConfigSchema, §3.2). */
export interface ElectionPlan {
  /** Servers per cluster (3–15). */
  clusterSize: number;
  /** One cluster of the whole class instead. */
  wholeClass: boolean;
  assist: AssistLevel;
  enforcement: Enforcement;
  timeout: TimeoutChoice;
}

/** electionConfigSchema: a cluster has 3–15 servers. */
export const CLUSTER_SIZES = { min: 3, max: 15 } as const;

export const DEFAULT_ELECTION_PLAN: ElectionPlan = {
  clusterSize: 5,
  wholeClass: false,
  assist: "assisted",
  enforcement: "strict",
  timeout: "normal",
};

/** The `configure` command for an election round of `nodes` servers (protocol.ts). */
export function electionConfigureCommand(plan: ElectionPlan, nodes: number): HostCommand {
  return {
    type: "configure",
    mode: "election",
    nodes,
    config: {
      clusterSize: plan.wholeClass ? null : plan.clusterSize,
      assist: plan.assist,
      enforcement: plan.enforcement,
      electionTimeout: [...ELECTION_TIMEOUTS[plan.timeout]],
    },
  };
}

/** How the engine will split `nodes` servers into clusters: each cluster's size. */
export function clusterSizes(plan: ElectionPlan, nodes: number): number[] {
  return clusterMembers(nodes, plan.wholeClass ? null : plan.clusterSize).map(
    (members) => members.length,
  );
}

/** Which choice a running round's range is, if it is one of them. */
export function timeoutChoiceOf(range: readonly [number, number]): TimeoutChoice | null {
  const found = (Object.keys(ELECTION_TIMEOUTS) as TimeoutChoice[]).find(
    (choice) =>
      ELECTION_TIMEOUTS[choice][0] === range[0] && ELECTION_TIMEOUTS[choice][1] === range[1],
  );
  return found ?? null;
}
