import { describe, expect, it } from "vitest";
import { COMMAND_MAX_LENGTH, commandAction, nextCommand } from "./commands.ts";
import {
  clusterSizes,
  DEFAULT_ELECTION_PLAN,
  electionConfigureCommand,
  timeoutChoiceOf,
} from "./plan.ts";

describe("the teacher as the client (E6)", () => {
  it("E6: a command is checked by the engine's own schema, trimmed, 1 to 40 characters", () => {
    expect(COMMAND_MAX_LENGTH).toBe(40);
    expect(commandAction(1, "  x=3 ")).toEqual({ type: "command", cluster: 1, command: "x=3" });
    expect(commandAction(0, "   ")).toBeNull();
    expect(commandAction(0, "y".repeat(41))).toBeNull();
    expect(commandAction(-1, "x=3")).toBeNull();
  });

  it("the next command counts on, so a class sees the log grow entry by entry", () => {
    expect(nextCommand("x=3")).toBe("x=4");
    expect(nextCommand("set y 9")).toBe("set y 10");
    expect(nextCommand("hello")).toBe("hello");
  });
});

describe("the election round's setup (§3.2)", () => {
  it("P5: the plan becomes a configure command the engine's config schema takes", () => {
    expect(electionConfigureCommand(DEFAULT_ELECTION_PLAN, 10)).toEqual({
      type: "configure",
      mode: "election",
      nodes: 10,
      config: {
        clusterSize: 5,
        assist: "assisted",
        enforcement: "strict",
        electionTimeout: [80, 160],
      },
    });
    const whole = { ...DEFAULT_ELECTION_PLAN, wholeClass: true, timeout: "short" as const };
    expect(electionConfigureCommand(whole, 23)).toMatchObject({
      config: { clusterSize: null, electionTimeout: [40, 80] },
    });
  });

  it("the setup shows how the engine will split the class into clusters", () => {
    expect(clusterSizes(DEFAULT_ELECTION_PLAN, 10)).toEqual([5, 5]);
    expect(clusterSizes(DEFAULT_ELECTION_PLAN, 23)).toEqual([5, 5, 5, 4, 4]);
    expect(clusterSizes({ ...DEFAULT_ELECTION_PLAN, wholeClass: true }, 23)).toEqual([23]);
  });

  it("E2: a running round's timeout range is one of the choices, or its own", () => {
    expect(timeoutChoiceOf([80, 160])).toBe("normal");
    expect(timeoutChoiceOf([40, 80])).toBe("short");
    expect(timeoutChoiceOf([30, 90])).toBeNull();
  });
});
