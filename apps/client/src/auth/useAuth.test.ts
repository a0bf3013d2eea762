import { describe, expect, it } from "vitest";
import { safeNext } from "./useAuth.ts";

describe("after sign-in", () => {
  it("P1: only this site's own paths are followed, so a link cannot send a teacher elsewhere", () => {
    expect(safeNext("/teach/abc?x=1")).toBe("/teach/abc?x=1");
    expect(safeNext(null)).toBe("/teach");
    expect(safeNext("https://evil.example/")).toBe("/teach");
    expect(safeNext("//evil.example/")).toBe("/teach");
    expect(safeNext("/\\evil.example")).toBe("/teach");
  });
});
