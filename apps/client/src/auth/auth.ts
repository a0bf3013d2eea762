import { apiError, jsonInit, request } from "./apiError.ts";

/**
 * P1 in the browser. The access token lives only in this module's memory; the refresh token is
 * the HttpOnly cookie the server sets, which no script can read. A refresh rotates that cookie,
 * and presenting a spent one revokes the whole sign-in (docs/api.md), so refreshes are
 * serialised across every tab of this origin with a Web Lock, and a tab that waited re-reads
 * what the one before it got (over a BroadcastChannel) instead of refreshing again.
 */

export interface Teacher {
  id: string;
  email: string;
  role: "admin" | "teacher";
}

interface Grant {
  accessToken: string;
  /** Local clock, ms. */
  expiresAt: number;
  teacher: Teacher;
}

export type AuthState =
  | { status: "unknown" }
  | { status: "signed-in"; teacher: Teacher }
  | { status: "signed-out" }
  /** Not known yet because the server could not be asked (offline, stopped). */
  | { status: "offline" };

type TabMessage =
  | { type: "grant"; accessToken: string; expiresAt: number; teacher: Teacher }
  | { type: "signed-out" }
  | { type: "ask" };

const LOCK_NAME = "quorum-refresh";
const CHANNEL_NAME = "quorum-auth";
/** Refresh when less than this is left of the access token (ms); also the re-read threshold. */
const REFRESH_MARGIN_MS = 60_000;
/** How long a tab that just opened waits for another tab to lend it a current token. */
const ASK_TIMEOUT_MS = 150;
/** After a failed refresh that was not a refusal (offline), try again this soon. */
const RETRY_MS = 15_000;

let grant: Grant | null = null;
let state: AuthState = { status: "unknown" };
let refreshing: Promise<Grant | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(state: AuthState) => void>();
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL_NAME) : null;

channel?.addEventListener("message", (event: MessageEvent<TabMessage>) => {
  const message = event.data;
  if (message.type === "grant") {
    const { accessToken, expiresAt, teacher } = message;
    adopt({ accessToken, expiresAt, teacher });
  } else if (message.type === "signed-out") {
    forget();
  } else if (message.type === "ask" && grant && usable(grant)) {
    channel.postMessage({ type: "grant", ...grant } satisfies TabMessage);
  }
});

if (typeof document !== "undefined") {
  // Timers in a background tab are throttled; coming back, check the token at once.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && grant && !usable(grant)) void refresh();
  });
}

export function authState(): AuthState {
  return state;
}

export function onAuthChange(listener: (state: AuthState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Finds out whether this browser is signed in (a refresh with the cookie, if need be). */
export async function restore(): Promise<AuthState> {
  if (grant && usable(grant)) return state;
  await refresh();
  return state;
}

/** A current access token, refreshed first when it is about to run out; null when signed out. */
export async function accessToken(): Promise<string | null> {
  if (grant && usable(grant)) return grant.accessToken;
  return (await refresh())?.accessToken ?? null;
}

/** POST /api/auth/login. Throws ApiError / UnreachableError. */
export async function signIn(email: string, password: string): Promise<Teacher> {
  return grantFrom(await request("/api/auth/login", jsonInit("POST", { email, password })));
}

/** POST /api/auth/setup: the first account, signed in at once. */
export async function setUp(token: string, email: string, password: string): Promise<Teacher> {
  return grantFrom(await request("/api/auth/setup", jsonInit("POST", { token, email, password })));
}

/** Revokes this sign-in on the server and forgets it in every tab. */
export async function signOut(): Promise<void> {
  try {
    await withRefreshLock(() => request("/api/auth/logout", jsonInit("POST")));
  } finally {
    forget();
    channel?.postMessage({ type: "signed-out" } satisfies TabMessage);
  }
}

/**
 * `fetch` for endpoints that need a teacher: adds the bearer token; when the server says it
 * expired (the laptop slept, say) refreshes once and tries again.
 */
export async function teacherFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) =>
    request(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
  const response = await send(await accessToken());
  if (response.status !== 401) return response;
  const problem = await apiError(response.clone());
  if (problem.code === "expired-token") {
    grant = grant && { ...grant, expiresAt: 0 };
    return send(await accessToken());
  }
  if (problem.code === "invalid-token" || problem.code === "missing-token") forget();
  return response;
}

async function grantFrom(response: Response): Promise<Teacher> {
  if (!response.ok) throw await apiError(response);
  const next = parseGrant(await response.json());
  adopt(next);
  channel?.postMessage({ type: "grant", ...next } satisfies TabMessage);
  return next.teacher;
}

/** One refresh at a time in this tab, and (through the lock) in all tabs. */
function refresh(): Promise<Grant | null> {
  refreshing ??= withRefreshLock(async () => {
    // Re-read: another tab may have refreshed while this one waited for the lock.
    if (grant && usable(grant)) return grant;
    const lent = await askOtherTabs();
    if (lent) return lent;
    const response = await request("/api/auth/refresh", jsonInit("POST"));
    if (response.status === 401) {
      forget();
      channel?.postMessage({ type: "signed-out" } satisfies TabMessage);
      return null;
    }
    if (!response.ok) throw await apiError(response);
    const next = parseGrant(await response.json());
    adopt(next);
    channel?.postMessage({ type: "grant", ...next } satisfies TabMessage);
    return next;
  })
    .catch(() => {
      // Offline or a server error: keep what we know, try again soon.
      schedule(RETRY_MS);
      if (state.status === "unknown") setState({ status: "offline" });
      return grant;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function askOtherTabs(): Promise<Grant | null> {
  if (!channel || grant) return null;
  channel.postMessage({ type: "ask" } satisfies TabMessage);
  await new Promise((resolve) => setTimeout(resolve, ASK_TIMEOUT_MS));
  return grant && usable(grant) ? grant : null;
}

/**
 * Web Locks need a secure context (https or localhost). A teacher on a plain-http LAN address
 * falls back to a short lease in localStorage: not atomic, but it keeps two tabs from refreshing
 * in the same instant, which is the case that matters.
 */
async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request(LOCK_NAME, work);
  }
  const key = `quorum.${LOCK_NAME}`;
  for (let tries = 0; tries < 50; tries++) {
    const held = Number(localStorage.getItem(key));
    if (!held || Date.now() - held > 5_000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  localStorage.setItem(key, String(Date.now()));
  try {
    return await work();
  } finally {
    localStorage.removeItem(key);
  }
}

function usable(current: Grant): boolean {
  return current.expiresAt - Date.now() > REFRESH_MARGIN_MS / 2;
}

function adopt(next: Grant): void {
  if (grant && grant.expiresAt >= next.expiresAt && grant.accessToken === next.accessToken) return;
  grant = next;
  setState({ status: "signed-in", teacher: next.teacher });
  const lifetime = next.expiresAt - Date.now();
  schedule(Math.max(1_000, lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 5)));
}

function forget(): void {
  grant = null;
  clearTimeout(timer);
  setState({ status: "signed-out" });
}

function schedule(ms: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), ms);
}

function setState(next: AuthState): void {
  const same =
    next.status === state.status &&
    (next.status !== "signed-in" ||
      (state.status === "signed-in" && state.teacher.id === next.teacher.id));
  state = next;
  if (!same) for (const listener of listeners) listener(next);
}

function parseGrant(body: unknown): Grant {
  const { accessToken, expiresIn, teacher } = body as {
    accessToken: string;
    expiresIn: number;
    teacher: Teacher;
  };
  return { accessToken, expiresAt: Date.now() + expiresIn * 1000, teacher };
}
