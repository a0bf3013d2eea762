import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { PgStore } from "./pg.ts";
import { DATABASE_FILE, SqliteStore } from "./sqlite.ts";
import type { Store } from "./types.ts";

/**
 * S1: PostgreSQL when DATABASE_URL is set, else the SQLite file in DATA_DIR. Either is brought
 * up to the current schema; a database that cannot be used throws a message saying why.
 */
export async function openStore(
  config: Pick<Config, "dataDir" | "databaseUrl">,
  logger: Logger,
): Promise<Store> {
  if (config.databaseUrl === undefined) {
    return SqliteStore.open(join(config.dataDir, DATABASE_FILE));
  }
  return PgStore.open(config.databaseUrl, {
    onIdleError: (error) => logger.warn({ err: error }, "an idle PostgreSQL connection failed"),
  });
}
