import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configVariables, parseConfig, REPO_ROOT } from "./config.ts";

const SECRET = "0123456789abcdefghijklmnopqrstuvwxyz";

function refusal(env: Record<string, string>): string {
  const result = parseConfig(env);
  if (result.ok) throw new Error(`expected ${JSON.stringify(env)} to be refused`);
  return result.message;
}

describe("parseConfig", () => {
  it("uses the documented defaults for an empty environment", () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        port: 2567,
        host: "0.0.0.0",
        nodeEnv: "development",
        logLevel: "info",
        dataDir: join(REPO_ROOT, "data"),
        publicUrl: undefined,
        jwtSecret: undefined,
        admin: undefined,
      },
    });
  });

  it("reads every variable", () => {
    const result = parseConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_LEVEL: "debug",
      DATA_DIR: "/var/lib/quorum",
      DATABASE_URL: "postgres://quorum:secret@db:5432/quorum",
      PUBLIC_URL: "https://quorum.example.org/",
      QUORUM_JWT_SECRET: SECRET,
      QUORUM_ADMIN_EMAIL: "Ada@Example.org",
      QUORUM_ADMIN_PASSWORD: "correct horse battery",
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: "127.0.0.1",
        nodeEnv: "production",
        logLevel: "debug",
        dataDir: "/var/lib/quorum",
        databaseUrl: "postgres://quorum:secret@db:5432/quorum",
        publicUrl: "https://quorum.example.org/",
        jwtSecret: SECRET,
        admin: { email: "ada@example.org", password: "correct horse battery" },
      },
    });
  });

  it("resolves a relative DATA_DIR against the repository root, not the cwd", () => {
    const result = parseConfig({ DATA_DIR: "tmp/quorum" });
    expect(result.ok && result.config.dataDir).toBe(join(REPO_ROOT, "tmp", "quorum"));
  });

  it("treats an empty value as unset", () => {
    const result = parseConfig({ PORT: "", PUBLIC_URL: "" });
    expect(result.ok && [result.config.port, result.config.publicUrl]).toEqual([2567, undefined]);
  });

  it("refuses a bad PORT with one line naming it and what it accepts", () => {
    expect(refusal({ PORT: "abc" })).toBe(
      'Invalid configuration: PORT must be an integer from 1 to 65535 (got "abc")',
    );
    for (const port of ["0", "65536", "80.5", "-1", "1e3", " 80"]) {
      expect(refusal({ PORT: port })).toContain("PORT must be");
    }
  });

  it("refuses values outside the closed sets", () => {
    expect(refusal({ NODE_ENV: "prod" })).toBe(
      'Invalid configuration: NODE_ENV must be one of development, production, test (got "prod")',
    );
    expect(refusal({ LOG_LEVEL: "verbose" })).toContain(
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    );
  });

  it("accepts only absolute http(s) URLs as PUBLIC_URL", () => {
    for (const url of ["quorum.local", "/join", "ftp://quorum.local", "ws://quorum.local"]) {
      expect(refusal({ PUBLIC_URL: url })).toContain("PUBLIC_URL must be an absolute http");
    }
    expect(parseConfig({ PUBLIC_URL: "http://192.168.1.20:2567" }).ok).toBe(true);
  });

  it("refuses a HOST or DATA_DIR of blanks", () => {
    expect(refusal({ HOST: "  " })).toContain("HOST must be");
    expect(refusal({ DATA_DIR: " " })).toContain("DATA_DIR must be");
  });

  it("S1: DATABASE_URL is a postgres URL, and a refusal never repeats it (it holds a password)", () => {
    for (const url of ["mysql://u:pw@db/q", "db:5432", "postgres://", "postgres://a b@db/q"]) {
      const message = refusal({ DATABASE_URL: url });
      expect(message).toBe(
        `Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (got ${[...url].length} characters)`,
      );
    }
    for (const url of ["postgres://quorum:secret@db:5432/quorum", "postgresql://localhost/q"]) {
      const result = parseConfig({ DATABASE_URL: url });
      expect(result.ok && result.config.databaseUrl).toBe(url);
    }
  });

  it("P1: QUORUM_JWT_SECRET has at least 32 characters and is never repeated back", () => {
    const message = refusal({ QUORUM_JWT_SECRET: "short-but-secret" });
    expect(message).toBe(
      "Invalid configuration: QUORUM_JWT_SECRET must be a string of at least 32 characters (got 16 characters)",
    );
    expect(parseConfig({ QUORUM_JWT_SECRET: "x".repeat(32) }).ok).toBe(true);
  });

  it("P1: QUORUM_ADMIN_EMAIL and QUORUM_ADMIN_PASSWORD come together", () => {
    expect(refusal({ QUORUM_ADMIN_EMAIL: "ada@example.org" })).toBe(
      "Invalid configuration: QUORUM_ADMIN_PASSWORD must be set too when QUORUM_ADMIN_EMAIL is (both or neither)",
    );
    expect(refusal({ QUORUM_ADMIN_PASSWORD: "correct horse battery" })).toContain(
      "QUORUM_ADMIN_EMAIL must be set too when QUORUM_ADMIN_PASSWORD is",
    );
  });

  it("P1: the admin account must have a valid email and a password the policy accepts", () => {
    expect(
      refusal({
        QUORUM_ADMIN_EMAIL: "not-an-email",
        QUORUM_ADMIN_PASSWORD: "correct horse battery",
      }),
    ).toBe(
      'Invalid configuration: QUORUM_ADMIN_EMAIL must be an email address (got "not-an-email")',
    );
    const short = refusal({
      QUORUM_ADMIN_EMAIL: "ada@example.org",
      QUORUM_ADMIN_PASSWORD: "hunter2",
    });
    expect(short).toBe(
      "Invalid configuration: QUORUM_ADMIN_PASSWORD must be a password of 10 to 200 characters (got 7 characters)",
    );
    expect(short).not.toContain("hunter2");
    const long = refusal({
      QUORUM_ADMIN_EMAIL: "ada@example.org",
      QUORUM_ADMIN_PASSWORD: "p".repeat(201),
    });
    expect(long).toContain("(got 201 characters)");
  });

  it("names every bad variable in one line", () => {
    const message = refusal({ PORT: "x", LOG_LEVEL: "loud" });
    expect(message).not.toContain("\n");
    expect(message).toMatch(/PORT must be .*; LOG_LEVEL must be/);
  });
});

describe("configVariables", () => {
  it("documents each variable, and each default passes its own schema", () => {
    expect(configVariables.map((variable) => variable.name)).toEqual([
      "PORT",
      "HOST",
      "NODE_ENV",
      "LOG_LEVEL",
      "DATA_DIR",
      "DATABASE_URL",
      "PUBLIC_URL",
      "QUORUM_JWT_SECRET",
      "QUORUM_ADMIN_EMAIL",
      "QUORUM_ADMIN_PASSWORD",
    ]);
    for (const variable of configVariables) {
      expect(variable.description).not.toBe("");
      if (variable.default !== undefined) {
        expect(parseConfig({ [variable.name]: variable.default }).ok).toBe(true);
      }
      for (const value of variable.values ?? []) {
        expect(parseConfig({ [variable.name]: value }).ok).toBe(true);
      }
    }
  });
});
