// Benchmark d: the projector's frame rate. Bundles apps/client/bench/projector (the real live
// drawing, fed by the engine running in the page) with Vite into a temp dir, serves it on
// 127.0.0.1 and opens it in Debian's Chromium: headless, no GPU, WebGL on SwiftShader.
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { servePage } from "../../tests/browser-determinism/harness.ts";
import { CHROMIUM_ARGS, chromiumExecutable } from "../../tests/e2e/chromium.ts";
import { type Figure, note, round } from "./report.ts";

const client = fileURLToPath(new URL("../../apps/client/", import.meta.url));
/** The target; also the frame rate phaserHost.ts caps Phaser at. */
const TARGET_FPS = 30;
/** The projector's screen (P4). */
const VIEWPORT = { width: 1920, height: 1080 };
/** No GPU: WebGL through ANGLE on SwiftShader, Chromium's CPU rasteriser. */
const SOFTWARE_WEBGL = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"];
const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;

/**
 * The projector as it draws (mountLiveNetwork's renderer, Canvas), and the baseline it replaced:
 * the same drawing on Phaser's WebGL renderer, on SwiftShader.
 */
const RUNS = [
  { bench: "projector-fps", flags: SOFTWARE_WEBGL, query: "" },
  { bench: "projector-fps-webgl", flags: SOFTWARE_WEBGL, query: "&renderer=webgl" },
];

interface ViteBuild {
  build(config: Record<string, unknown>): Promise<unknown>;
}

/** What the page measured (apps/client/bench/projector/main.ts). */
interface PageResult {
  renderer: string;
  fps: number;
  [measure: string]: unknown;
}

export async function benchProjector(): Promise<Figure[]> {
  const workDir = await mkdtemp(join(tmpdir(), "quorum-projector-"));
  try {
    note("projector: building the page");
    await buildPage(workDir);
    const { url, server } = await servePage(workDir, {});
    try {
      const figures: Figure[] = [];
      for (const run of RUNS) {
        const { result, browser } = await measureIn(
          run.flags,
          `${url}?warmup=${WARMUP_MS}&measure=${MEASURE_MS}${run.query}`,
        );
        figures.push(figure(run.bench, result, browser, run.flags));
      }
      return figures;
    } finally {
      server.close();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function measureIn(
  flags: string[],
  url: string,
): Promise<{ result: PageResult; browser: string }> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, ...flags],
  });
  try {
    note(`projector: ${flags.join(" ")}: ${(WARMUP_MS + MEASURE_MS) / 1000} s`);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    const output = page.locator("#result[data-state]");
    await output.waitFor({ state: "attached", timeout: WARMUP_MS + MEASURE_MS + 60_000 });
    const text = (await output.textContent()) ?? "";
    if ((await output.getAttribute("data-state")) !== "done" || errors.length > 0) {
      throw new Error(`the projector page failed: ${[text, ...errors].join("\n")}`);
    }
    return { result: JSON.parse(text) as PageResult, browser: browser.version() };
  } finally {
    await browser.close();
  }
}

function figure(bench: string, result: PageResult, browser: string, flags: string[]): Figure {
  const { renderer, fps, ...measured } = result;
  const value = round(fps);
  return {
    bench,
    value,
    unit: "fps",
    target: `>= ${TARGET_FPS}`,
    met: value >= TARGET_FPS,
    renderer,
    ...Object.fromEntries(
      Object.entries(measured).map(([key, measure]) => [
        key,
        typeof measure === "number" ? round(measure, 2) : measure,
      ]),
    ),
    browser: `Chromium ${browser}`,
    flags: flags.join(" "),
    viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
  };
}

/** Bundles the page as the client's production build would, into `outDir/page`. */
async function buildPage(outDir: string): Promise<void> {
  // Vite is the client's dependency: load the one apps/client uses.
  const vite = (await import(
    pathToFileURL(createRequire(join(client, "package.json")).resolve("vite")).href
  )) as ViteBuild;
  await vite.build({
    configFile: false,
    root: join(client, "bench/projector"),
    base: "./",
    mode: "production",
    logLevel: "warn",
    publicDir: false,
    cacheDir: join(outDir, ".vite-cache"),
    build: {
      outDir: join(outDir, "page"),
      emptyOutDir: true,
      target: "es2022",
      // One page with Phaser and the engine in it; nobody downloads it over a network.
      chunkSizeWarningLimit: 4000,
    },
  });
}
