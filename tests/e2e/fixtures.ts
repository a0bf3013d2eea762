import { test as base, expect, type Locator, type Page } from "@playwright/test";

/**
 * Every test here also checks P8: no request leaves the server's origin (no CDN, no web font,
 * no analytics), and the page throws no uncaught error.
 */
export const test = base.extend<{ offOrigin: string[] }>({
  offOrigin: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const offOrigin: string[] = [];
      const pageErrors: string[] = [];
      page.context().on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol === "data:" || url.protocol === "blob:") return; // never leaves the page
        if (url.origin !== origin) offOrigin.push(request.url());
      });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await use(offOrigin);
      expect(offOrigin, "requests that left the server's origin (P8)").toEqual([]);
      expect(pageErrors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Saves a full-page screenshot as artifacts/screenshots/<name>-<project>.png. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const project = test.info().project.name;
  await page.screenshot({ path: `artifacts/screenshots/${name}-${project}.png`, fullPage: true });
}

/** Node fill and outline colours of the drawing (--net-node, --net-node-outline). */
const NODE_FILL = [0x56, 0xb4, 0xe9];
const NODE_OUTLINE = [0x0b, 0x39, 0x54];

/**
 * How many pixels of the drawing show a node's fill and outline colours, counted from a real
 * screenshot (a WebGL canvas cannot be read back once presented).
 */
export async function nodePixels(drawing: Locator): Promise<{ fill: number; outline: number }> {
  const png = await drawing.screenshot();
  return drawing.page().evaluate(
    async ({ base64, fill, outline }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const near = (i: number, [r, g, b]: number[]) =>
        Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 30;
      let fillCount = 0;
      let outlineCount = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, fill)) fillCount++;
        else if (near(i, outline)) outlineCount++;
      }
      return { fill: fillCount, outline: outlineCount };
    },
    { base64: png.toString("base64"), fill: NODE_FILL, outline: NODE_OUTLINE },
  );
}
