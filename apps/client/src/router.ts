import { useEffect, useState } from "preact/hooks";

/** The client's pages. `/join/ABC234` is the address a QR code on the projector links to (P2). */
export type Route =
  | { page: "landing"; joinCode: string | null }
  | { page: "host"; query: URLSearchParams }
  // Student side (P3, P4): one node of the network, on a phone.
  | { page: "play"; joinCode: string }
  // Teacher side (P1, P4): sign-in, the dashboard, a session's console and its projector view.
  | { page: "login"; next: string | null }
  | { page: "setup"; token: string | null }
  | { page: "teach" }
  | { page: "console"; sessionId: string }
  | { page: "projector"; sessionId: string; token: string | null; join: string | null }
  // Replays (§1.2, P4): a session's rounds and one round's replay for its teacher; a replay file
  // or a shared round for anyone, with no sign-in.
  | { page: "rounds"; sessionId: string }
  | { page: "round-replay"; sessionId: string; round: number }
  | { page: "replay-file" }
  | { page: "replay-shared"; token: string }
  | { page: "not-found" };

export function routeOf(location: Pick<Location, "pathname" | "search">): Route {
  const path = location.pathname.replace(/\/+$/, "") || "/";
  const query = new URLSearchParams(location.search);
  if (path === "/") return { page: "landing", joinCode: query.get("code") };
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join) return { page: "landing", joinCode: decodePathSegment(join[1]!) };
  if (path === "/join") return { page: "landing", joinCode: query.get("code") };
  if (path === "/host") return { page: "host", query };
  const play = /^\/play\/([^/]+)$/.exec(path);
  if (play) return { page: "play", joinCode: decodePathSegment(play[1]!).toUpperCase() };
  if (path === "/login") return { page: "login", next: query.get("next") };
  if (path === "/setup") return { page: "setup", token: query.get("token") };
  if (path === "/teach") return { page: "teach" };
  const teachSession = /^\/teach\/([^/]+)$/.exec(path);
  if (teachSession) return { page: "console", sessionId: decodePathSegment(teachSession[1]!) };
  const rounds = /^\/teach\/([^/]+)\/rounds(?:\/([1-9]\d{0,8}))?$/.exec(path);
  if (rounds) {
    const sessionId = decodePathSegment(rounds[1]!);
    return rounds[2]
      ? { page: "round-replay", sessionId, round: Number(rounds[2]) }
      : { page: "rounds", sessionId };
  }
  if (path === "/replay") return { page: "replay-file" };
  const shared = /^\/replay\/s\/([^/]+)$/.exec(path);
  if (shared) return { page: "replay-shared", token: decodePathSegment(shared[1]!) };
  const projector = /^\/projector\/([^/]+)$/.exec(path);
  if (projector) {
    const sessionId = decodePathSegment(projector[1]!);
    return { page: "projector", sessionId, token: query.get("token"), join: query.get("join") };
  }
  return { page: "not-found" };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%": show what was typed and let validation explain it
  }
}

const NAVIGATE = "quorum:navigate";

/** Moves to another page of the app without reloading it. */
export function navigate(href: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATE));
  if (!replace) window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location));
  useEffect(() => {
    const update = () => setRoute(routeOf(location));
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return route;
}

/** A click on an in-app link: handled here unless the user asked for a new tab or window. */
export function followLink(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.origin !== location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
