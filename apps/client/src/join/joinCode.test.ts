import { describe, expect, it } from "vitest";
import { joinCodeProblem, normaliseJoinCodeInput } from "./joinCode.ts";

describe("join code field", () => {
  it("P2: typed codes become capitals without spaces or dashes", () => {
    expect(normaliseJoinCodeInput(" abc-234 ")).toBe("ABC234");
  });

  it("P2: a malformed code is explained: missing, foreign characters, or the wrong length", () => {
    expect(joinCodeProblem("ABC234")).toBeNull();
    expect(joinCodeProblem("")).toEqual({ problem: "missing" });
    expect(joinCodeProblem("ABC23")).toEqual({ problem: "length", count: 5 });
    expect(joinCodeProblem("ABC2345")).toEqual({ problem: "length", count: 7 });
    expect(joinCodeProblem("AB0O1I")).toEqual({
      problem: "characters",
      characters: ["0", "O", "1", "I"],
    });
  });
});
