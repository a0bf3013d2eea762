/** P2: join codes are 6 characters with no ambiguous ones (no 0/O, no 1/I). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

const joinCodePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Whether `code` is well-formed; it says nothing about whether a session has that code. */
export function isJoinCode(code: string): boolean {
  return joinCodePattern.test(code);
}

/** P3: nicknames are trimmed and 1–20 characters long. */
export const NICKNAME_MAX_LENGTH = 20;

export type NicknameProblem = "nickname.empty" | "nickname.too-long";

/** The nickname as it will be stored, or the message key of what is wrong with it. */
export function normaliseNickname(
  raw: string,
): { ok: true; nickname: string } | { ok: false; problem: NicknameProblem } {
  const nickname = raw.trim().replace(/\s+/g, " ");
  if (nickname.length === 0) return { ok: false, problem: "nickname.empty" };
  // Count characters as people see them (an emoji is one), not UTF-16 units.
  if ([...nickname].length > NICKNAME_MAX_LENGTH)
    return { ok: false, problem: "nickname.too-long" };
  return { ok: true, nickname };
}
