import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { Store, Teacher } from "../store/types.ts";
import { hashPassword } from "./passwords.ts";

/** The unattended way: QUORUM_ADMIN_EMAIL and QUORUM_ADMIN_PASSWORD, already validated. */
export interface AdminAccount {
  email: string;
  password: string;
}

/**
 * P1: the one-time token that lets whoever reads the server's terminal create the first teacher
 * account. It exists only in this process's memory; only its hash is kept, and it is compared
 * in constant time.
 */
export interface SetupGate {
  /** The token to print, until the first account exists; then undefined. */
  readonly token: string | undefined;
  /**
   * Spends the token if `candidate` is it. True at most once: two requests racing with the right
   * token cannot both create an account.
   */
  consume(candidate: string): boolean;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest();

export function createSetupGate(): SetupGate {
  let token: string | undefined = randomBytes(32).toString("base64url");
  let tokenHash: Buffer | undefined = sha256(token);
  return {
    get token() {
      return token;
    },
    consume(candidate) {
      // Hashing first makes the comparison constant-time whatever the candidate's length.
      if (tokenHash === undefined || !timingSafeEqual(sha256(candidate), tokenHash)) return false;
      token = undefined;
      tokenHash = undefined;
      return true;
    },
  };
}

/** A gate that never opens: the first account already exists. */
const CLOSED_SETUP_GATE: SetupGate = {
  token: undefined,
  consume: () => false,
};

/**
 * At start: when no teacher exists, creates the admin from the environment if it is configured,
 * else opens a setup gate. An existing account is never touched.
 */
export async function prepareFirstTeacher(options: {
  store: Store;
  admin: AdminAccount | undefined;
  now: () => number;
  logger: Logger;
}): Promise<SetupGate> {
  const { store, admin, now, logger } = options;
  if ((await store.teachers.count()) > 0) {
    if (admin !== undefined) {
      logger.info("QUORUM_ADMIN_EMAIL is ignored: a teacher account already exists");
    }
    return CLOSED_SETUP_GATE;
  }
  if (admin === undefined) return createSetupGate();
  const created = await createAdmin(store, admin, now());
  // Another process on the same database may have won the race: its account stands.
  if (created !== undefined) {
    logger.info({ teacherId: created.id }, "created the admin account from QUORUM_ADMIN_EMAIL");
  }
  return CLOSED_SETUP_GATE;
}

/** Creates an admin; undefined when the email is taken. */
export async function createAdmin(
  store: Store,
  account: AdminAccount,
  createdAt: number,
): Promise<Teacher | undefined> {
  const passwordHash = await hashPassword(account.password);
  const created = await store.teachers.create({
    email: account.email,
    passwordHash,
    role: "admin",
    createdAt,
  });
  return created.ok ? created.value : undefined;
}
