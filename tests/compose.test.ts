import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { configVariables, parseVariable } from "@quorum/server/config";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// docker-compose.yml and the Dockerfile restate the server's configuration by hand; these
// checks keep them in step with apps/server/src/config.ts.

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

interface ComposeService {
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  healthcheck?: { test: string | string[] };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(read("docker-compose.yml")) as ComposeFile;
const server = compose.services.server!;
const dockerfile = read("Dockerfile");

/** Both of compose's environment syntaxes, as the strings the process will see. */
function environmentOf(service: ComposeService): Map<string, string> {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((line) => {
        const [name = "", ...rest] = line.split("=");
        return [name, rest.join("=")] as const;
      })
    : Object.entries(service.environment ?? {}).map(
        ([name, value]) => [name, value === null ? "" : String(value)] as const,
      );
  return new Map(entries);
}

/** Read by glibc's malloc, not by the server (docs/benchmarks.md, the soak). */
const MALLOC_TUNING = /^MALLOC_\w+_?$/;

/** `ENV A=1 B=2` lines of the final (runtime) stage of the Dockerfile, continuations joined. */
function dockerfileEnvironment(): Map<string, string> {
  const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM ")).replace(/\\\n\s*/g, " ");
  const env = new Map<string, string>();
  for (const [, assignments = ""] of runtimeStage.matchAll(/^ENV (.+)$/gm)) {
    for (const [, name = "", value = ""] of assignments.matchAll(/(\w+)=(\S+)/g)) {
      if (!MALLOC_TUNING.test(name)) env.set(name, value);
    }
  }
  return env;
}

function expectAccepted(env: Map<string, string>): void {
  const known = configVariables.map((variable) => variable.name);
  for (const [name, value] of env) {
    expect(known, `${name} is not a server configuration variable`).toContain(name);
    const variable = configVariables.find((candidate) => candidate.name === name)!;
    const result = parseVariable(variable, value);
    expect(result.ok ? "accepted" : result.reason).toBe("accepted");
  }
}

/** The exec-form `HEALTHCHECK … CMD [...]` of the Dockerfile, continuation lines joined. */
function dockerfileHealthcheck(): string[] {
  const instruction = dockerfile.replace(/\\\n\s*/g, " ").match(/^HEALTHCHECK .*?CMD (\[.*\])$/m);
  return JSON.parse(instruction?.[1] ?? "null") as string[];
}

/**
 * Runs an exec-form `["node", "-e", script]` health check against a stand-in server on a free port, the check's own
 * port rewritten to it: proves the script parses and that it fails on a non-2xx answer.
 */
async function runHealthcheck(command: string[], status: number): Promise<number> {
  expect(command.slice(0, 2)).toEqual(["node", "-e"]);
  const stub = createServer((request, response) => {
    response.writeHead(request.url === "/healthz" ? status : 404).end();
  });
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const port = String((stub.address() as AddressInfo).port);
  const script = command[2]!.replace(`:${containerPort}/`, `:${port}/`);
  try {
    return await new Promise((resolve) => {
      execFile(process.execPath, ["-e", script], { env: { PORT: port } }, (error) =>
        resolve(error ? Number(error.code ?? 1) : 0),
      );
    });
  } finally {
    await new Promise((resolve) => stub.close(resolve));
  }
}

const environment = environmentOf(server);
const defaultPort = configVariables.find((variable) => variable.name === "PORT")!.default;
const containerPort = Number(environment.get("PORT") || defaultPort);

describe("docker-compose.yml", () => {
  it("sets only variables of the server's config schema, each to an accepted value", () => {
    expect(environment.size).toBeGreaterThan(0);
    expectAccepted(environment);
  });

  it("publishes the container's PORT on the same host port", () => {
    const mappings = (server.ports ?? []).map((port) => {
      if (typeof port === "object") return [Number(port.published), port.target];
      const parts = String(port).split(":").map(Number);
      return [parts.at(-2) ?? parts.at(-1), parts.at(-1)];
    });
    expect(mappings).toEqual([[containerPort, containerPort]]);
  });

  it("health-checks /healthz on that port", async () => {
    const test = server.healthcheck?.test;
    expect(Array.isArray(test) && test.every((part) => typeof part === "string")).toBe(true);
    const [kind, ...command] = test as string[];
    expect(kind).toBe("CMD");
    expect(command.join(" ")).toMatch(
      new RegExp(`//(127\\.0\\.0\\.1|localhost):${containerPort}/healthz\\b`),
    );
    expect(await runHealthcheck(command, 200)).toBe(0);
    expect(await runHealthcheck(command, 503)).toBe(1);
  });

  it("keeps DATA_DIR on a named volume", () => {
    const dataDir = environment.get("DATA_DIR");
    const mount = (server.volumes ?? [])
      .map((volume) =>
        typeof volume === "string" ? volume.split(":") : [volume.source, volume.target],
      )
      .find(([, target]) => target === dataDir);
    expect(mount, `no volume mounted at DATA_DIR=${dataDir}`).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(mount![0]);
  });
});

describe("Dockerfile", () => {
  it("sets only accepted config variables in the runtime stage, production among them", () => {
    const env = dockerfileEnvironment();
    expectAccepted(env);
    expect(env.get("NODE_ENV")).toBe("production");
  });

  it("exposes the port the server listens on", () => {
    const exposed = [...dockerfile.matchAll(/^EXPOSE (\d+)/gm)].map(([, port]) => Number(port));
    const imagePort = Number(dockerfileEnvironment().get("PORT") || defaultPort);
    expect(exposed).toEqual([imagePort]);
    expect(imagePort).toBe(containerPort);
  });

  it("health-checks /healthz on PORT", async () => {
    const command = dockerfileHealthcheck();
    expect(command.join(" ")).toContain("/healthz");
    expect(await runHealthcheck(command, 200)).toBe(0);
    expect(await runHealthcheck(command, 503)).toBe(1);
  });

  it("runs the server from source as a non-root user", () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "apps\/server\/src\/main\.ts"\]$/m);
  });
});
