import { describe, expect, it } from "vitest";
import { hexColour } from "./colour.ts";

describe("the drawing's colours from CSS", () => {
  it("reads both the long and the short hex form, as the built stylesheet may write it", () => {
    expect(hexColour("#0b3954")).toBe(0x0b3954);
    expect(hexColour(" #fff")).toBe(0xffffff);
    expect(hexColour("#f0e442")).toBe(0xf0e442);
  });
});
