import type { AuthState } from "../auth/auth.ts";
import { restore } from "../auth/auth.ts";
import { useI18n } from "../i18n.tsx";
import { Page } from "../ui/Page.tsx";

/** What a teacher page shows until it knows who is signed in (signed out: useTeacher redirects). */
export function SignInGate({ state }: { state: AuthState }) {
  const { t } = useI18n();
  return (
    <Page class="page--message">
      <main class="message" aria-busy={state.status === "unknown"}>
        {state.status === "offline" ? (
          <>
            <p class="notice notice--problem">{t("auth.error.unreachable")}</p>
            <button type="button" class="button button--secondary" onClick={() => void restore()}>
              {t("teach.retry")}
            </button>
          </>
        ) : (
          <p>{t("page.loading")}</p>
        )}
      </main>
    </Page>
  );
}
