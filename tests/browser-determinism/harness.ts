// The browser half of the D1 test: bundle page.ts with Vite into a temp dir, serve it (and the
// log) on 127.0.0.1, and drive Debian's Chromium with Playwright.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

/** A missing browser fails the test: skipping it would hide that D1 went unchecked. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}

interface ViteBuild {
  build(config: Record<string, unknown>): Promise<unknown>;
}

/** Vite is the client's dependency, not this package's: load the one apps/client uses. */
async function loadVite(): Promise<ViteBuild> {
  const client = createRequire(join(here, "../../apps/client/package.json"));
  return (await import(pathToFileURL(client.resolve("vite")).href)) as ViteBuild;
}

/** Bundles index.html + page.ts (and the engine) into `outDir`, as the client's build would. */
export async function buildPage(outDir: string): Promise<void> {
  const vite = await loadVite();
  await vite.build({
    configFile: false,
    root: here,
    base: "./",
    logLevel: "warn",
    publicDir: false,
    cacheDir: join(outDir, ".vite-cache"),
    build: { outDir: join(outDir, "page"), emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Serves the built page from `outDir/page`, plus `extra` files held in memory, on a free port. */
export async function servePage(
  outDir: string,
  extra: Record<string, Uint8Array>,
): Promise<{ url: string; server: Server }> {
  const root = join(outDir, "page");
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const name = path === "/" ? "/index.html" : path;
    const body = extra[name.slice(1)];
    if (body) {
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
      return;
    }
    const file = normalize(join(root, name));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const content = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type }).end(content);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}
