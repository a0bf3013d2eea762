import { TOPOLOGY_PRESETS, type TopologyPreset } from "@quorum/shared";

/** What the explorer shows, kept in the address so a teacher can bookmark or share a plan. */
export interface Plan {
  preset: TopologyPreset;
  size: number;
  seed: number;
}

/** A class of up to 60: one node per student, plus bots (DESIGN §4). */
export const SIZE_RANGE = { min: 2, max: 60 } as const;
export const DEFAULT_PLAN: Plan = { preset: "ring", size: 12, seed: 1 };
const MAX_SEED = 2 ** 32 - 1;

export function planFromQuery(query: URLSearchParams): Plan {
  const preset = query.get("preset");
  return {
    preset: TOPOLOGY_PRESETS.find((known) => known === preset) ?? DEFAULT_PLAN.preset,
    size: integerIn(query.get("size"), SIZE_RANGE.min, SIZE_RANGE.max) ?? DEFAULT_PLAN.size,
    seed: parseSeed(query.get("seed")) ?? DEFAULT_PLAN.seed,
  };
}

export function planToQuery(plan: Plan): string {
  return new URLSearchParams({
    preset: plan.preset,
    size: String(plan.size),
    seed: String(plan.seed),
  }).toString();
}

/** A seed for "New seed": any 32-bit value; the client may use the browser's randomness. */
export function freshSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000;
}

/** Seeds are whole numbers that fit the generator's 32-bit seed. */
export function parseSeed(text: string | null): number | null {
  return integerIn(text, 0, MAX_SEED);
}

function integerIn(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}
