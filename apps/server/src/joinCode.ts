/**
 * P2: join codes are 6 characters with no ambiguous ones (no 0/O, 1/I/L).
 * Lives here until the classroom platform moves it to @quorum/shared.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

const joinCodePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Whether `code` is well-formed; it says nothing about whether a session has that code. */
export function isJoinCode(code: string): boolean {
  return joinCodePattern.test(code);
}
