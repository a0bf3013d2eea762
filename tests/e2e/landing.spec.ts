import { expect, nodePixels, snapshot, test } from "./fixtures.ts";

test.describe("landing page", () => {
  test("P7: shows the name, the pitch and a drawn demo network", async ({ page }) => {
    // mountNetwork is the lazy module that brings Phaser in (network/NetworkView.tsx).
    const phaser: string[] = [];
    page.on("request", (request) => {
      if (/\/assets\/mountNetwork-/.test(request.url())) phaser.push(request.url());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Quorum" })).toBeVisible();
    await expect(page.getByText(/every student is one node of a live network/)).toBeVisible();

    const drawing = page.locator(".landing__network");
    await expect(drawing).toHaveAttribute("data-nodes", "18");
    if (test.info().project.name === "phone") {
      // A phone gets a still SVG sketch: the Phaser renderer is never downloaded on the way in.
      await expect(drawing.locator("svg")).toBeVisible();
      await expect(drawing.locator("circle")).toHaveCount(18);
    } else {
      await expect(drawing.locator("canvas")).toBeVisible();
    }
    const pixels = await nodePixels(drawing);
    expect(pixels.fill, "pixels in the node colour").toBeGreaterThan(
      test.info().project.name === "phone" ? 100 : 500,
    );
    expect(pixels.outline, "pixels in the node outline colour").toBeGreaterThan(
      test.info().project.name === "phone" ? 50 : 200,
    );
    await snapshot(page, "landing");
    if (test.info().project.name === "phone") expect(phaser, "Phaser on a phone").toEqual([]);
    else expect(phaser).toHaveLength(1);
  });

  test("P3: a malformed code is explained next to the field", async ({ page }) => {
    await page.goto("/");
    const code = page.getByLabel("Game code");
    await expect(code).toHaveAttribute("inputmode", "text");
    await expect(code).toHaveAttribute("autocapitalize", "characters");

    await code.pressSequentially("ab0 c1");
    await expect(code, "typed letters become capitals, spaces go").toHaveValue("AB0C1");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByText("Not allowed: “0”, “1”.")).toBeVisible();
    await expect(
      page.getByText("Choose a nickname so your class knows which node is yours."),
    ).toBeVisible();
    await expect(code).toHaveAttribute("aria-invalid", "true");
    await expect(code).toBeFocused();
    await snapshot(page, "join-errors");

    await code.fill("ABC23");
    await page.getByLabel("Your nickname").fill("   Ada   ");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByText("A code has 6 characters; this one has 5.")).toBeVisible();
    await expect(page.getByLabel("Your nickname"), "nicknames are trimmed").toHaveValue("Ada");
  });

  test("P3: a well-formed unknown code gets the server's answer as a sentence", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByLabel("Game code").fill("abc234");
    await page.getByLabel("Your nickname").fill("Ada");
    const answer = page.waitForResponse("**/api/sessions/ABC234/players");
    await page.getByRole("button", { name: "Join" }).click();
    expect((await answer).status()).toBe(404);
    await expect(page.getByRole("status")).toHaveText(
      "No class is running with code ABC234 — check the code on the projector.",
    );
    await snapshot(page, "join-not-found");
  });

  test("P2: the code can come from the address a QR code links to", async ({ page }) => {
    await page.goto("/join/abc234");
    await expect(page.getByLabel("Game code")).toHaveValue("ABC234");
    await page.goto("/?code=XYZ789");
    await expect(page.getByLabel("Game code")).toHaveValue("XYZ789");
  });

  test("P7: the language switch changes the page to German and is remembered", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Mitspielen" })).toBeVisible();
    await expect(page.getByLabel("Spielcode")).toBeVisible();
    await expect(page.getByRole("link", { name: "Als Lehrkraft starten" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Deutsch" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await page.reload();
    await expect(page.getByRole("heading", { name: "Mitspielen" })).toBeVisible();
    await page.getByLabel("Spielcode").fill("ABC234");
    await page.getByLabel("Dein Name im Spiel").fill("Ada");
    await page.getByRole("button", { name: "Beitreten" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Mit dem Code ABC234 läuft gerade kein Spiel – prüf bitte den Code am Beamer.",
    );
    await snapshot(page, "landing-de");
  });

  test("P7: packets stand still when the user asks for reduced motion", async ({ page }) => {
    test.skip(test.info().project.name === "phone", "the phone's landing sketch never moves");
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/");
    const drawing = page.locator(".landing__network");
    await expect(drawing).toHaveAttribute("data-nodes", "18");
    const before = await drawing.screenshot({ animations: "allow" });
    await page.waitForTimeout(700);
    expect(await drawing.screenshot({ animations: "allow" })).toEqual(before);

    await page.emulateMedia({ reducedMotion: "no-preference" });
    const moving = await drawing.screenshot({ animations: "allow" });
    await page.waitForTimeout(700);
    expect(await drawing.screenshot({ animations: "allow" })).not.toEqual(moving);
  });
});

test.describe("browser language", () => {
  test.use({ locale: "de-DE" });

  test("P7: a German browser gets German unless the user chose otherwise", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Mitspielen" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Join a game" })).toBeVisible();
  });
});

test.describe("host page", () => {
  test("P1: “Host a class” leads a teacher to sign in", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Host a class" }).first().click();
    await expect(page).toHaveURL(/\/login/);
  });

  test("N1: draws the preset and size a teacher picks, and points to sign-in for a game", async ({
    page,
  }) => {
    await page.goto("/host");
    await expect(page.getByRole("heading", { level: 1, name: "Plan a class" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in to run a game" })).toHaveAttribute(
      "href",
      "/teach",
    );

    await page.getByLabel("Network shape").selectOption({ label: "Star" });
    await page.getByLabel(/Nodes — one per student/).fill("9");
    const drawing = page.locator(".host__network");
    await expect(drawing).toHaveAttribute("data-nodes", "9");
    await expect(drawing).toHaveAttribute("data-links", "8");
    await expect(drawing).toHaveAttribute("data-labels", "true");
    await expect(page.getByText("9 nodes · 8 links")).toBeVisible();
    await expect(page).toHaveURL(/preset=star&size=9/);
    const pixels = await nodePixels(drawing);
    expect(pixels.fill).toBeGreaterThan(1000);
    await snapshot(page, "host");
  });

  test("N1: a plan in the address is drawn as given, the same for the same seed", async ({
    page,
  }) => {
    await page.goto("/host?preset=scale-free&size=30&seed=42");
    const drawing = page.locator(".host__network");
    await expect(drawing).toHaveAttribute("data-nodes", "30");
    await expect(page.getByLabel("Network shape")).toHaveValue("scale-free");
    await expect(page.getByLabel("Seed")).toHaveValue("42");
    const links = await drawing.getAttribute("data-links");
    await snapshot(page, "host-scale-free");

    await page.reload();
    await expect(drawing).toHaveAttribute("data-links", links!);
  });

  test("unknown addresses say so and lead back", async ({ page }) => {
    await page.goto("/nowhere");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await snapshot(page, "not-found");
    await page.getByRole("link", { name: "Back to the start page" }).click();
    await expect(page.getByRole("heading", { name: "Join a game" })).toBeVisible();
  });
});
