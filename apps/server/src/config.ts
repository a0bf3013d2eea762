import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@quorum/shared/platform/account";
import * as v from "valibot";
import type { AdminAccount } from "./auth/firstTeacher.ts";
import { emailSchema, newPasswordSchema } from "./auth/policy.ts";

/** The repository root: relative DATA_DIR values resolve against it, not against the cwd. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const NODE_ENVS = ["development", "production", "test"] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** pino's level names; `silent` turns logging off. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One environment variable the server reads. `configVariables` is data on purpose: the README
 * documents it and tests/compose.test.ts checks docker-compose.yml against it.
 */
export interface ConfigVariable<Value = unknown> {
  name: string;
  description: string;
  /** The value used when the variable is unset or empty, written as it would be in the env. */
  default: string | undefined;
  /** Completes the sentence "NAME must be …" of the error message. */
  accepts: string;
  /** The whole set of accepted values, when it is a closed set. */
  values?: readonly string[];
  /** Validates the raw string and converts it. */
  schema: v.GenericSchema<string, Value>;
  /** A secret's value is never repeated in an error message (only its length). */
  secret?: boolean;
}

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty());

const PORT: ConfigVariable<number> = {
  name: "PORT",
  description: "TCP port for HTTP and WebSocket traffic (one port for both).",
  default: "2567",
  accepts: "an integer from 1 to 65535",
  schema: v.pipe(
    v.string(),
    v.regex(/^\d+$/),
    v.transform(Number),
    v.integer(),
    v.minValue(1),
    v.maxValue(65535),
  ),
};

const HOST: ConfigVariable<string> = {
  name: "HOST",
  description: "Address to listen on; 0.0.0.0 lets phones on the LAN connect.",
  default: "0.0.0.0",
  accepts: "a host name or IP address",
  schema: v.pipe(nonEmpty, v.regex(/^\S+$/)),
};

const NODE_ENV: ConfigVariable<NodeEnv> = {
  name: "NODE_ENV",
  description: "production serves the built client from apps/client/dist.",
  default: "development",
  accepts: `one of ${NODE_ENVS.join(", ")}`,
  values: NODE_ENVS,
  schema: v.picklist(NODE_ENVS),
};

const LOG_LEVEL: ConfigVariable<LogLevel> = {
  name: "LOG_LEVEL",
  description: "Lowest level of the JSON logs on stdout (each request is logged at debug).",
  default: "info",
  accepts: `one of ${LOG_LEVELS.join(", ")}`,
  values: LOG_LEVELS,
  schema: v.picklist(LOG_LEVELS),
};

const DATA_DIR: ConfigVariable<string> = {
  name: "DATA_DIR",
  description: "Directory for the server's data; a relative path is relative to the repo root.",
  default: "data",
  accepts: "a directory path",
  schema: nonEmpty,
};

const PUBLIC_URL: ConfigVariable<string> = {
  name: "PUBLIC_URL",
  description: "URL students use to reach the server, for join links (unset: the LAN URL).",
  default: undefined,
  accepts: "an absolute http:// or https:// URL",
  schema: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i)),
};

const DATABASE_URL: ConfigVariable<string> = {
  name: "DATABASE_URL",
  description:
    "PostgreSQL to keep the data in, e.g. postgres://quorum:secret@db:5432/quorum (unset: SQLite in DATA_DIR/quorum.db).",
  default: undefined,
  accepts: "a postgres:// or postgresql:// URL",
  // It usually holds a password.
  secret: true,
  schema: v.pipe(v.string(), v.trim(), v.regex(/^postgres(ql)?:\/\/\S+$/i), v.url()),
};

/** P1: HS256 wants a key at least as long as its 256-bit hash. */
export const JWT_SECRET_MIN_LENGTH = 32;

const QUORUM_JWT_SECRET: ConfigVariable<string> = {
  name: "QUORUM_JWT_SECRET",
  description:
    "Key that signs sign-in and player tokens; the same on every server process (unset: generated once and kept in DATA_DIR/jwt-secret).",
  default: undefined,
  accepts: `a string of at least ${JWT_SECRET_MIN_LENGTH} characters`,
  secret: true,
  schema: v.pipe(v.string(), v.minLength(JWT_SECRET_MIN_LENGTH)),
};

const QUORUM_ADMIN_EMAIL: ConfigVariable<string> = {
  name: "QUORUM_ADMIN_EMAIL",
  description:
    "With QUORUM_ADMIN_PASSWORD: creates this admin account at start when no teacher account exists.",
  default: undefined,
  accepts: "an email address",
  schema: emailSchema,
};

const QUORUM_ADMIN_PASSWORD: ConfigVariable<string> = {
  name: "QUORUM_ADMIN_PASSWORD",
  description: "The password of the QUORUM_ADMIN_EMAIL account; never changes an existing one.",
  default: undefined,
  accepts: `a password of ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  secret: true,
  schema: newPasswordSchema,
};

/** Every variable the server reads, in the order the README lists them. */
export const configVariables: readonly ConfigVariable[] = [
  PORT,
  HOST,
  NODE_ENV,
  LOG_LEVEL,
  DATA_DIR,
  DATABASE_URL,
  PUBLIC_URL,
  QUORUM_JWT_SECRET,
  QUORUM_ADMIN_EMAIL,
  QUORUM_ADMIN_PASSWORD,
];

export interface Config {
  port: number;
  host: string;
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  /** Absolute path. */
  dataDir: string;
  publicUrl: string | undefined;
  // The fields below are optional so that a Config written out by hand (in tests) may omit them.
  /** S1: PostgreSQL's URL; undefined: SQLite in dataDir. */
  databaseUrl?: string | undefined;
  /** Signs tokens; undefined: a secret generated once and kept in DATA_DIR. */
  jwtSecret?: string | undefined;
  /** The admin account to create at start when no teacher account exists. */
  admin?: AdminAccount | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

export type VariableResult<Value> =
  | { ok: true; value: Value | undefined }
  | { ok: false; reason: string };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/**
 * Checks one variable's raw value (an empty string counts as unset). A refusal is the sentence
 * `NAME must be … (got "…")`, or `(got N characters)` for a secret. The value is undefined only for an unset variable without default.
 */
export function parseVariable<Value>(
  variable: ConfigVariable<Value>,
  raw: string | undefined,
): VariableResult<Value> {
  const value = raw === undefined || raw === "" ? variable.default : raw;
  if (value === undefined) return { ok: true, value: undefined };
  const result = v.safeParse(variable.schema, value);
  if (result.success) return { ok: true, value: result.output };
  const got = variable.secret ? `${[...value].length} characters` : `"${value}"`;
  return { ok: false, reason: `${variable.name} must be ${variable.accepts} (got ${got})` };
}

/** Reads the configuration from the environment; the message names every bad variable. */
export function parseConfig(env: Env): ConfigResult {
  const reasons: string[] = [];
  const read = <Value>(variable: ConfigVariable<Value>): Value | undefined => {
    const result = parseVariable(variable, env[variable.name]);
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return undefined;
  };
  const port = read(PORT);
  const host = read(HOST);
  const nodeEnv = read(NODE_ENV);
  const logLevel = read(LOG_LEVEL);
  const dataDir = read(DATA_DIR);
  const databaseUrl = read(DATABASE_URL);
  const publicUrl = read(PUBLIC_URL);
  const jwtSecret = read(QUORUM_JWT_SECRET);
  const adminEmail = read(QUORUM_ADMIN_EMAIL);
  const adminPassword = read(QUORUM_ADMIN_PASSWORD);
  const isSet = (variable: ConfigVariable) => (env[variable.name] ?? "") !== "";
  if (isSet(QUORUM_ADMIN_EMAIL) !== isSet(QUORUM_ADMIN_PASSWORD)) {
    const [set, unset] = isSet(QUORUM_ADMIN_EMAIL)
      ? [QUORUM_ADMIN_EMAIL, QUORUM_ADMIN_PASSWORD]
      : [QUORUM_ADMIN_PASSWORD, QUORUM_ADMIN_EMAIL];
    reasons.push(`${unset.name} must be set too when ${set.name} is (both or neither)`);
  }
  if (reasons.length > 0) {
    return { ok: false, message: `Invalid configuration: ${reasons.join("; ")}` };
  }
  // Without a refusal every variable that has a default has a value, hence the `!`s.
  return {
    ok: true,
    config: {
      port: port!,
      host: host!,
      nodeEnv: nodeEnv!,
      logLevel: logLevel!,
      dataDir: resolve(REPO_ROOT, dataDir!),
      publicUrl,
      databaseUrl,
      jwtSecret,
      admin:
        adminEmail !== undefined && adminPassword !== undefined
          ? { email: adminEmail, password: adminPassword }
          : undefined,
    },
  };
}
