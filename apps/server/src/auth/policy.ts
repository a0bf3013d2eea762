import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@quorum/shared/platform/account";
import * as v from "valibot";
/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;

/** Characters as people count them (an emoji is one), not UTF-16 units. */
const characters = (value: string) => [...value].length;

/** A teacher's email: trimmed and lower-cased, so it matches however it was typed. */
export const emailSchema = v.pipe(
  v.string("The email must be a string."),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(EMAIL_MAX_LENGTH, `The email can have at most ${EMAIL_MAX_LENGTH} characters.`),
  v.email("The email is not a valid email address."),
);

/** P1: the policy for a new password. Blanks count: a password is never trimmed. */
export const newPasswordSchema = v.pipe(
  v.string("The password must be a string."),
  v.check(
    (password) => characters(password) >= PASSWORD_MIN_LENGTH,
    `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  ),
  v.check(
    (password) => characters(password) <= PASSWORD_MAX_LENGTH,
    `The password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
  ),
);

/**
 * A password offered at login. Only its size is checked: a policy that changes must not lock
 * out accounts made under the old one.
 */
export const loginPasswordSchema = v.pipe(
  v.string("The password must be a string."),
  v.nonEmpty("The password is missing."),
  v.check(
    (password) => characters(password) <= PASSWORD_MAX_LENGTH,
    `The password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
  ),
);
