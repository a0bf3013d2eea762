import { useEffect, useState } from "preact/hooks";
import { navigate } from "../router.ts";
import { type AuthState, authState, onAuthChange, restore } from "./auth.ts";

/** The sign-in state, asked of the server once when a page first needs it. */
export function useAuth(): AuthState {
  const [state, setState] = useState(authState);
  useEffect(() => {
    const stop = onAuthChange(setState);
    void restore().then(setState);
    return stop;
  }, []);
  return state;
}

/** The address of the sign-in page that comes back here afterwards. */
export function loginHref(next = location.pathname + location.search): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** For teacher pages: sends a signed-out visitor (or one whose sign-in ends) to /login. */
export function useTeacher(): AuthState {
  const state = useAuth();
  useEffect(() => {
    if (state.status === "signed-out") navigate(loginHref(), { replace: true });
  }, [state.status]);
  return state;
}

/** Only same-origin paths are followed after sign-in, so a link cannot send a teacher away. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/teach";
  return next;
}
