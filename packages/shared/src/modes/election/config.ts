import * as v from "valibot";

/** E8: how much of Raft the engine plays for the humans. */
export const ASSIST_LEVELS = ["manual", "assisted", "watch"] as const;
export type AssistLevel = (typeof ASSIST_LEVELS)[number];

/** E7: whether the engine refuses the actions that can break Raft's safety. */
export const ENFORCEMENTS = ["strict", "permissive"] as const;
export type Enforcement = (typeof ENFORCEMENTS)[number];

const ticks = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));
const range = (max: number) =>
  v.pipe(
    v.tuple([ticks(max), ticks(max)]),
    v.check(([min, max]) => min <= max, "the lower bound must not exceed the upper one"),
  );

export const electionTimeoutSchema = range(6000);

/** A leader-election round's settings; every field has a default that suits a first lesson. */
export const electionConfigSchema = v.object({
  /** Nodes per cluster; null puts the whole class in one cluster. @default 5 */
  clusterSize: v.optional(
    v.nullable(v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(15))),
    5,
  ),
  /** N1: link latency drawn from this range, in ticks. @default [5, 15] (0.5–1.5 s) */
  latency: v.optional(range(600), [5, 15]),
  /** @default 0 */
  jitter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600)), 0),
  /** @default 0 */
  loss: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0),
  /** N3: messages per tick per link direction. @default 2 */
  capacity: v.optional(ticks(100), 2),
  /** N3: RequestVote and AppendEntries cards waiting for a decision. @default 16 */
  inboxLimit: v.optional(ticks(64), 16),
  /** E2: a node's timeout is drawn from this range per term, in ticks. @default [80, 160] (8–16 s) */
  electionTimeout: v.optional(electionTimeoutSchema, [80, 160]),
  /** E6: ticks between a bot leader's heartbeats; also when a phone says one is due. @default 20 */
  heartbeatInterval: v.optional(ticks(6000), 20),
  /** E8 @default "assisted" */
  assist: v.optional(v.picklist(ASSIST_LEVELS), "assisted"),
  /** E7 @default "strict" */
  enforcement: v.optional(v.picklist(ENFORCEMENTS), "strict"),
  /** D5: ticks between two decisions of a bot. @default 5 (twice a second, like a quick human) */
  botThinkTicks: v.optional(ticks(600), 5),
});
export type ElectionConfig = v.InferOutput<typeof electionConfigSchema>;
