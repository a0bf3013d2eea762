import { describe, expect, it } from "vitest";
import { isJoinCode, JOIN_CODE_ALPHABET, normaliseNickname } from "./join.ts";

describe("join codes and nicknames", () => {
  it("P2: a join code is six characters from an alphabet without ambiguous ones", () => {
    for (const ambiguous of ["0", "O", "1", "I"])
      expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    expect(isJoinCode("ABC234")).toBe(true);
    expect(isJoinCode("abc234")).toBe(false);
    expect(isJoinCode("ABC23")).toBe(false);
    expect(isJoinCode("ABC2340")).toBe(false);
    expect(isJoinCode("ABO234")).toBe(false);
  });

  it("P3: nicknames are trimmed, 1–20 characters, emoji counted as one", () => {
    expect(normaliseNickname("  Ada   Lovelace ")).toEqual({ ok: true, nickname: "Ada Lovelace" });
    expect(normaliseNickname("   ")).toEqual({ ok: false, problem: "nickname.empty" });
    expect(normaliseNickname("x".repeat(21))).toEqual({ ok: false, problem: "nickname.too-long" });
    expect(normaliseNickname("🦊".repeat(20))).toEqual({ ok: true, nickname: "🦊".repeat(20) });
    expect(normaliseNickname("<b>Eve</b>")).toEqual({ ok: true, nickname: "<b>Eve</b>" });
  });
});
