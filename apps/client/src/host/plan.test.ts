import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN, planFromQuery, planToQuery } from "./plan.ts";

describe("host plan in the address", () => {
  it("N1: a plan survives the round trip through the address", () => {
    const plan = { preset: "small-world", size: 24, seed: 99 } as const;
    expect(planFromQuery(new URLSearchParams(planToQuery(plan)))).toEqual(plan);
  });

  it("N1: anything unknown or out of range falls back to the defaults", () => {
    const plan = planFromQuery(new URLSearchParams("preset=hypercube&size=500&seed=-3"));
    expect(plan).toEqual(DEFAULT_PLAN);
  });
});
