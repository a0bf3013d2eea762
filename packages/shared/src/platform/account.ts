/** P1: a teacher's password has at least this many characters (the server's policy, the form's hint). */
export const PASSWORD_MIN_LENGTH = 10;
/** P1: and at most this many, which bounds the work one login can ask of the server. */
export const PASSWORD_MAX_LENGTH = 200;
