import { isJoinCode, JOIN_CODE_ALPHABET } from "@quorum/shared/platform/join";

/** Why a typed code is not a join code (P2), in enough detail to say how to fix it. */
export type JoinCodeProblem =
  | { problem: "missing" }
  | { problem: "length"; count: number }
  | { problem: "characters"; characters: string[] };

/** What the code field keeps of what was typed or pasted: capitals, no spaces or dashes. */
export function normaliseJoinCodeInput(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** Null for a well-formed code (shared `isJoinCode`); otherwise what is wrong with it. */
export function joinCodeProblem(code: string): JoinCodeProblem | null {
  if (isJoinCode(code)) return null;
  if (code.length === 0) return { problem: "missing" };
  const foreign = [...new Set(code)].filter((character) => !JOIN_CODE_ALPHABET.includes(character));
  if (foreign.length > 0) return { problem: "characters", characters: foreign };
  return { problem: "length", count: code.length };
}
