import type { Logger } from "pino";
import type { Store } from "../store/types.ts";
import { type AdminAccount, prepareFirstTeacher, type SetupGate } from "./firstTeacher.ts";
import { loadJwtSecret } from "./secret.ts";
import { createTokenService, type TokenService } from "./tokens.ts";

/** What the server's authentication needs at run time. */
export interface AuthServices {
  tokens: TokenService;
  /** P1: the first-account gate; its token is undefined once a teacher exists. */
  setup: SetupGate;
}

/**
 * At start: loads (or generates) the signing secret, forgets expired refresh tokens, and makes
 * sure there is a way to the first teacher account.
 */
export async function prepareAuth(options: {
  store: Store;
  dataDir: string;
  jwtSecret: string | undefined;
  admin: AdminAccount | undefined;
  now: () => number;
  logger: Logger;
}): Promise<AuthServices> {
  const { store, now, logger } = options;
  const secret = await loadJwtSecret(options.jwtSecret, options.dataDir, logger);
  await store.refreshTokens.deleteExpired(now());
  const setup = await prepareFirstTeacher({ store, admin: options.admin, now, logger });
  return { tokens: createTokenService({ secret, store, now }), setup };
}
