import * as v from "valibot";
import { TOPOLOGY_PRESETS } from "../../net/topology.ts";

export const ROUTING_VARIANTS = ["unicast", "flood", "reliable"] as const;
export type RoutingVariant = (typeof ROUTING_VARIANTS)[number];

const ticks = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));

/** A routing round's settings; every field has a default that suits a first lesson. */
export const routingConfigSchema = v.object({
  /** N1 @default "geometric" */
  preset: v.optional(v.picklist(TOPOLOGY_PRESETS), "geometric"),
  /** N1: link latency drawn from this range, in ticks. @default [5, 15] (0.5–1.5 s) */
  latency: v.optional(
    v.pipe(
      v.tuple([ticks(600), ticks(600)]),
      v.check(([min, max]) => min <= max, "the shortest latency must not exceed the longest"),
    ),
    [5, 15],
  ),
  /** @default 0 */
  jitter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600)), 0),
  /** @default 0 */
  loss: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0),
  /** N3: messages per tick per link direction. @default 2 */
  capacity: v.optional(ticks(100), 2),
  /** N3 @default 8 */
  inboxLimit: v.optional(ticks(64), 8),
  /** R6, R7 @default "unicast" */
  variant: v.optional(v.picklist(ROUTING_VARIANTS), "unicast"),
  /** New packets per second across the whole network. @default 1 */
  trafficRate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1000)), 1),
  /** R1: hop limit; null means twice the network's diameter. @default null */
  ttl: v.optional(v.nullable(ticks(255)), null),
  /** R8: show distance-vector hints to students. @default false */
  hints: v.optional(v.boolean(), false),
  /** R7: ticks a sender waits for an ack before its retransmit button lights up. @default 200 */
  retransmitTimeout: v.optional(ticks(6000), 200),
  /** D5: ticks between two decisions of a bot. @default 5 (twice a second, like a quick human) */
  botThinkTicks: v.optional(ticks(600), 5),
});
export type RoutingConfig = v.InferOutput<typeof routingConfigSchema>;
