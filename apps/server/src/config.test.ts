import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configVariables, parseConfig, REPO_ROOT } from "./config.ts";

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
      PUBLIC_URL: "https://quorum.example.org/",
    });
    expect(result).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: "127.0.0.1",
        nodeEnv: "production",
        logLevel: "debug",
        dataDir: "/var/lib/quorum",
        publicUrl: "https://quorum.example.org/",
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
      "PUBLIC_URL",
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
