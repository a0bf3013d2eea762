import * as v from "valibot";
import { crashNode, heal, isUp, partition, restartNode, setLinkUp } from "../net/network.ts";
import type { ModeTypes, Rejection, Round, TickCtx } from "./contract.ts";

const nodeId = v.pipe(v.number(), v.integer(), v.minValue(0));
const linkId = nodeId;
const probability = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
/** Ticks; 600 = a minute at 10 Hz, far beyond any latency a class wants to watch. */
const ticks = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600));

/** N7: faults the teacher can inject into any mode; `link: null` means every link. */
export const faultSchema = v.variant("type", [
  v.object({ type: v.literal("crash"), node: nodeId }),
  v.object({ type: v.literal("restart"), node: nodeId }),
  v.object({ type: v.literal("cut"), link: linkId }),
  v.object({ type: v.literal("heal-link"), link: linkId }),
  v.object({ type: v.literal("set-loss"), link: v.nullable(linkId), loss: probability }),
  v.object({
    type: v.literal("set-latency"),
    link: v.nullable(linkId),
    latency: v.pipe(ticks, v.minValue(1)),
    jitter: ticks,
  }),
  v.object({
    type: v.literal("partition"),
    groups: v.pipe(v.array(v.pipe(v.array(nodeId), v.maxLength(1000))), v.maxLength(16)),
  }),
  v.object({ type: v.literal("heal-all") }),
]);
export type Fault = v.InferOutput<typeof faultSchema>;

/** D5: the teacher (or the server for them) seats a student at a node or hands it to a bot. */
export const seatSchema = v.object({
  type: v.literal("seat"),
  node: nodeId,
  name: v.pipe(v.string(), v.maxLength(40)),
  bot: v.nullable(v.pipe(v.string(), v.maxLength(40))),
});
export type SeatChange = v.InferOutput<typeof seatSchema>;

/**
 * N7: the fallacy of distributed computing each fault disproves, as a message key. The
 * projector's legend names it while the fault is active.
 */
export const FALLACY_OF: Record<Fault["type"], string | null> = {
  crash: "fallacy.topology",
  restart: null,
  cut: "fallacy.topology",
  "heal-link": null,
  "set-loss": "fallacy.reliable",
  "set-latency": "fallacy.latency",
  partition: "fallacy.reliable",
  "heal-all": null,
};

export function validateFault(round: Round, fault: Fault): Rejection | null {
  const nodes = round.net.nodeUp.length;
  const links = round.net.links.length;
  const badNode = (node: number): Rejection | null =>
    node >= nodes ? { rule: "N7", code: "fault.no-such-node", params: { node } } : null;
  const badLink = (link: number | null): Rejection | null =>
    link !== null && link >= links
      ? { rule: "N7", code: "fault.no-such-link", params: { link } }
      : null;
  switch (fault.type) {
    case "crash":
    case "restart":
      return badNode(fault.node);
    case "cut":
    case "heal-link":
    case "set-loss":
    case "set-latency":
      return badLink(fault.link);
    case "partition": {
      const seen = new Set<number>();
      for (const node of fault.groups.flat()) {
        if (badNode(node)) return badNode(node);
        if (seen.has(node))
          return { rule: "N5", code: "fault.node-in-two-groups", params: { node } };
        seen.add(node);
      }
      return null;
    }
    case "heal-all":
      return null;
  }
}

/** Applies a validated fault. Crashes and restarts also reach the mode (N4). */
export function applyFault<T extends ModeTypes>(
  round: Round<T>,
  fault: Fault,
  ctx: TickCtx<T>,
  mode: {
    crashed(round: Round<T>, node: number, ctx: TickCtx<T>): void;
    restarted(round: Round<T>, node: number, ctx: TickCtx<T>): void;
  },
): void {
  const net = round.net;
  const eachLink = (link: number | null, change: (id: number) => void) => {
    if (link !== null) change(link);
    else for (let id = 0; id < net.links.length; id++) change(id);
  };
  switch (fault.type) {
    case "crash":
      if (!isUp(net, fault.node)) return;
      crashNode(net, ctx.net, fault.node);
      mode.crashed(round, fault.node, ctx);
      return;
    case "restart":
      if (isUp(net, fault.node)) return;
      restartNode(net, fault.node);
      mode.restarted(round, fault.node, ctx);
      return;
    case "cut":
    case "heal-link":
      setLinkUp(net, fault.link, fault.type === "heal-link");
      return;
    case "set-loss":
      eachLink(fault.link, (id) => {
        net.links[id]!.loss = fault.loss;
      });
      return;
    case "set-latency":
      eachLink(fault.link, (id) => {
        Object.assign(net.links[id]!, { latency: fault.latency, jitter: fault.jitter });
      });
      return;
    case "partition":
      partition(net, fault.groups);
      return;
    case "heal-all":
      heal(net);
      net.nodeUp.forEach((up, node) => {
        if (up) return;
        restartNode(net, node);
        mode.restarted(round, node, ctx);
      });
      return;
  }
}
