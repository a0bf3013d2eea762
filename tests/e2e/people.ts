import { Client, type Room } from "@colyseus/sdk";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect } from "./fixtures.ts";
import { E2E_TEACHER } from "./teacherAccount.ts";

/**
 * The people of a class as the browser tests play them: the teacher at the sign-in form, and
 * students' phones that join by code (P1, P3).
 */

/** A student's phone: 360×740, touch. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

export interface Phone {
  page: Page;
  nickname: string;
  /** Requests that left the server's origin and errors the page threw (P8). */
  problems: string[];
}

/** P1: the teacher signs in with the e2e account on the sign-in page that is open. */
export async function signInWithForm(page: Page): Promise<void> {
  await page.getByLabel("Email").fill(E2E_TEACHER.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_TEACHER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A phone of its own (a separate browser context), watched for P8. */
export async function phone(
  browser: Browser,
  server: string,
  nickname: string,
  locale: string,
): Promise<Phone> {
  const context = await browser.newContext({ ...PHONE, locale, baseURL: server });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(server).origin;
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== origin && url.origin !== origin.replace("http", "ws")) {
      problems.push(request.url());
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, nickname, problems };
}

/**
 * P3: the landing page's form, as a student types it, to the lobby. `filled`: a screenshot
 * name for the filled form, before the tap.
 */
export async function join(
  phone: Phone,
  code: string,
  welcome: string,
  submit: string,
  filled?: string,
): Promise<void> {
  const { page } = phone;
  await page.goto("/");
  await page.locator("#join-code").fill(code.toLowerCase());
  await page.locator("#join-nickname").fill(phone.nickname);
  if (filled) await shot(page, filled);
  await page.getByRole("button", { name: submit, exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`/play/${code}$`));
  await expect(page.getByRole("heading", { name: welcome })).toBeVisible();
}

/** What a student sees: the phone's screen, not the whole scrollable page. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `artifacts/screenshots/${name}-phone.png` });
}

/** A class the teacher opened from the dashboard: its join code and projector link (P2). */
export interface OpenedClass {
  code: string;
  roomId: string;
  projectorUrl: string;
}

/** P1, P2: the teacher signs in from /teach and starts a new class. */
export async function openClass(teacher: Page): Promise<OpenedClass> {
  await teacher.goto("/teach");
  await signInWithForm(teacher);
  await expect(teacher.getByRole("heading", { name: "Your classes" })).toBeVisible();
  const opened = teacher.waitForResponse(
    (response) =>
      /^\/api\/sessions\/[^/]+\/open$/.test(new URL(response.url()).pathname) &&
      response.request().method() === "POST",
  );
  await teacher.getByRole("button", { name: "Start a new class" }).click();
  const session = (await (await opened).json()) as { roomId: string; projectorUrl: string };
  const code = teacher.getByTestId("join-code");
  await expect(code).toHaveAttribute("data-code", /^[A-HJ-NP-Z2-9]{6}$/);
  return { ...session, code: (await code.getAttribute("data-code"))! };
}

/** P4: the projector's own browser at 1920×1080, opened with the link the console was given. */
export async function projectorScreen(
  browser: Browser,
  server: string,
  url: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    baseURL: server,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** P1, P2: the teacher signs in and opens a class through the HTTP API, then joins as host. */
export async function openClassAsHost(
  request: APIRequestContext,
  server: string,
): Promise<{ host: Room; code: string }> {
  const login = await request.post("/api/auth/login", { data: E2E_TEACHER });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post("/api/sessions", {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(created.status()).toBe(201);
  const session = (await created.json()) as { roomId: string; code: string };
  const host = await new Client(server).joinById(session.roomId, { token: accessToken });
  host.onMessage("*", () => {});
  return { host, code: session.code };
}
