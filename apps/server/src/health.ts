import { constants } from "node:fs";
import { access } from "node:fs/promises";
import express from "express";

/** Each readiness check is "ok" or says what is wrong. */
export type ReadinessChecks = Record<"listening" | "dataDir", string>;

export interface HealthOptions {
  /** False before the port is bound and once shutdown has begun. */
  isListening: () => boolean;
  dataDir: string;
}

async function checkWritable(dir: string): Promise<string> {
  try {
    await access(dir, constants.W_OK);
    return "ok";
  } catch (error) {
    return `${dir} is not writable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

export async function readinessChecks(options: HealthOptions): Promise<ReadinessChecks> {
  return {
    listening: options.isListening() ? "ok" : "not listening (starting or shutting down)",
    dataDir: await checkWritable(options.dataDir),
  };
}

/**
 * /healthz is liveness (the process answers; restart it if not). /readyz is readiness (send it
 * traffic), so a load balancer stops routing to a server that is shutting down.
 */
export function healthRouter(options: HealthOptions): express.Router {
  const router = express.Router();
  router.get("/healthz", (_request, response) => {
    response.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_request, response) => {
    const checks = await readinessChecks(options);
    const ready = Object.values(checks).every((check) => check === "ok");
    response
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: ready ? "ready" : "not-ready", checks });
  });
  return router;
}
