import { Client, type Room } from "@colyseus/sdk";
import type { Page } from "@playwright/test";
import { expect, snapshot, test } from "./fixtures.ts";
import { signInWithForm } from "./people.ts";
import { E2E_TEACHER } from "./teacherAccount.ts";

/**
 * The teacher's side (P1, P2, P4, P5, N7): sign-in, a session, a routing round played by bots
 * with a crash and a pause, the debrief, and the projector beside it. The server runs with the
 * unattended admin account of playwright.config.ts.
 */

/** A student's phone, reduced to its connection (P3): the join request and the room seat. */
async function joinAsStudent(page: Page, code: string, nickname: string): Promise<Room> {
  const joined = await page.request.post(`/api/sessions/${code}/players`, { data: { nickname } });
  expect(joined.status()).toBe(201);
  const { roomId, token } = (await joined.json()) as { roomId: string; token: string };
  const room = await new Client(new URL(page.url()).origin).joinById(roomId, { token });
  room.onMessage("*", () => {}); // a silent phone: it listens to nothing
  return room;
}

test.describe("teacher sign-in", () => {
  test("P1: a teacher page sends a signed-out visitor to sign in, and wrong passwords are explained", async ({
    page,
  }) => {
    await page.goto("/teach");
    await expect(page).toHaveURL(/\/login\?next=%2Fteach$/);
    await expect(page.getByRole("heading", { name: "Teacher sign-in" })).toBeVisible();
    await snapshot(page, "teacher-login");

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByLabel("Email")).toBeFocused();

    await page.getByLabel("Email").fill(E2E_TEACHER.email);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
    await snapshot(page, "teacher-login-error");
  });

  test("P1: the setup page checks the two passwords and explains the server's answer", async ({
    page,
  }) => {
    await page.goto("/setup?token=not-the-printed-one");
    await expect(
      page.getByRole("heading", { name: "Create the first teacher account" }),
    ).toBeVisible();
    await page.getByLabel("Email").fill("grace@school.example");
    await page.getByLabel("Choose a password").fill("a long enough password");
    await page.getByLabel("Type the password again").fill("another password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("The two passwords are not the same.")).toBeVisible();

    await page.getByLabel("Type the password again").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    // The e2e server made its account from the environment: setup is closed.
    await expect(page.getByRole("alert")).toHaveText(
      "The first account exists already. Sign in instead.",
    );
    await snapshot(page, "teacher-setup");
  });
});

test.describe("a class with a routing round", () => {
  test.skip(({ viewport }) => (viewport?.width ?? 0) < 1000, "the console is a laptop page");

  test("P5, N7: a teacher runs a round of bots, crashes a node, pauses, ends it and reads the debrief; the projector follows", async ({
    page,
    context,
  }) => {
    test.setTimeout(150_000);
    await page.goto("/teach");
    await signInWithForm(page);
    await expect(page).toHaveURL(/\/teach$/);
    await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
    await snapshot(page, "teacher-dashboard");

    await page.getByRole("button", { name: "Start a new class" }).click();
    await expect(page).toHaveURL(/\/teach\/[^/]+$/);
    const code = page.getByTestId("join-code");
    await expect(code).toHaveAttribute("data-code", /^[A-HJ-NP-Z2-9]{6}$/);
    const joinCode = (await code.getAttribute("data-code"))!;
    await expect(code).toHaveText(`Game code: ${joinCode}`);
    const qr = page.getByRole("img", { name: /QR code to join/ });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("data-qr")).toMatch(new RegExp(`${joinCode}$`));

    // The projector opens in its own window with its read-only link.
    const projectorOpened = context.waitForEvent("page");
    await page.getByRole("button", { name: "Open projector view" }).click();
    const projector = await projectorOpened;
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expect(projector.getByTestId("projector-code")).toHaveText(joinCode);
    await expect(projector.getByRole("img", { name: /QR code to join/ })).toBeVisible();
    await snapshot(projector, "projector-lobby");

    // P3: students appear live; the teacher renames one and removes another.
    const students = await Promise.all(
      ["Grace", "Linus"].map((nickname) => joinAsStudent(page, joinCode, nickname)),
    );
    const players = page.locator(".players__list");
    await expect(players.getByText("Grace")).toBeVisible();
    await expect(projector.getByText("Linus")).toBeVisible();
    await page.getByRole("button", { name: "Rename Grace" }).click();
    await page.getByLabel("New name for Grace").fill("Grace H.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(players.getByText("Grace H.")).toBeVisible();
    await page.getByRole("button", { name: "Remove Linus" }).click();
    await page.getByRole("button", { name: "Remove Linus" }).click();
    await expect(players.getByText("Linus")).toHaveCount(0);
    await expect(page.locator(".players__count")).toHaveText("1");

    await page.getByLabel("Network shape").selectOption({ label: "Random geometric" });
    await page.getByLabel("Nodes", { exact: true }).fill("10");
    await page.getByLabel("Nodes", { exact: true }).blur();
    await expect(page.getByText("Students: 1 · bots on the other nodes: 9")).toBeVisible();
    await page.getByLabel(/New packets/).fill("3");
    await snapshot(page, "teacher-lobby");

    await page.getByRole("button", { name: "Start the round" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
    const drawing = page.locator(".console__network");
    await expect(drawing).toHaveAttribute("data-nodes", "10", { timeout: 20_000 });
    await expect(page.locator("[data-counter=generated]")).not.toHaveText("0");

    // N7: crash node 1 with the DOM controls; the legend names the fallacy.
    await page.getByLabel("Node", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Crash" }).click();
    await expect(page.getByText("Crashed nodes: 1")).toBeVisible();
    await expect(page.getByText("Fallacy: “Topology doesn't change”").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Restart" })).toBeVisible();

    // N7: cut a link, partition the network, then heal everything.
    await page.getByLabel("Link", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Cut", exact: true }).click();
    await expect(page.getByText("Cut links: 1")).toBeVisible();
    await page.getByRole("button", { name: /^Node 2\b.*no group/ }).click();
    await page.getByRole("button", { name: /^Node 3\b.*no group/ }).click();
    await page.getByRole("button", { name: /^Node 3\b.*group A/ }).click();
    await expect(page.getByText("Group A: 1 nodes · group B: 1 nodes")).toBeVisible();
    await page.getByRole("button", { name: "Split the network" }).click();
    await expect(page.getByText("Network partitioned")).toBeVisible();
    await expect(page.getByText("Fallacy: “The network is reliable”").first()).toBeVisible();
    await snapshot(page, "teacher-faults");
    await page.getByRole("button", { name: "Heal everything" }).click();
    await expect(page.getByText("No faults right now: the network behaves.")).toBeVisible();
    await page.getByLabel("Node", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Crash" }).click();
    await expect(page.getByText("Crashed nodes: 1")).toBeVisible();

    // N7 by click: a click on node 2 in the drawing crashes it, a second restarts it.
    const centres = (await drawing.getAttribute("data-centres"))!.split(" ");
    const [x, y] = centres[1]!.split(",").map(Number);
    await drawing.click({ position: { x: x!, y: y! } });
    await expect(page.getByText("Crashed nodes: 2")).toBeVisible();
    await expect(page.getByLabel("Node", { exact: true })).toHaveValue("1");
    await drawing.click({ position: { x: x!, y: y! } });
    await expect(page.getByText("Crashed nodes: 1")).toBeVisible();

    // D7: the speed, as the projector shows it.
    await page.getByRole("radio", { name: "2×" }).check();
    await expect(projector.locator(".projector__speed")).toHaveText("2×");
    await page.getByRole("radio", { name: "1×" }).check();
    await expect(projector.locator(".projector__speed")).toHaveCount(0);

    // P5: pause and resume.
    await page.getByRole("button", { name: /Pause/ }).click();
    await expect(page.locator(".phase-badge")).toHaveText(/Paused/);
    await expect(projector.locator(".projector__paused")).toBeVisible();
    await snapshot(page, "teacher-paused");
    await page.getByRole("button", { name: /Resume/ }).click();
    await expect(page.locator(".phase-badge")).toHaveText(/Running/);

    await expect(projector.locator(".projector__network")).toHaveAttribute("data-nodes", "10");
    await projector.waitForTimeout(1500);
    await snapshot(page, "teacher-running");
    await snapshot(projector, "projector-running");

    await page.getByRole("button", { name: /End round/ }).click();
    await page.getByRole("button", { name: "Yes, end the round" }).click();
    const debrief = page.getByTestId("debrief");
    await expect(debrief).toBeVisible({ timeout: 30_000 });
    await expect(debrief.getByText("Shortest-path bot").first()).toBeVisible();
    await expect(projector.getByTestId("debrief")).toBeVisible();
    await snapshot(page, "teacher-debrief");
    await snapshot(projector, "projector-debrief");

    await page.getByRole("button", { name: "Next round" }).click();
    await expect(page.getByRole("button", { name: "Start the round" })).toBeVisible();

    // P7: the console in German, and the projector with it (one browser, one remembered choice).
    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(page.getByRole("button", { name: "Runde starten" })).toBeVisible();
    await snapshot(page, "teacher-lobby-de");
    await page.getByRole("button", { name: "English" }).click();

    // The phones go away (not waiting for the server's goodbye).
    for (const student of students) {
      student.reconnection.enabled = false;
      student.connection.close();
    }

    // Signing out ends the teacher pages.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/teach");
    await expect(page).toHaveURL(/\/login/);
  });
});
